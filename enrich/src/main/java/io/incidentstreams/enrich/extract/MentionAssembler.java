package io.incidentstreams.enrich.extract;

import io.incidentstreams.model.Actor;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.Cue;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.Evidence;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import io.incidentstreams.model.Relation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Turns the sentences of a parsed article into incident mentions.
 *
 * <p>Each trigger in a sentence becomes a candidate carrying the date, places, figures, actors and cues closest to
 * it. A candidate either joins an incident already seen in the same piece of the page or starts a new one:
 * definite references ("the rockets", "Wednesday's attack") join the incident under discussion; indefinite ones join
 * only when nothing contradicts (date, place, figures, weapons, perpetrator); "a similar attack", "N days after X" and
 * "another" always start a new one. Sentences without a trigger lend their figures and attribution to the incident
 * discussed in the sentence before, or else to the piece's main report; a trigger that joins nothing (an
 * apposition) hands its details to the nearest one that did. An incident is kept only if it has a date, a place, a
 * figure or a named actor: generic statements produce nothing. One attack on sites in two towns becomes one mention
 * per site.
 */
final class MentionAssembler {

    private static final Set<String> PREMOD_FILLERS = Set.of("had", "has", "have", "carried", "out", "conducted",
            "launched", "a", "an", "the", "also", "then", "reportedly", "directed", "led", "allegedly", "its",
            "fired", "been");
    private static final Set<String> OBJECT_MARKERS = Set.of("against", "targeting", "on", "at", "with", "to",
            "for", "toward", "towards", "targeted");
    private static final Set<String> TRUCE_WORDS = Set.of("truce", "ceasefire", "pause", "lull", "calm",
            "ceasefires", "truces", "moratorium");
    private static final String UNIDENTIFIED = "Unidentified armed group";
    private static final Set<String> SELF_REPORT = Set.of("said", "says", "announced", "confirmed", "stated");

    private final Rules r;

    MentionAssembler(Rules rules) {
        this.r = rules;
    }

    // ------------------------------------------------------------------------------------------------------------
    // per-call state

    private static final class HitInfo {
        final TriggerRules.Hit h;
        boolean sink;
        boolean ref;
        boolean create;
        boolean object;
        HitInfo subject;
        DateFinder.Expr offsetExpr;
        DateFinder.Expr date;
        int dateDistance = Integer.MAX_VALUE;
        DateFinder.Expr relative;
        int relativeDistance = Integer.MAX_VALUE;
        final List<PlaceRoles.Roled> places = new ArrayList<>();
        final List<CasualtyFinder.Statement> figures = new ArrayList<>();
        final List<ActorCatalog.Mention> perpetrators = new ArrayList<>();
        final List<ActorCatalog.Mention> parties = new ArrayList<>();
        final List<CueRules.Attribution> attributions = new ArrayList<>();
        final List<TargetRules.Mention> targets = new ArrayList<>();
        final List<String> cues = new ArrayList<>();
        CueRules.Found unclaimed;
        Draft draft;

        HitInfo(TriggerRules.Hit h) {
            this.h = h;
        }
    }

    private static final class View {
        Sentence s;
        List<Token> t;
        List<HitInfo> hits = new ArrayList<>();
        List<DateFinder.Expr> dates = List.of();
        List<int[]> dateSpans = new ArrayList<>();
        List<PlaceRoles.Roled> places = List.of();
        List<CasualtyFinder.Statement> figures = List.of();
        List<ActorCatalog.Mention> actors = List.of();
        List<CueRules.Attribution> attributions = List.of();
        CueRules.Found unclaimed;
        List<CueRules.Found> relations = List.of();
        List<TargetRules.Mention> targets = List.of();
        boolean truceWord;
        boolean announce;
        boolean[] sinceMask;
        final List<DateFinder.Expr> assignedDates = new ArrayList<>(2);
        // elements that no trigger in the sentence took
        final List<CasualtyFinder.Statement> looseFigures = new ArrayList<>();
        final List<CueRules.Attribution> looseAttributions = new ArrayList<>();
        CueRules.Found looseUnclaimed;
        final List<String> looseCues = new ArrayList<>();
    }

    private final class PieceState {
        final Piece piece;
        final String text;
        /** The text as an array, read by the tokenizer. */
        final char[] chars;
        /** The date matcher over the text, made when the first sentence needs it. */
        java.util.regex.Matcher dateMatcher;
        final List<Draft> drafts = new ArrayList<>();
        Draft main;
        Draft current;
        Draft lastTouched;
        Place lastSite;
        /** The last date given with its year, and the sentence it was in: year-less dates near it share its year. */
        java.time.LocalDate yearContext;
        int contextSentence = Integer.MIN_VALUE / 2;
        int seq;
        /** The article's countries, for choosing among same-named places. */
        Gazetteer.Context geo;

        PieceState(Piece piece, String text, char[] chars, int seqStart) {
            this.piece = piece;
            this.text = text;
            this.chars = chars;
            this.seq = seqStart;
        }

        Draft newDraft(Sentence s, IncidentType type) {
            Draft d = new Draft(seq++, piece.index(), piece.teaser(), s.index(), type);
            drafts.add(d);
            return d;
        }
    }

    // ------------------------------------------------------------------------------------------------------------

    List<IncidentMention> assemble(Article article, ParsedArticle parsed) {
        List<Draft> kept = new ArrayList<>();
        List<ActorCatalog.Def> recentActors = new ArrayList<>();
        int seq = 0;
        char[] chars = parsed.chars();
        Gazetteer.Context geo = r.gazetteer.context(parsed, r.lexicon);
        for (Piece piece : parsed.pieces()) {
            PieceState ps = new PieceState(piece, parsed.text(), chars, seq);
            ps.geo = geo;
            for (Sentence s : piece.sentences()) {
                process(ps, s, recentActors);
            }
            kept.addAll(finish(ps));
            seq = ps.seq;
        }
        kept.sort(Comparator.comparingInt((Draft d) -> d.firstSentence).thenComparingInt(d -> d.seq));
        List<IncidentMention> out = new ArrayList<>(kept.size());
        for (Draft d : kept) {
            IncidentMention m = toMention(article, d, out.size());
            out.add(m);
            for (Draft.PlaceChoice site : d.extraSites) {
                out.add(atOtherSite(article, m, site, out.size()));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------------------
    // one sentence

    private void process(PieceState ps, Sentence s, List<ActorCatalog.Def> recentActors) {
        View v = new View();
        v.s = s;
        v.t = ps.geo != null ? ps.geo.tokens(s) : Tokenizer.tokenize(ps.text, ps.chars, s.start(), s.end(), r.lexicon);
        if (v.t.isEmpty()) {
            ps.current = null;
            return;
        }
        v.actors = r.actors.find(v.t, recentActors);
        for (TriggerRules.Hit h : r.triggers.find(v.t)) {
            HitInfo hi = new HitInfo(h);
            classify(hi);
            if (hi.sink || hi.ref || hi.create || h.kind() == TriggerRules.Kind.WEAK) {
                v.hits.add(hi); // an indefinite weak trigger may still report an incident if it carries a figure
            }
        }
        boolean casualtyWords = r.casualties.mentionsCasualties(v.t);
        v.attributions = r.cues.attributions(v.t, v.actors);
        v.unclaimed = r.cues.unclaimed(v.t);
        v.relations = r.cues.relations(v.t);
        if (v.hits.isEmpty() && !casualtyWords && v.attributions.isEmpty() && v.unclaimed == null
                && v.relations.isEmpty()) {
            ps.current = null;
            return;
        }
        if (ps.dateMatcher == null) {
            ps.dateMatcher = DateFinder.matcher(ps.text);
        }
        v.dates = r.dates.find(ps.text, v.t, s.end(), ps.piece.anchor(),
                s.index() - ps.contextSentence <= 4 ? ps.yearContext : null, ps.dateMatcher);
        for (DateFinder.Expr d : v.dates) {
            java.time.LocalDate explicit = DateFinder.explicitYear(d);
            if (explicit != null && d.usable()) {
                ps.yearContext = explicit;
                ps.contextSentence = s.index();
            }
        }
        for (DateFinder.Expr d : v.dates) {
            v.dateSpans.add(tokenSpan(v.t, d.start(), d.end()));
        }
        // Neither an actor's name nor a date ("on Easter Sunday") is a place.
        v.places = r.placeRoles.find(v.t, notPlaceMask(v), ps.geo);
        v.figures = casualtyWords ? r.casualties.find(v.t, namedTokens(v)) : List.of();
        v.places = withSameSite(ps, v, v.places);
        if (!v.hits.isEmpty()) { // targets and announcing verbs only ever go to triggers
            v.targets = r.targets.find(v.t);
            v.announce = r.triggers.hasAnnounceVerb(v.t, 0, v.t.size());
        }
        if (!v.relations.isEmpty()) {
            for (Token tok : v.t) {
                if (TRUCE_WORDS.contains(tok.norm())) {
                    v.truceWord = true; // only a relation cue needs to know
                    break;
                }
            }
        }
        for (HitInfo hi : v.hits) {
            if (hi.h.kind() == TriggerRules.Kind.TRUCE) {
                v.truceWord = true;
                if (!hi.sink && v.announce) {
                    // "a truce announced by ..." reports one; "the truce that the factions declared" may too,
                    // when no truce was met before
                    hi.create = true;
                    hi.ref = hi.h.reference() == TriggerRules.Reference.DEFINITE;
                }
            }
        }
        v.sinceMask = sinceMask(v.t);
        for (HitInfo hi : v.hits) {
            if (v.sinceMask[hi.h.from()] && hi.h.kind() != TriggerRules.Kind.EVENT) {
                hi.sink = true; // "since an attack killed the general": a time reference
                hi.ref = false;
                hi.create = false;
            }
        }
        assignDates(v);
        for (HitInfo hi : v.hits) {
            // "a series of airstrikes ... on March 8, 2021": a general word with a day date is one concrete event
            if (hi.sink && hi.h.generic() && !hi.h.hypothetical() && hi.h.kind() == TriggerRules.Kind.EVENT
                    && !v.sinceMask[hi.h.from()] && hi.date != null && hi.date.value() != null
                    && hi.date.value().precision() == DatePrecision.DAY && hi.date.value().resolved()) {
                hi.sink = false;
                hi.create = true;
                hi.ref = hi.h.reference() == TriggerRules.Reference.DEFINITE;
            }
        }
        assignPlaces(v);
        assignFigures(v);
        assignActors(v);
        assignAttributions(v);
        assignTargets(v);
        assignRelations(v);
        // a weak trigger ("an attack") reports an incident only with a figure
        for (HitInfo hi : v.hits) {
            if (hi.h.kind() == TriggerRules.Kind.WEAK && !hi.sink && (!hi.ref || hi.object) && hasPositiveFigure(hi)) {
                hi.create = true;
            }
        }

        List<Draft> touched = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (HitInfo hi : v.hits) {
                if (hi.sink || (!hi.ref && !hi.create) || hi.object != (pass == 1)) {
                    continue;
                }
                Draft d = place(ps, v, hi);
                if (d != null) {
                    hi.draft = d;
                    absorb(ps, v, hi, d);
                    if (!touched.contains(d)) {
                        touched.add(d);
                    }
                }
            }
        }
        handOver(v);
        Draft loose = ps.current != null ? ps.current : ps.main;
        if (loose != null && hasLoose(v) && !dateConflict(v, loose)) {
            absorbLoose(ps, v, loose);
            if (!touched.contains(loose)) {
                touched.add(loose);
            }
        }
        ps.current = touched.isEmpty() ? null : touched.get(touched.size() - 1);
        if (ps.current != null) {
            ps.lastTouched = ps.current;
        }
    }

    /** Tokens inside an actor name: never a place. */
    /** Tokens that cannot name a place: those of actors and of date expressions; null when there are none. */
    private static boolean[] notPlaceMask(View v) {
        boolean[] mask = actorMask(v);
        for (int[] span : v.dateSpans) {
            if (span == null) {
                continue;
            }
            if (mask == null) {
                mask = new boolean[v.t.size()];
            }
            for (int i = Math.max(0, span[0]); i < Math.min(span[1], mask.length); i++) {
                mask[i] = true;
            }
        }
        return mask;
    }

    private static boolean[] actorMask(View v) {
        if (v.actors.isEmpty()) {
            return null;
        }
        boolean[] mask = new boolean[v.t.size()];
        for (ActorCatalog.Mention m : v.actors) {
            for (int i = m.from(); i < m.to(); i++) {
                mask[i] = true;
            }
        }
        return mask;
    }

    /** Tokens inside an actor or place name: never the name of a person killed. */
    private static boolean[] namedTokens(View v) {
        boolean[] named = new boolean[v.t.size()];
        for (ActorCatalog.Mention m : v.actors) {
            for (int i = m.from(); i < m.to(); i++) {
                named[i] = true;
            }
        }
        for (PlaceRoles.Roled p : v.places) {
            for (int i = p.from(); i < p.to(); i++) {
                named[i] = true;
            }
        }
        return named;
    }

    private static final Set<String> SITE_HIT_WORDS = Set.of("on", "at", "hit", "struck", "targeted", "inside",
            "in", "into");
    private static final Set<String> SITE_NOUNS = Set.of("base", "camp", "site", "airport", "square", "zone",
            "compound", "airbase", "facility");

    /** "rockets on the same base": the site named last in this piece. */
    private List<PlaceRoles.Roled> withSameSite(PieceState ps, View v, List<PlaceRoles.Roled> places) {
        List<PlaceRoles.Roled> out = null;
        for (int i = 0; ps.lastSite != null && i + 1 < v.t.size(); i++) {
            if (!PlaceRoles.SITE_REFERENCE.contains(v.t.get(i))) {
                continue;
            }
            boolean theZone = v.t.get(i).norm().equals("the") && v.t.get(i + 1).norm().equals("zone")
                    && ps.lastSite != null && ps.lastSite.kind().equals("zone");
            if ((theZone || v.t.get(i).norm().equals("same") && SITE_NOUNS.contains(v.t.get(i + 1).norm()))
                    && ps.lastSite != null) {
                if (out == null) {
                    out = new ArrayList<>(places);
                }
                int before = theZone ? i - 1 : i - 2;
                PlaceRoles.Role role = before >= 0 && SITE_HIT_WORDS.contains(v.t.get(before).norm())
                        ? PlaceRoles.Role.HIT : PlaceRoles.Role.OTHER;
                out.add(new PlaceRoles.Roled(ps.lastSite, i, i + 2, role));
            }
        }
        for (PlaceRoles.Roled p : out == null ? places : out) {
            if (p.place().isSite() && (p.role() == PlaceRoles.Role.HIT || p.role() == PlaceRoles.Role.NEAR)) {
                ps.lastSite = p.place();
            }
        }
        return out == null ? places : out;
    }

    private void classify(HitInfo hi) {
        TriggerRules.Hit h = hi.h;
        if (h.generic() || h.hypothetical()) {
            hi.sink = true;
            return;
        }
        boolean definite = h.reference() == TriggerRules.Reference.DEFINITE;
        switch (h.kind()) {
            case EVENT:
                hi.create = true;
                hi.ref = definite;
                break;
            case TRUCE:
                hi.ref = true; // becomes a creation when an announcing verb is present
                break;
            case WEAK:
            case WEAPON:
                hi.ref = definite;
                break;
            default:
                break;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // assigning what a sentence says to its triggers

    private static int distance(TriggerRules.Hit h, int from, int to) {
        if (to <= h.from()) {
            return h.from() - to;
        }
        if (from >= h.to()) {
            return from - h.to();
        }
        return 0;
    }

    private boolean reportingBetween(List<Token> t, TriggerRules.Hit h, int from, int to) {
        int a = Math.min(h.to(), to);
        int b = Math.max(h.from(), from);
        if (to <= h.from()) {
            a = to;
            b = h.from();
        } else if (from >= h.to()) {
            a = h.to();
            b = from;
        } else {
            return false;
        }
        for (int i = a; i < b; i++) {
            if (r.cues.isReportingVerb(t.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean strongBetween(List<Token> t, TriggerRules.Hit h, int from, int to) {
        int a = to <= h.from() ? to : h.to();
        int b = to <= h.from() ? h.from() : from;
        for (int i = Math.max(a, 1); i <= Math.min(b, t.size() - 1); i++) {
            if (t.get(i).sepBefore() != 0 && (t.get(i).sepBefore() & Token.STRONG) != 0 && i > a && i <= b) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tokens inside a "since ..." phrase up to the next comma ("since the 2003 invasion of the capital"):
     * their places and dates describe another time, not the incident.
     */
    private static boolean[] sinceMask(List<Token> t) {
        boolean[] mask = new boolean[t.size()];
        for (int i = 0; i < t.size(); i++) {
            if (!DateFinder.SINCE.contains(t.get(i))) {
                continue;
            }
            int j = i + 1;
            while (j < t.size() && !t.get(j).clauseBreakBefore()) {
                mask[j] = true;
                j++;
            }
            i = j - 1;
        }
        return mask;
    }

    private void assignDates(View v) {
        for (int k = 0; k < v.dates.size(); k++) {
            DateFinder.Expr d = v.dates.get(k);
            if (!d.usable()) {
                continue;
            }
            int[] span = v.dateSpans.get(k);
            boolean inSince = span[0] < v.t.size() && v.sinceMask[span[0]];
            if (d.kind() == DateFinder.Kind.OFFSET_TO_EVENT) {
                assignOffset(v, d, span);
                continue;
            }
            // "In September, the coalition's air strikes on ...": a date opening the sentence frames its main clause
            boolean frame = span[0] <= 1 && span[1] < v.t.size() && (v.t.get(span[1]).sepBefore() & Token.COMMA) != 0;
            HitInfo best = null;
            int bestDist = Integer.MAX_VALUE;
            for (HitInfo hi : v.hits) {
                TriggerRules.Hit h = hi.h;
                if (inSince != v.sinceMask[h.from()]) {
                    continue;
                }
                int dist = distance(h, span[0], span[1]);
                boolean premodifier = span[1] <= h.headFrom() && h.headFrom() - span[1] <= 2;
                if (h.kind() == TriggerRules.Kind.TRUCE) {
                    if (!v.announce && dist > 2) {
                        continue;
                    }
                } else {
                    boolean refOnly = hi.ref && !hi.create || h.reference() == TriggerRules.Reference.DEFINITE;
                    // "the rockets hit close to the zone on January 8" reaches further than "that attack ... on Monday"
                    int reach = h.kind() == TriggerRules.Kind.EVENT && !commaBetween(v.t, h, span[0], span[1]) ? 8 : 3;
                    if (refOnly && dist > reach && !premodifier && !(frame && h.from() >= span[1])) {
                        continue;
                    }
                    if (reportingBetween(v.t, h, span[0], span[1]) || strongBetween(v.t, h, span[0], span[1])) {
                        continue;
                    }
                }
                if (dist < bestDist) {
                    best = hi;
                    bestDist = dist;
                }
            }
            if (best == null) {
                continue;
            }
            v.assignedDates.add(d);
            if (d.kind() == DateFinder.Kind.RELATIVE_TO_CONTEXT) {
                if (bestDist < best.relativeDistance) {
                    best.relative = d;
                    best.relativeDistance = bestDist;
                }
            } else if (best.date == null || bestDist < best.dateDistance
                    || d.zone() == DateFinder.Zone.LOCAL && best.date.zone() != DateFinder.Zone.LOCAL
                    && bestDist <= 6) {
                best.date = d;
                best.dateDistance = bestDist;
            }
        }
    }

    /** "A comes N days after B": B is the object, dated from A. */
    private void assignOffset(View v, DateFinder.Expr d, int[] span) {
        HitInfo object = null;
        for (HitInfo hi : v.hits) {
            if (hi.h.from() >= span[1] && hi.h.from() - span[1] <= 6 && !hi.sink && hi.h.violent()) {
                object = hi;
                break;
            }
        }
        if (object == null) {
            return;
        }
        HitInfo subject = null;
        for (HitInfo hi : v.hits) {
            if (hi.h.to() <= span[0] && !hi.sink && hi.h.violent()) {
                subject = hi; // the nearest one before
            }
        }
        if (subject == null) {
            for (HitInfo hi : v.hits) {
                if (hi != object && hi.h.from() > object.h.to() && !hi.sink && hi.h.violent()) {
                    subject = hi;
                    break;
                }
            }
        }
        object.object = true;
        object.subject = subject;
        object.offsetExpr = d;
        if (object.h.kind() == TriggerRules.Kind.WEAK || object.h.kind() == TriggerRules.Kind.WEAPON) {
            object.ref = true; // joins a known incident, or reports one if it carries a figure (below)
        }
    }

    private void assignPlaces(View v) {
        for (PlaceRoles.Roled p : v.places) {
            if (p.role() != PlaceRoles.Role.HIT && p.role() != PlaceRoles.Role.NEAR
                    && p.role() != PlaceRoles.Role.DIRECTION) {
                continue;
            }
            HitInfo best = null;
            int bestDist = Integer.MAX_VALUE;
            for (HitInfo hi : v.hits) {
                TriggerRules.Hit h = hi.h;
                if (v.sinceMask[p.from()] != v.sinceMask[h.from()]) {
                    continue; // a place inside "since ..." belongs only to a report inside it
                }
                boolean after = p.from() >= h.to();
                int dist = distance(h, p.from(), p.to()) + (after ? 0 : 2)
                        + (commaBetween(v.t, h, p.from(), p.to()) ? 4 : 0);
                if (strongBetween(v.t, h, p.from(), p.to()) && !(p.from() >= h.to() && p.list()
                        && onlyColonBetween(v.t, h.to(), p.from()))) {
                    continue;
                }
                boolean refOnly = hi.ref && !hi.create;
                if (h.kind() == TriggerRules.Kind.TRUCE) {
                    dist += 20; // a truce takes a place only when no attack in the sentence does
                } else if (refOnly && (!after || dist > 4)) {
                    continue;
                }
                if (dist < bestDist) {
                    best = hi;
                    bestDist = dist;
                }
            }
            if (best != null) {
                best.places.add(p);
            }
        }
    }

    /** True if the only strong stop in tokens {@code (from, to]} is one colon. */
    private static boolean onlyColonBetween(List<Token> t, int from, int to) {
        int colons = 0;
        for (int i = Math.max(from, 1); i <= Math.min(to, t.size() - 1); i++) {
            int sep = t.get(i).sepBefore();
            if ((sep & Token.STRONG) != 0) {
                if ((sep & Token.COLON) == 0) {
                    return false;
                }
                colons++;
            }
        }
        return colons <= 1;
    }

    private static boolean commaBetween(List<Token> t, TriggerRules.Hit h, int from, int to) {
        int a = to <= h.from() ? to : h.to();
        int b = to <= h.from() ? h.from() : from;
        for (int i = Math.max(a, 1); i <= Math.min(b, t.size() - 1); i++) {
            if (t.get(i).clauseBreakBefore()) {
                return true;
            }
        }
        return false;
    }

    private void assignFigures(View v) {
        for (CasualtyFinder.Statement f : v.figures) {
            HitInfo best = nearestViolent(v, f.from(), f.to(), true);
            if (best != null && v.sinceMask[Math.min(f.from(), v.t.size() - 1)] != v.sinceMask[best.h.from()]) {
                continue; // a figure inside "since ..." belongs only to a report inside it
            }
            if (best == null) {
                v.looseFigures.add(f);
            } else {
                best.figures.add(f);
            }
        }
    }

    private HitInfo nearestViolent(View v, int from, int to, boolean sinks) {
        HitInfo best = null;
        int bestDist = Integer.MAX_VALUE;
        for (HitInfo hi : v.hits) {
            if (!hi.h.violent() || (!sinks && hi.sink)) {
                continue;
            }
            if (hi.h.kind() == TriggerRules.Kind.WEAPON && !hi.ref) {
                continue;
            }
            int dist = distance(hi.h, from, to);
            if (dist < bestDist) {
                best = hi;
                bestDist = dist;
            }
        }
        return best;
    }

    private void assignActors(View v) {
        for (ActorCatalog.Mention m : v.actors) {
            for (HitInfo hi : v.hits) {
                if (hi.sink) {
                    continue;
                }
                TriggerRules.Hit h = hi.h;
                if (h.kind() == TriggerRules.Kind.TRUCE) {
                    if (m.to() <= h.from() && h.from() - m.to() <= 12
                            && !TriggerRules.breakBetween(v.t, m.to(), h.from() + 1, true) && !objectBefore(v.t, m)) {
                        hi.parties.add(m);
                    } else if (byAfter(v.t, h, m, 4) || declaredBy(v.t, h, m)) {
                        hi.parties.add(m);
                    }
                    continue;
                }
                if (byAfter(v.t, h, m, 3) || premodifier(v.t, h, m)) {
                    hi.perpetrators.add(m);
                }
            }
        }
        // "US aircraft struck five sites ..., the Pentagon said": a force reporting its own strike claims it
        for (HitInfo hi : v.hits) {
            for (ActorCatalog.Mention p : hi.perpetrators) {
                for (ActorCatalog.Mention m : v.actors) {
                    if (m != p && m.from() >= hi.h.to() && m.def().family() != null
                            && m.def().family().equals(p.def().family()) && m.to() < v.t.size()
                            && SELF_REPORT.contains(v.t.get(m.to()).norm())) {
                        hi.attributions.add(new CueRules.Attribution(p.def(), "claimed", m.from(), m.to() + 1));
                    }
                }
            }
        }
    }

    private static boolean objectBefore(List<Token> t, ActorCatalog.Mention m) {
        return m.from() > 0 && OBJECT_MARKERS.contains(t.get(m.from() - 1).norm());
    }

    /** "a mortar attack by KH", "a truce declared by pro-Iran factions". */
    private static boolean byAfter(List<Token> t, TriggerRules.Hit h, ActorCatalog.Mention m, int window) {
        if (m.from() < h.to() || m.from() - h.to() > window) {
            return false;
        }
        for (int i = h.to(); i < m.from(); i++) {
            if (t.get(i).norm().equals("by")) {
                return !TriggerRules.breakBetween(t, h.to(), m.from() + 1, false);
            }
        }
        return false;
    }

    /** "the truce that pro-Iran factions had declared": the actor of a relative clause on the truce. */
    private boolean declaredBy(List<Token> t, TriggerRules.Hit h, ActorCatalog.Mention m) {
        if (m.from() < h.to() || m.from() - h.to() > 2 || TriggerRules.breakBetween(t, h.to(), m.from() + 1, false)) {
            return false;
        }
        return r.triggers.hasAnnounceVerb(t, m.to(), Math.min(t.size(), m.to() + 3));
    }

    /** "Iran's missile strikes", "a U.S. drone strike", "Iran had fired multiple missiles", "US aircraft struck". */
    private static boolean premodifier(List<Token> t, TriggerRules.Hit h, ActorCatalog.Mention m) {
        int start = Math.min(h.from(), h.headFrom());
        if (m.from() >= start) {
            return false;
        }
        if (m.to() > start) {
            return true; // the alias overlaps the trigger: "US aircraft" + "struck"
        }
        if (start - m.to() > 4 || TriggerRules.breakBetween(t, m.to(), start + 1, false)) {
            return false;
        }
        for (int i = m.to(); i < start; i++) {
            if (!PREMOD_FILLERS.contains(t.get(i).norm()) && !t.get(i).hyphenBefore()) {
                return false;
            }
        }
        return true;
    }

    private void assignAttributions(View v) {
        for (CueRules.Attribution a : v.attributions) {
            HitInfo target = null;
            int bestDist = Integer.MAX_VALUE;
            for (HitInfo hi : v.hits) {
                if (!hi.h.violent() || hi.h.kind() == TriggerRules.Kind.WEAPON && !hi.ref) {
                    continue;
                }
                boolean before = hi.h.to() <= a.from() || hi.h.from() < a.to() && hi.h.to() > a.from();
                boolean forComplement = hi.h.from() >= a.to() && hi.h.from() - a.to() <= 4
                        && containsWord(v.t, a.to(), hi.h.from(), "for");
                if (!before && !forComplement) {
                    continue;
                }
                int dist = distance(hi.h, a.from(), a.to());
                if (dist < bestDist) {
                    target = hi;
                    bestDist = dist;
                }
            }
            if (target == null) {
                v.looseAttributions.add(a);
            } else {
                target.attributions.add(a);
            }
        }
        if (v.unclaimed != null) {
            HitInfo best = nearestViolent(v, v.unclaimed.from(), v.unclaimed.to(), false);
            if (best == null || !best.ref && !best.create) {
                v.looseUnclaimed = v.unclaimed;
            } else {
                best.unclaimed = v.unclaimed;
            }
        }
    }

    private static boolean containsWord(List<Token> t, int from, int to, String word) {
        for (int i = Math.max(0, from); i < Math.min(to, t.size()); i++) {
            if (t.get(i).norm().equals(word)) {
                return true;
            }
        }
        return false;
    }

    private void assignTargets(View v) {
        for (TargetRules.Mention m : v.targets) {
            HitInfo best = nearestViolent(v, m.from(), m.to(), true);
            // A person was found after a killing word: the sentence's nearest attack is what killed them.
            if (best != null && (m.person() || distance(best.h, m.from(), m.to()) <= 8)) {
                best.targets.add(m);
            }
        }
    }

    private void assignRelations(View v) {
        for (CueRules.Found f : v.relations) {
            String rel = f.meaning();
            HitInfo modified = null;
            for (HitInfo hi : v.hits) {
                if (f.to() - f.from() == 1 && hi.h.headFrom() == f.to() && hi.h.violent()) {
                    modified = hi; // "retaliatory attacks": the cue is an adjective of that trigger
                }
            }
            if (modified != null) {
                if (!modified.sink && (modified.ref || modified.create)) {
                    modified.cues.add(rel);
                }
                continue;
            }
            if (rel.equals(Relation.BREAKS_TRUCE)) {
                if (!v.truceWord) {
                    continue;
                }
                HitInfo first = null;
                for (HitInfo hi : v.hits) {
                    if (hi.h.violent() && !hi.sink && (hi.ref || hi.create)
                            && hi.h.kind() != TriggerRules.Kind.WEAPON) {
                        first = hi;
                        break;
                    }
                }
                if (first == null) {
                    v.looseCues.add(rel);
                } else {
                    first.cues.add(rel);
                }
            } else if (rel.equals(Relation.RETALIATION_FOR)) {
                HitInfo subject = null;
                for (HitInfo hi : v.hits) {
                    if (!hi.h.violent() || hi.sink || !(hi.ref || hi.create)) {
                        continue;
                    }
                    if (hi.h.to() <= f.from()) {
                        subject = hi;
                    }
                }
                if (subject == null) {
                    boolean commaAfter = f.to() < v.t.size() && v.t.get(f.to()).clauseBreakBefore();
                    for (HitInfo hi : v.hits) {
                        if (!hi.h.violent() || hi.sink || !(hi.ref || hi.create) || hi.h.from() < f.to()) {
                            continue;
                        }
                        if (commaAfter || hi.h.from() - f.to() > 4) {
                            subject = hi;
                            break;
                        }
                    }
                }
                if (subject == null) {
                    boolean objectOnly = false;
                    for (HitInfo hi : v.hits) {
                        if (hi.h.violent() && hi.h.from() >= f.to() && hi.h.from() - f.to() <= 4) {
                            objectOnly = true; // "a response to the drone strike": the responder is no incident
                        }
                    }
                    if (!objectOnly) {
                        v.looseCues.add(rel);
                    }
                } else {
                    subject.cues.add(rel);
                }
            } else {
                HitInfo before = null;
                for (HitInfo hi : v.hits) {
                    if (hi.h.violent() && !hi.sink && (hi.ref || hi.create) && hi.h.to() <= f.from()) {
                        before = hi;
                    }
                }
                // "on the same day that ... a suicide bombing", "the latest such attack"; "during the truce" has a
                // truce for its object
                boolean hasObject = rel.equals(Relation.COINCIDES_WITH) && v.truceWord
                        || containsWord(v.t, f.from(), f.to(), "such");
                for (HitInfo hi : v.hits) {
                    if (hi.h.violent() && !hi.sink && hi.h.from() >= f.to() && hi.h.from() - f.to() <= 8) {
                        hasObject = true;
                        break;
                    }
                }
                boolean series = f.to() - f.from() >= 3 && containsWord(v.t, f.from(), f.to(), "series")
                        || containsWord(v.t, f.from(), f.to(), "week") && containsWord(v.t, f.from(), f.to(), "in");
                if (!hasObject && !series) {
                    continue;
                }
                if (before == null) {
                    if (f.from() <= 1 || series) {
                        v.looseCues.add(rel);
                    }
                } else {
                    before.cues.add(rel);
                }
            }
        }
    }

    private static boolean hasPositiveFigure(HitInfo hi) {
        for (CasualtyFinder.Statement s : hi.figures) {
            if (s.count() > 0) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------------------------
    // joining candidates to incidents

    private Draft place(PieceState ps, View v, HitInfo hi) {
        IncidentType type = hi.h.type();
        boolean truce = hi.h.kind() == TriggerRules.Kind.TRUCE;
        if (hi.object) {
            for (int i = ps.drafts.size() - 1; i >= 0; i--) {
                Draft d = ps.drafts.get(i);
                if (hi.subject != null && d == hi.subject.draft) {
                    continue;
                }
                if (compatible(d, v, hi, true)) {
                    return d;
                }
            }
            return hi.create ? newDraft(ps, v, hi, type) : null;
        }
        if (hi.ref) {
            List<Draft> order = new ArrayList<>();
            // attribution is nearly always about the report itself: "which group had fired the rockets"
            boolean aboutMain = !v.attributions.isEmpty() || v.unclaimed != null;
            if (hi.h.demonstrative() && ps.lastTouched != null) {
                order.add(ps.lastTouched); // "that attack": the one just discussed
            }
            if (aboutMain && ps.main != null && !order.contains(ps.main)) {
                order.add(ps.main);
            }
            if (ps.current != null && !order.contains(ps.current)) {
                order.add(ps.current);
            }
            if (ps.main != null && !order.contains(ps.main)) {
                order.add(ps.main);
            }
            for (int i = ps.drafts.size() - 1; i >= 0; i--) {
                if (!order.contains(ps.drafts.get(i))) {
                    order.add(ps.drafts.get(i));
                }
            }
            if (hi.date != null && hi.date.value() != null) {
                for (Draft d : order) {
                    if (d.violent() == !truce && d.dateValue() != null && compatible(d, v, hi, false)) {
                        return d; // "Wednesday's attack" is the incident dated Wednesday
                    }
                }
            }
            Draft d = best(order, v, hi, false, truce);
            if (d != null) {
                return d;
            }
            return hi.create ? newDraft(ps, v, hi, type) : null;
        }
        if (!hi.create) {
            return null;
        }
        if (hi.h.markedNew()) {
            return newDraft(ps, v, hi, type);
        }
        if (truce || hi.date != null && hi.date.value() != null) {
            for (int i = ps.drafts.size() - 1; i >= 0; i--) {
                Draft d = ps.drafts.get(i);
                if (compatible(d, v, hi, true)) {
                    return d;
                }
            }
            return newDraft(ps, v, hi, type);
        }
        List<Draft> order = new ArrayList<>();
        if (ps.main != null) {
            order.add(ps.main);
        }
        if (ps.current != null && !order.contains(ps.current)) {
            order.add(ps.current);
        }
        Draft d = best(order, v, hi, true, false);
        if (d != null) {
            return d;
        }
        // an undated report of an incident already described with the same weapon or perpetrator
        List<Draft> others = new ArrayList<>();
        for (int i = ps.drafts.size() - 1; i >= 0; i--) {
            if (!order.contains(ps.drafts.get(i)) && affinity(ps.drafts.get(i), hi) >= 1) {
                others.add(ps.drafts.get(i));
            }
        }
        d = best(others, v, hi, true, false);
        return d != null ? d : newDraft(ps, v, hi, type);
    }

    /** The compatible draft with most in common with the candidate; earlier in {@code order} wins a tie. */
    private Draft best(List<Draft> order, View v, HitInfo hi, boolean strict, boolean truce) {
        Draft best = null;
        int bestScore = -1;
        for (Draft d : order) {
            if (d.violent() == truce || !compatible(d, v, hi, strict)) {
                continue;
            }
            int score = affinity(d, hi);
            if (score > bestScore) {
                best = d;
                bestScore = score;
            }
        }
        return best;
    }

    /** Shared perpetrator family counts 2, a shared weapon or place 1 each. */
    private int affinity(Draft d, HitInfo hi) {
        int score = 0;
        Set<String> fam = d.perpetratorFamilies();
        for (ActorCatalog.Mention m : hi.perpetrators) {
            if (m.def().family() != null && fam.contains(m.def().family())) {
                score += 2;
                break;
            }
        }
        for (String w : hi.h.weapons()) {
            if (d.weapons.contains(w)) {
                score += 1;
                break;
            }
        }
        Place p = bestPlace(hi);
        if (p != null && d.place != null && p.id().equals(d.place.place().id())) {
            score += 1;
        }
        return score;
    }

    private Draft newDraft(PieceState ps, View v, HitInfo hi, IncidentType type) {
        Draft d = ps.newDraft(v.s, type);
        d.object = hi.object;
        if (ps.main == null && d.violent() && !hi.object) {
            ps.main = d;
        }
        return d;
    }

    /** True if nothing the candidate says contradicts the incident. */
    private boolean compatible(Draft d, View v, HitInfo hi, boolean strict) {
        IncidentType t = hi.h.type();
        boolean truce = hi.h.kind() == TriggerRules.Kind.TRUCE;
        if (truce != !d.violent()) {
            return false;
        }
        boolean untyped = t == IncidentType.OTHER_VIOLENCE || hi.h.kind() == TriggerRules.Kind.WEAPON;
        if (!truce && !typesCompatible(d.type, t, untyped)) {
            return false;
        }
        // date
        if (hi.date != null && hi.date.value() != null && d.dateValue() != null) {
            int slack = hi.date.zone() == DateFinder.Zone.FOREIGN || d.date.zone() == DateFinder.Zone.FOREIGN ? 1 : 0;
            if (!hi.date.value().compatible(d.dateValue(), slack)) {
                return false;
            }
        }
        // place
        Place p = bestPlace(hi);
        if (p != null && d.place != null && !p.unknown() && !d.place.place().unknown()
                && !r.gazetteer.compatible(p, d.place.place())
                && !(p.isSite() && d.place.place().isSite() && sameTown(p, d.place.place()))) {
            return false; // impacts at two sites of one town can be one salvo; other towns cannot
        }
        if (truce) {
            return partiesCompatible(d, hi);
        }
        // figures
        if (strict || hi.h.reference() != TriggerRules.Reference.DEFINITE) {
            if (figureConflict(hi, CasualtyFinder.Category.KILLED, d)
                    || figureConflict(hi, CasualtyFinder.Category.WOUNDED, d)) {
                return false;
            }
        }
        if (strict) {
            if (!d.weapons.isEmpty() && !hi.h.weapons().isEmpty() && hi.h.kind() == TriggerRules.Kind.EVENT) {
                boolean shared = false;
                for (String w : hi.h.weapons()) {
                    if (d.weapons.contains(w)) {
                        shared = true;
                        break;
                    }
                }
                if (!shared) {
                    return false;
                }
            }
            Set<String> fam = d.perpetratorFamilies();
            if (!fam.isEmpty()) {
                for (ActorCatalog.Mention m : hi.perpetrators) {
                    if (m.def().family() != null && !fam.contains(m.def().family())) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static final Set<IncidentType> BOMBS = Set.of(IncidentType.IED_ATTACK, IncidentType.SUICIDE_BOMB_ATTACK);

    private static boolean typesCompatible(IncidentType a, IncidentType b, boolean weak) {
        if (a == b || weak || a == IncidentType.OTHER_VIOLENCE || b == IncidentType.OTHER_VIOLENCE) {
            return true;
        }
        return BOMBS.contains(a) && BOMBS.contains(b) || DRONES.contains(a) && DRONES.contains(b);
    }

    private static final Set<IncidentType> DRONES = Set.of(IncidentType.AIR_DRONE_STRIKE, IncidentType.DRONE_ATTACK);

    private static boolean partiesCompatible(Draft d, HitInfo hi) {
        Set<String> fam = new java.util.HashSet<>();
        for (Draft.ActorState s : d.actors.values()) {
            if (s.def.family() != null) {
                fam.add(s.def.family());
            }
        }
        if (fam.isEmpty()) {
            return true;
        }
        for (ActorCatalog.Mention m : hi.parties) {
            if (m.def().family() != null && !fam.contains(m.def().family())) {
                return false;
            }
        }
        return true;
    }

    private static boolean figureConflict(HitInfo hi, CasualtyFinder.Category c, Draft d) {
        Integer have = d.plainBodyFigure(c);
        if (have == null) {
            return false;
        }
        for (CasualtyFinder.Statement s : hi.figures) {
            if (s.category() == c && !s.additive() && !s.total() && s.count() != have) {
                return true;
            }
        }
        return false;
    }

    private Place bestPlace(HitInfo hi) {
        Place best = null;
        int rank = -1;
        for (PlaceRoles.Roled p : hi.places) {
            int rk = new Draft.PlaceChoice(p.place(), p.role(), false, null).rank();
            if (rk > rank) {
                best = p.place();
                rank = rk;
            }
        }
        return best;
    }

    // ------------------------------------------------------------------------------------------------------------
    // absorbing a candidate

    private void absorb(PieceState ps, View v, HitInfo hi, Draft d) {
        Sentence s = v.s;
        boolean headline = s.headline();
        if (!headline) {
            d.bodySeen = true;
        }
        TriggerRules.Hit h = hi.h;
        boolean strongTrigger = h.kind() == TriggerRules.Kind.EVENT || h.kind() == TriggerRules.Kind.TRUCE;
        if (strongTrigger && (!d.strongType || d.type == IncidentType.IED_ATTACK
                && h.type() == IncidentType.SUICIDE_BOMB_ATTACK)) {
            if (d.violent() == h.violent()) {
                d.type = h.type();
                d.strongType = true;
                d.addEvidence(ev(v, "type", h.type().code(), h.from(), h.to()));
            }
        }
        if (h.kind() == TriggerRules.Kind.EVENT) {
            for (String w : h.weapons()) {
                if (d.weapons.add(w)) {
                    d.addEvidence(ev(v, "weapons", w, h.from(), h.to()));
                }
            }
        }
        if (hi.date != null) {
            int[] span = tokenSpanOf(v, hi.date);
            d.offerDate(new Draft.DateChoice(hi.date.value(), hi.date.zone(), headline,
                    ev(v, "date", hi.date.value() == null ? null : hi.date.value().toString(), span[0], span[1])));
        }
        if (hi.object && hi.offsetExpr != null && hi.subject != null && hi.subject.draft != null
                && d.relativeTo == null) {
            d.relativeTo = hi.subject.draft;
            d.relativeAmount = hi.offsetExpr.amount();
            d.relativeUnit = hi.offsetExpr.unit();
            int[] span = tokenSpanOf(v, hi.offsetExpr);
            d.relativeEvidence = ev(v, "date", hi.offsetExpr.text(), span[0], span[1]);
            d.dateExpression = true;
        }
        if (hi.relative != null && d.relativeTo == null) {
            Draft ref = relativeReference(ps, v, hi);
            if (ref != null && ref != d) {
                d.relativeTo = ref;
                d.relativeAmount = hi.relative.amount();
                d.relativeUnit = hi.relative.unit();
                int[] span = tokenSpanOf(v, hi.relative);
                d.relativeEvidence = ev(v, "date", hi.relative.text(), span[0], span[1]);
                d.dateExpression = true;
            }
        }
        absorbElements(v, hi, d);
        noteOtherSites(v, hi, d);
        if (hi.places.isEmpty() && d.place == null && d.unknownPlace == null && (hi.create || hi.object)) {
            int[] raw = unknownPlace(v, hi);
            if (raw != null) {
                d.unknownPlace = v.s.text().substring(v.t.get(raw[0]).start() - v.s.start(),
                        v.t.get(raw[1] - 1).end() - v.s.start());
                d.unknownPlaceEvidence = ev(v, "location", d.unknownPlace, raw[0], raw[1]);
            }
        }
    }

    /**
     * Sites hit by the same trigger in another town, joined by "and" or listed ("at three sites: A, B and C", "two
     * bases, A in Anbar and a facility near B"): see {@link #atOtherSite}.
     */
    private void noteOtherSites(View v, HitInfo hi, Draft d) {
        if (d.place == null || hi.places.size() < 2 || !d.violent()) {
            return;
        }
        Place chosen = d.place.place();
        for (PlaceRoles.Roled p : hi.places) {
            Place other = p.place();
            boolean roleOk = p.role() == PlaceRoles.Role.HIT || p.list() && p.role() == PlaceRoles.Role.NEAR;
            if (!roleOk || other.specificity() < 3 || other.id().equals(chosen.id())
                    || !other.unknown() && !chosen.unknown() && (r.gazetteer.compatible(other, chosen)
                    || sameTown(other, chosen))) {
                continue;
            }
            boolean joined = false;
            for (PlaceRoles.Roled q : hi.places) {
                if (q.place().id().equals(chosen.id())) {
                    int a = Math.min(q.to(), p.to());
                    int b = Math.max(q.from(), p.from());
                    joined = containsWord(v.t, a, b, "and") || p.list() && q.list() && b - a <= 12;
                }
            }
            boolean known = false;
            for (Draft.PlaceChoice c : d.extraSites) {
                known |= c.place().id().equals(other.id());
            }
            if (joined && !known) {
                d.extraSites.add(new Draft.PlaceChoice(other, p.role(), v.s.headline(),
                        ev(v, "location", other.name(), p.from(), p.to())));
            }
        }
    }

    private static boolean sameTown(Place a, Place b) {
        return a.city() != null && a.city().equals(b.city());
    }

    /** Places, figures, actors, targets and cues of a trigger, added to the incident it belongs to. */
    private void absorbElements(View v, HitInfo hi, Draft d) {
        Sentence s = v.s;
        boolean headline = s.headline();
        for (PlaceRoles.Roled p : hi.places) {
            d.offerPlace(new Draft.PlaceChoice(p.place(), p.role(), headline,
                    ev(v, "location", p.place().name(), p.from(), p.to())));
        }
        addFigures(v, d, hi.figures);
        for (ActorCatalog.Mention m : hi.perpetrators) {
            d.addActor(m.def(), "perpetrator", null);
            d.addEvidence(ev(v, "actors", m.def().name(), m.from(), m.to()));
        }
        for (ActorCatalog.Mention m : hi.parties) {
            d.addActor(m.def(), "party", null);
            d.addEvidence(ev(v, "actors", m.def().name(), m.from(), m.to()));
        }
        addAttributions(v, d, hi.attributions);
        if (hi.unclaimed != null && d.violent()) {
            d.unclaimed = ev(v, "actors", "unclaimed", hi.unclaimed.from(), hi.unclaimed.to());
        }
        for (TargetRules.Mention m : hi.targets) {
            if (d.targets.add(m.name())) {
                d.addEvidence(ev(v, "targets", m.name(), m.from(), m.to()));
            }
            if (m.person()) {
                d.persons.add(m.name());
            }
        }
        for (String c : hi.cues) {
            d.addCue(new Cue(c, s.text(), s.start()));
            d.addEvidence(new Evidence("relation", c, s.text(), s.text(), s.start(), s.end()));
        }
    }

    private Draft relativeReference(PieceState ps, View v, HitInfo hi) {
        Draft ref = null;
        for (HitInfo other : v.hits) {
            if (other != hi && other.draft != null && other.h.to() <= hi.relative.start() - 0
                    && v.t.get(Math.max(0, other.h.to() - 1)).end() <= hi.relative.start()) {
                ref = other.draft;
            }
        }
        if (ref == null) {
            ref = ps.current != null ? ps.current : ps.main;
        }
        return ref;
    }

    private void addFigures(View v, Draft d, List<CasualtyFinder.Statement> figures) {
        for (CasualtyFinder.Statement f : figures) {
            Draft.Figure fig = new Draft.Figure(f, v.s.headline(), ev(v, f.category() == CasualtyFinder.Category.KILLED
                    ? "killed" : "wounded", Integer.toString(f.count()), f.from(), f.to()));
            d.addFigure(fig);
            d.addEvidence(fig.evidence());
            if (f.count() > 0 && !f.group().isEmpty()) {
                String victim = r.targets.victim(f.group());
                if (victim != null) {
                    d.targets.add(victim);
                }
            }
        }
    }

    private void addAttributions(View v, Draft d, List<CueRules.Attribution> attributions) {
        for (CueRules.Attribution a : attributions) {
            if (!d.violent()) {
                continue;
            }
            d.addActor(a.actor(), "perpetrator", a.status());
            d.addEvidence(ev(v, "actors", a.actor().name() + " (" + a.status() + ")", a.from(), a.to()));
        }
    }

    /**
     * A trigger that joined no incident ("an attack that Tehran claimed", "a strike the president ordered") is an
     * apposition: what it carries belongs to the nearest trigger of the sentence that did, or to the incident under
     * discussion.
     */
    private void handOver(View v) {
        for (HitInfo u : v.hits) {
            if (u.sink || u.draft != null || !u.h.violent()) {
                continue;
            }
            HitInfo best = null;
            int bestDist = Integer.MAX_VALUE;
            for (HitInfo p : v.hits) {
                if (p.draft == null || !p.draft.violent()) {
                    continue;
                }
                int dist = distance(p.h, u.h.from(), u.h.to());
                if (dist < bestDist) {
                    best = p;
                    bestDist = dist;
                }
            }
            if (best != null) {
                absorbElements(v, u, best.draft);
            } else {
                v.looseFigures.addAll(u.figures);
                v.looseAttributions.addAll(u.attributions);
                if (u.unclaimed != null && v.looseUnclaimed == null) {
                    v.looseUnclaimed = u.unclaimed;
                }
                v.looseCues.addAll(u.cues);
            }
        }
    }

    private static boolean hasLoose(View v) {
        return !v.looseFigures.isEmpty() || !v.looseAttributions.isEmpty() || v.looseUnclaimed != null
                || !v.looseCues.isEmpty();
    }

    /** A figure or attribution with no trigger of its own belongs to the incident under discussion. */
    private void absorbLoose(PieceState ps, View v, Draft d) {
        if (!v.s.headline()) {
            d.bodySeen = true;
        }
        addFigures(v, d, v.looseFigures);
        addAttributions(v, d, v.looseAttributions);
        if (v.looseUnclaimed != null && d.violent()) {
            d.unclaimed = ev(v, "actors", "unclaimed", v.looseUnclaimed.from(), v.looseUnclaimed.to());
        }
        for (String c : v.looseCues) {
            if (d.violent()) {
                d.addCue(new Cue(c, v.s.text(), v.s.start()));
                d.addEvidence(new Evidence("relation", c, v.s.text(), v.s.text(), v.s.start(), v.s.end()));
            }
        }
    }

    /** True if the sentence gives its own date and it cannot be the incident's. */
    private static boolean dateConflict(View v, Draft d) {
        if (d.dateValue() == null) {
            return false;
        }
        for (DateFinder.Expr e : v.dates) {
            if (e.usable() && !v.assignedDates.contains(e) && e.kind() == DateFinder.Kind.ABSOLUTE && e.value() != null
                    && !e.value().compatible(d.dateValue(), 1)) {
                return true;
            }
        }
        return false;
    }

    /** "a rocket attack at Camp Foo": a capitalised name right after the trigger that the gazetteer lacks. */
    private int[] unknownPlace(View v, HitInfo hi) {
        List<Token> t = v.t;
        for (int i = hi.h.to(); i < t.size() && i - hi.h.to() <= 3; i++) {
            String n = t.get(i).norm();
            if (i > hi.h.to() && t.get(i).clauseBreakBefore()) {
                return null;
            }
            if (!(n.equals("in") || n.equals("at") || n.equals("on") || n.equals("near") || n.equals("outside"))) {
                continue;
            }
            int s = i + 1;
            if (s < t.size() && t.get(s).norm().equals("the")) {
                s++;
            }
            int e = s;
            while (e < t.size() && t.get(e).capitalized() && !t.get(e).isNumber() && e - s < 4
                    && (e == s || !t.get(e).clauseBreakBefore())) {
                e++;
            }
            if (e == s || DateFinder.monthNumber(t.get(s).raw()) > 0 && t.get(s).rawLength() <= 9
                    || isWeekday(t.get(s).norm())) {
                return null;
            }
            for (ActorCatalog.Mention m : v.actors) {
                if (m.from() < e && m.to() > s) {
                    return null;
                }
            }
            return new int[] {s, e};
        }
        return null;
    }

    private static final Set<String> DAY_WORDS = Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "today", "yesterday");

    private static boolean isWeekday(String n) {
        return n.endsWith("day") && DAY_WORDS.contains(n);
    }

    // ------------------------------------------------------------------------------------------------------------
    // closing a piece

    private List<Draft> finish(PieceState ps) {
        for (int pass = 0; pass < 3; pass++) {
            for (Draft d : ps.drafts) {
                if (d.relativeTo != null && d.relativeTo.dateValue() != null) {
                    PartialDate base = d.relativeTo.dateValue();
                    PartialDate derived = d.relativeUnit == null ? null
                            : base.shift(d.relativeAmount, d.relativeUnit);
                    PartialDate have = d.dateValue();
                    // a derived date replaces none, or a coarser one it agrees with ("last week" + "six days after")
                    boolean better = derived != null && (have == null || derived.precision().finerThan(
                            have.precision()) && derived.compatible(have, 0));
                    if (better) {
                        Evidence e = d.relativeEvidence;
                        d.date = new Draft.DateChoice(derived, DateFinder.Zone.NONE, false,
                                new Evidence("date", derived.toString(), e.text(), e.sentence(), e.start(), e.end()));
                    }
                }
            }
        }
        List<Draft> kept = new ArrayList<>();
        boolean bodyViolence = false;
        for (Draft d : ps.drafts) {
            bodyViolence |= d.bodySeen && d.violent() && specific(d);
        }
        for (Draft d : ps.drafts) {
            if (d.teaser && !d.bodySeen) {
                continue; // a related-story headline alone is page furniture
            }
            if (!d.bodySeen && d.violent() && bodyViolence) {
                continue; // a headline the body never took up sums up what the body reports ("bombs hit two convoys")
            }
            if (!specific(d)) {
                continue;
            }
            kept.add(d);
        }
        Draft main = ps.main != null && kept.contains(ps.main) ? ps.main : null;
        Draft lead = null;
        for (Draft d : kept) {
            if (lead == null || d.firstSentence < lead.firstSentence) {
                lead = d;
            }
        }
        int firstBody = Integer.MAX_VALUE;
        for (Sentence s : ps.piece.sentences()) {
            if (!s.headline()) {
                firstBody = s.index();
                break;
            }
        }
        if (lead != null && !lead.violent() && lead.firstSentence <= firstBody && !longBefore(lead,
                ps.piece.anchor())) {
            main = lead; // the page leads with a truce: it is the news, and the violence it recalls is background
        }
        for (Draft d : kept) {
            if (main == null && d.violent() && !d.object) {
                main = d;
            }
        }
        if (main == null && !kept.isEmpty()) {
            main = kept.get(0);
        }
        for (Draft d : kept) {
            d.backgroundFlag = d != main && (d.object || !d.violent() || !sameDay(d, main))
                    || longBefore(d, ps.piece.anchor());
        }
        // a truce named without a place holds in the country of the violence the page reports
        Place country = null;
        Evidence source = null;
        for (Draft d : kept) {
            if (d.violent() && d.place != null && d.place.place().country() != null && d.place.evidence() != null) {
                country = r.gazetteer.lookup(d.place.place().country());
                source = d.place.evidence();
                if (d == main) {
                    break;
                }
            }
        }
        for (Draft d : kept) {
            Place home = d.violent() ? null : partiesHome(d);
            if (home != null && d.place != null && !d.place.place().unknown()
                    && home.country() != null && home.country().equals(d.place.place().country())) {
                home = null; // already placed in its parties' country
            }
            if (home != null) {
                // A truce holds where its parties fight, not in a town a quote names ("our people in X") nor in
                // the first of the countries it covers ("against US forces in Syria and Iraq").
                Evidence e = d.evidence.isEmpty() ? null : d.evidence.get(0);
                d.unknownPlace = null;
                d.place = new Draft.PlaceChoice(home, PlaceRoles.Role.OTHER, false, e == null ? null
                        : new Evidence("location", home.name(), e.text(), e.sentence(), e.start(), e.end()));
            }
        }
        if (country != null && country.specificity() == 0) {
            for (Draft d : kept) {
                if (!d.violent() && d.place == null && d.unknownPlace == null) {
                    d.place = new Draft.PlaceChoice(country, PlaceRoles.Role.OTHER, false, new Evidence("location",
                            country.name(), source.text(), source.sentence(), source.start(), source.end()));
                }
            }
        }
        return kept;
    }

    /**
     * The one country the parties of a truce fight from (actors.json {@code country}), when they name one and no
     * other; a state party abroad names none. Null otherwise.
     */
    private Place partiesHome(Draft d) {
        String home = null;
        for (Draft.ActorState s : d.actors.values()) {
            String c = s.def.country();
            if (c != null) {
                if (home != null && !home.equals(c)) {
                    return null;
                }
                home = c;
            }
        }
        Place p = home == null ? null : r.gazetteer.lookup(home);
        return p != null && p.specificity() == 0 ? p : null;
    }

    /** An incident dated more than a week before the page is recalled, even when the page leads with it. */
    private static boolean longBefore(Draft d, java.time.LocalDate anchor) {
        PartialDate v = d.dateValue();
        return anchor != null && v != null && v.resolved() && v.hi().isBefore(anchor.minusDays(7));
    }

    /** A second incident reported for the same day is news, not background (a same-day attack elsewhere). */
    private static boolean sameDay(Draft d, Draft main) {
        PartialDate a = d.dateValue();
        PartialDate b = main == null ? null : main.dateValue();
        return a != null && b != null && a.resolved() && b.resolved() && a.precision() == DatePrecision.DAY
                && b.precision() == DatePrecision.DAY && a.equals(b);
    }

    /** An incident needs a date, a place, a figure or a named actor: otherwise it is a generic statement. */
    private static boolean specific(Draft d) {
        if (!d.violent()) {
            return d.dateExpression || !d.actors.isEmpty();
        }
        if (d.type == IncidentType.OTHER_VIOLENCE && !d.strongType && d.killed.isEmpty() && d.wounded.isEmpty()) {
            return false;
        }
        boolean namedPerpetrator = false;
        for (Draft.ActorState s : d.actors.values()) {
            if ("perpetrator".equals(s.role)) {
                namedPerpetrator = true;
                break;
            }
        }
        return d.dateExpression || d.place != null || d.unknownPlace != null || !d.killed.isEmpty()
                || !d.wounded.isEmpty() || namedPerpetrator;
    }

    // ------------------------------------------------------------------------------------------------------------
    // output

    private static final Set<String> MILITARY_VICTIMS = Set.of("soldier", "soldiers", "troops", "trooper",
            "troopers", "policeman", "policemen", "police", "fighter", "fighters", "militiamen", "militiaman",
            "guards", "guard", "peshmerga", "recruits", "cadets", "service", "marines", "personnel", "officers",
            "members");
    private static final Set<String> MILITARY_TARGETS = Set.of("Iraqi security forces", "US troops",
            "coalition troops", "coalition base");

    /**
     * An attack with guns or of unknown kind on soldiers, police or fighters is a battle, not violence against
     * civilians (ACLED's "armed clash").
     */
    private static final Set<String> GUN_ONLY = Set.of("gun");

    /** Actor kinds that fly an air force's or an army's drones: their drone attacks are air/drone strikes. */
    private static final Set<String> STATE_KINDS = Set.of("state", "coalition", "security-forces");
    /** Actor kinds whose drones are a group's weapon, not an air force's. */
    private static final Set<String> GROUP_KINDS = Set.of("militia", "jihadist", "rebels", "insurgents");
    private static final Set<String> DRONE_ONLY = Set.of("drone");

    /**
     * Drones of a non-state group make a drone attack, those of a state an air/drone strike, whatever word the
     * text used: "a drone strike on the base" by a militia is still its drone attack.
     */
    private static IncidentType droneType(Draft d) {
        boolean state = false;
        boolean group = false;
        for (Draft.ActorState s : d.actors.values()) {
            if ("perpetrator".equals(s.role)) {
                state |= STATE_KINDS.contains(s.def.kind());
                group |= GROUP_KINDS.contains(s.def.kind());
            }
        }
        if (d.type == IncidentType.DRONE_ATTACK && state && !group) {
            return IncidentType.AIR_DRONE_STRIKE;
        }
        if (d.type == IncidentType.AIR_DRONE_STRIKE && group && !state && d.weapons.equals(DRONE_ONLY)) {
            return IncidentType.DRONE_ATTACK;
        }
        return d.type;
    }

    private static IncidentType refineType(Draft d) {
        if (d.type == IncidentType.DRONE_ATTACK || d.type == IncidentType.AIR_DRONE_STRIKE) {
            return droneType(d);
        }
        if (d.type != IncidentType.ATTACK_ON_CIVILIANS && d.type != IncidentType.OTHER_VIOLENCE) {
            return d.type;
        }
        if (!d.weapons.isEmpty() && !d.weapons.equals(GUN_ONLY)) {
            return d.type;
        }
        boolean military = false;
        boolean civilian = false;
        for (Draft.Figure f : d.killed) {
            String g = f.statement().group();
            military |= MILITARY_VICTIMS.contains(g);
            civilian |= !g.isEmpty() && !MILITARY_VICTIMS.contains(g);
        }
        for (Draft.Figure f : d.wounded) {
            String g = f.statement().group();
            military |= MILITARY_VICTIMS.contains(g);
            civilian |= !g.isEmpty() && !MILITARY_VICTIMS.contains(g);
        }
        for (String t : d.targets) {
            military |= MILITARY_TARGETS.contains(t);
        }
        return military && !civilian ? IncidentType.ARMED_CLASH : d.type;
    }

    private IncidentMention toMention(Article a, Draft d, int index) {
        PartialDate date = d.dateValue();
        String text = date == null ? null : date.format();
        DatePrecision precision = text == null ? null : date.precision();
        List<Evidence> evidence = new ArrayList<>(d.evidence);
        if (d.date != null && text != null) {
            Evidence e = d.date.evidence();
            evidence.add(new Evidence("date", text, e.text(), e.sentence(), e.start(), e.end()));
        }
        Evidence published = text == null && (date == null || date.weekday() == null) && !background(d)
                ? publicationMonth(a, d.evidence) : null;
        if (published != null) {
            text = published.value();
            precision = DatePrecision.MONTH;
        }
        String dateText = text;
        evidence.removeIf(e -> e.field().equals("date") && (e.value() == null || !e.value().equals(dateText)));
        if (published != null) {
            evidence.add(published);
        }
        Location location = null;
        if (d.place != null) {
            location = d.place.place().toLocation(d.place.precision());
            evidence.add(d.place.evidence());
        } else if (d.unknownPlace != null) {
            location = Location.unknown(d.unknownPlace);
            evidence.add(d.unknownPlaceEvidence);
        }
        evidence.removeIf(e -> e.field().equals("location") && (d.place == null
                ? d.unknownPlace == null || !e.value().equals(d.unknownPlace)
                : !e.value().equals(d.place.place().name())));
        List<Actor> actors = new ArrayList<>();
        boolean namedPerpetrator = false;
        for (Draft.ActorState s : d.actors.values()) {
            if (!d.violent() && !"party".equals(s.role)) {
                continue;
            }
            String status = "perpetrator".equals(s.role) ? s.status : null;
            actors.add(new Actor(s.def.name(), s.role, status, s.def.family()));
            if ("perpetrator".equals(s.role)) {
                namedPerpetrator = true;
            }
        }
        if (d.violent() && d.unclaimed != null && !namedPerpetrator) {
            actors.add(new Actor(UNIDENTIFIED, "perpetrator", "unclaimed", null));
            evidence.add(d.unclaimed);
        }
        List<String> targets = new ArrayList<>(d.targets);
        if (d.place != null && d.place.place().isSite() && d.place.role() == PlaceRoles.Role.HIT
                && !targets.contains(d.place.place().name())) {
            targets.add(d.place.place().name());
        }
        evidence = capEvidence(evidence);
        boolean background = background(d);
        return new IncidentMention(a.id() + "#" + index, a.id(), a.title(), a.publishedAt(), a.outlet(), a.url(),
                refineType(d), dateText, precision, weekdayOnly(date), location, List.copyOf(d.weapons), d.killedCount(),
                d.woundedCount(), List.copyOf(actors), List.copyOf(targets), List.copyOf(d.persons),
                List.copyOf(d.cues), background,
                List.copyOf(evidence), r.version);
    }

    /**
     * A page's own report that gives no date at all happened shortly before the page was published: news reports its
     * event within days. It is dated to the publication month, never the day, so that it places the report on the
     * timeline without claiming a day the text does not give (a dated report of the event supplies the day when the
     * reports merge). Its evidence is the report's own sentence, which gives no date. Null for an undated page.
     */
    private static Evidence publicationMonth(Article a, List<Evidence> reported) {
        String p = a.publishedAt();
        if (p == null || p.length() < 10 || a.publishedDate().isEmpty() || reported.isEmpty()) {
            return null;
        }
        Evidence own = reported.get(0);
        return new Evidence("date", p.substring(0, 7), own.text(), own.sentence(), own.start(), own.end());
    }

    /** The weekday of a date known by nothing else, as the mention carries it. */
    private static String weekdayOnly(PartialDate date) {
        return date == null || date.resolved() || date.weekday() == null ? null : date.weekday().name();
    }

    /** At most this many evidence entries per field: enough to audit a value, bounded for very long pages. */
    static final int MAX_EVIDENCE_PER_FIELD = 8;

    private static List<Evidence> capEvidence(List<Evidence> in) {
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        List<Evidence> out = new ArrayList<>(Math.min(in.size(), 64));
        for (Evidence e : in) {
            if (e == null) {
                continue;
            }
            int n = counts.merge(e.field(), 1, Integer::sum);
            if (n <= MAX_EVIDENCE_PER_FIELD) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * One attack on two named sites in different towns ("missiles at Ain al-Asad and at a base in Erbil") is one
     * incident per site, as ACLED codes it. The copy keeps every field but the place; a casualty figure is kept only
     * when it is zero, because a total cannot be split between the sites.
     */
    private IncidentMention atOtherSite(Article a, IncidentMention m, Draft.PlaceChoice site, int index) {
        List<Evidence> evidence = new ArrayList<>();
        for (Evidence e : m.evidence()) {
            if (!e.field().equals("location") && !e.field().equals("killed") && !e.field().equals("wounded")) {
                evidence.add(e);
            }
        }
        evidence.add(site.evidence());
        Integer killed = Integer.valueOf(0).equals(m.killed()) ? 0 : null;
        Integer wounded = Integer.valueOf(0).equals(m.wounded()) ? 0 : null;
        List<String> targets = new ArrayList<>();
        for (String t : m.targets()) {
            if (m.location() == null || !t.equals(m.location().name())) {
                targets.add(t);
            }
        }
        if (site.place().isSite() && !targets.contains(site.place().name())) {
            targets.add(site.place().name());
        }
        return new IncidentMention(a.id() + "#" + index, m.articleId(), m.title(), m.publishedAt(), m.outlet(),
                m.url(), m.type(), m.date(), m.datePrecision(), m.weekday(), site.place().toLocation(site.precision()),
                m.weapons(),
                killed, wounded, m.actors(), List.copyOf(targets), m.persons(), m.cues(), m.background(),
                List.copyOf(evidence),
                m.rulesVersion());
    }

    /** Older incidents the page only recalls, and everything in related-story teasers. */
    private boolean background(Draft d) {
        return d.teaser || d.backgroundFlag;
    }

    private Evidence ev(View v, String field, String value, int fromToken, int toToken) {
        List<Token> t = v.t;
        int a = t.get(Math.max(0, Math.min(fromToken, t.size() - 1))).start();
        int b = t.get(Math.max(0, Math.min(toToken, t.size()) - 1)).end();
        String text = v.s.text().substring(a - v.s.start(), Math.max(a, b) - v.s.start());
        return new Evidence(field, value, text, v.s.text(), v.s.start(), v.s.end());
    }

    private static int[] tokenSpan(List<Token> t, int start, int end) {
        int a = -1;
        int b = -1;
        for (int i = 0; i < t.size(); i++) {
            Token tok = t.get(i);
            if (a < 0 && tok.end() > start) {
                a = i;
            }
            if (tok.start() < end) {
                b = i + 1;
            }
        }
        if (a < 0) {
            a = t.size();
        }
        if (b < a) {
            b = a;
        }
        return new int[] {a, b};
    }

    private static int[] tokenSpanOf(View v, DateFinder.Expr e) {
        for (int k = 0; k < v.dates.size(); k++) {
            if (v.dates.get(k) == e) {
                return v.dateSpans.get(k); // the span depends only on the offsets, so an equal one would do too
            }
        }
        return tokenSpan(v.t, e.start(), e.end());
    }
}
