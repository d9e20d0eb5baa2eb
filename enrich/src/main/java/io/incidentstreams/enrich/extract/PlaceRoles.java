package io.incidentstreams.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides what part each named place plays in a sentence: where something hit, somewhere near it, where it was
 * launched from, a distance reference, or the town that merely contains another named place.
 *
 * <p>Only the words just before a place are read (a preposition or verb, skipping articles and adjectives), which is
 * enough for news prose and keeps the step linear. "600m from the American Embassy" and "launched from the al-Salam
 * neighbourhood" are thereby not taken as the place of the incident.
 */
final class PlaceRoles {

    enum Role { HIT, NEAR, DIRECTION, LAUNCH, DISTANCE, CONTAINER, OTHER }

    /**
     * A place mention with its role; {@code list} when it is a member of a list of places ("A, B and C", "two
     * bases: A and B") whose other members share its role.
     */
    record Roled(Place place, int from, int to, Role role, boolean list) {
        Roled(Place place, int from, int to, Role role) {
            this(place, from, to, role, false);
        }
    }

    private static final WordSet HIT = WordSet.of("in", "inside", "into", "at", "on", "onto", "hit", "hits",
            "struck", "strike", "strikes", "striking", "targeted", "targeting", "target", "against", "blasts",
            "blasted", "rocked", "pounded", "shelled", "bombed", "attacked", "within", "across", "hitting", "toward",
            "towards", "upon", "rained", "landed", "fell", "over");
    private static final WordSet NEAR = WordSet.of("near", "outside", "around", "nearby", "beside", "outskirts",
            "vicinity", "close", "next", "off", "edge", "fringes", "approaches");
    private static final WordSet DIRECTIONS = WordSet.of("north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest", "northern", "southern", "eastern", "western");
    private static final WordSet LAUNCH_VERBS = WordSet.of("launched", "fired", "launch", "fire", "shot", "came",
            "flew", "sent", "originated", "took", "launching", "firing");
    private static final WordSet DISTANCE_WORDS = WordSet.of("m", "metres", "meters", "metre", "meter", "km",
            "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "yards", "feet", "distance",
            "blocks", "hundred", "minutes", "kms");
    private static final WordSet SKIP = WordSet.of("the", "a", "an", "its", "heavily", "fortified", "guarded",
            "heavily-fortified", "sprawling", "central", "nearby", "busy", "crowded", "main", "highly", "secure",
            "so", "called", "city", "capital", "both", "and", "to", "of", "by", "from", "just", "some", "base", "western",
            "eastern", "northern", "southern", "northwestern", "northeastern", "southwestern", "southeastern");
    private static final WordSet PASSIVE_HIT = WordSet.of("hit", "struck", "targeted", "shelled", "attacked",
            "rocked", "bombed", "pounded", "came", "was", "were", "been", "again", "last", "also");

    private final Gazetteer gazetteer;

    PlaceRoles(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    List<Roled> find(List<Token> tokens) {
        return find(tokens, null);
    }

    /**
     * Places in the tokens with their roles. Besides gazetteer places, a capitalised name after a locative word ("in",
     * "at", "near", "hit", "the town of") that the gazetteer lacks is kept as a raw place ({@link Place#raw}), unless
     * it overlaps a token of {@code notPlace} (actor names).
     */
    List<Roled> find(List<Token> tokens, boolean[] notPlace) {
        return find(tokens, notPlace, null);
    }

    /** As {@link #find(List, boolean[])}, choosing among same-named places by the article's {@code context}. */
    List<Roled> find(List<Token> tokens, boolean[] notPlace, Gazetteer.Context context) {
        List<Gazetteer.Mention> found = gazetteer.find(tokens, context);
        if (notPlace != null) {
            List<Gazetteer.Mention> kept = new ArrayList<>(found.size());
            for (Gazetteer.Mention m : found) {
                boolean actor = false;
                for (int i = m.from(); i < m.to() && m.place().imported() && m.place().specificity() > 0; i++) {
                    actor |= i < notPlace.length && notPlace[i];
                }
                if (!actor) {
                    kept.add(m); // an imported town is never part of an actor's name ("the Kano Emirate Council")
                }
            }
            found = kept;
        }
        List<Gazetteer.Mention> mentions = withUnknown(tokens, found, notPlace);
        List<Roled> out = new ArrayList<>(mentions.size());
        for (int k = 0; k < mentions.size(); k++) {
            Gazetteer.Mention m = mentions.get(k);
            Role role = roleBefore(tokens, m.from());
            if (isContainer(tokens, mentions, k)) {
                role = Role.CONTAINER;
            } else if (role == Role.OTHER && (passiveHit(tokens, m.to()) || subjectOfPassiveHit(tokens, mentions, k))) {
                role = Role.HIT; // "Camp Taji hit again", "the Erbil airport complex was last targeted"
            }
            out.add(new Roled(m.place(), m.from(), m.to(), role));
        }
        return lists(tokens, out);
    }

    private static final WordSet PLURAL_SITES = WordSet.of("bases", "sites", "locations", "facilities", "targets",
            "towns", "cities", "villages", "positions", "areas", "installations", "camps", "airports", "places",
            "provinces", "districts", "outposts", "compounds");
    private static final WordSet LIST_FILLERS = WordSet.of("and", "or", "the", "a", "an", "also", "as", "well",
            "then", "another", "one", "facility", "base", "site", "camp", "airport", "town", "city", "village",
            "district", "province", "area", "military", "air", "in", "at", "near", "outside", "on", "of");

    /**
     * Members of a list share a role: "attacks on A, B and C" makes B and C hit like A; a list after a colon or dash
     * that follows a counted plural site noun ("at two bases: A and B", "three sites in western Iraq – A, B and C")
     * is hit.
     */
    private static List<Roled> lists(List<Token> tokens, List<Roled> in) {
        if (in.size() < 2) {
            if (in.size() == 1 && listHead(tokens, in.get(0))) {
                Roled p = in.get(0);
                return List.of(new Roled(p.place(), p.from(), p.to(), Role.HIT, true));
            }
            return in;
        }
        List<Roled> out = new ArrayList<>(in);
        for (int k = 0; k < out.size(); k++) {
            Roled p = out.get(k);
            if ((p.role() == Role.OTHER || p.role() == Role.CONTAINER && k == 0) && listHead(tokens, p)) {
                out.set(k, new Roled(p.place(), p.from(), p.to(), Role.HIT, true));
            }
        }
        int prev = -1;
        for (int k = 0; k < out.size(); k++) {
            Roled p = out.get(k);
            if (p.role() == Role.CONTAINER) {
                continue;
            }
            if (prev >= 0 && linked(tokens, out.get(prev).to(), p.from())) {
                Roled q = out.get(prev);
                boolean takeRole = p.role() == Role.OTHER && (q.role() == Role.HIT || q.role() == Role.NEAR);
                boolean giveRole = q.role() == Role.OTHER && (p.role() == Role.HIT || p.role() == Role.NEAR);
                out.set(prev, new Roled(q.place(), q.from(), q.to(), giveRole ? p.role() : q.role(), true));
                out.set(k, new Roled(p.place(), p.from(), p.to(), takeRole ? q.role() : p.role(), true));
            }
            prev = k;
        }
        return out;
    }

    /** The first place after a colon or dash that follows a counted plural site noun in the same sentence. */
    private static boolean listHead(List<Token> tokens, Roled p) {
        Token first = tokens.get(p.from());
        if ((first.sepBefore() & (Token.COLON | Token.DASH)) == 0) {
            return false;
        }
        for (int i = p.from() - 1; i >= 0 && p.from() - i <= 25; i--) {
            if (i + 1 < p.from() && tokens.get(i + 1).strongBreakBefore()) {
                return false;
            }
            if (PLURAL_SITES.contains(tokens.get(i))) {
                return true;
            }
        }
        return false;
    }

    /** Tokens {@code [from, to)} join two list members: a comma or "and"/"or", and only filler words. */
    private static boolean linked(List<Token> tokens, int from, int to) {
        if (to - from > 8) {
            return false;
        }
        boolean sep = to < tokens.size() && (tokens.get(to).sepBefore() & Token.COMMA) != 0 && from == to;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.strongBreakBefore() || (t.sepBefore() & Token.PAREN) != 0) {
                return false;
            }
            if ((t.sepBefore() & Token.COMMA) != 0 && i == from) {
                sep = true;
            }
            String n = t.norm();
            if (n.equals("and") || n.equals("or")) {
                sep = true;
            } else if (!LIST_FILLERS.contains(t) && !t.capitalized()) {
                return false;
            }
        }
        return sep;
    }

    /** "Green Zone in Baghdad", "Baghdad's Green Zone", "Camp Taji, Iraq": the second names where the first lies. */
    private boolean isContainer(List<Token> tokens, List<Gazetteer.Mention> mentions, int k) {
        Gazetteer.Mention m = mentions.get(k);
        if (k > 0) {
            Gazetteer.Mention prev = mentions.get(k - 1);
            int gap = m.from() - prev.to();
            boolean joined = gap == 0 && (tokens.get(m.from()).sepBefore() & Token.COMMA) != 0
                    || gap == 1 && tokens.get(prev.to()).norm().equals("in")
                    || gap == 2 && tokens.get(prev.to()).norm().equals("in")
                    && tokens.get(prev.to() + 1).norm().equals("the");
            if (joined && gazetteer.contains(m.place(), prev.place()) && !m.place().id().equals(prev.place().id())) {
                return true;
            }
        }
        if (k + 1 < mentions.size() && tokens.get(m.to() - 1).possessive()) {
            Gazetteer.Mention next = mentions.get(k + 1);
            if (next.from() - m.to() <= 3 && gazetteer.contains(m.place(), next.place())
                    && !m.place().id().equals(next.place().id())) {
                return true;
            }
        }
        return false;
    }

    private static Role roleBefore(List<Token> tokens, int from) {
        boolean sawFrom = false;
        boolean sawOf = false;
        for (int i = from - 1, steps = 0; i >= 0 && steps < 6; i--, steps++) {
            Token t = tokens.get(i);
            String n = t.norm();
            boolean broken = tokens.get(i + 1).clauseBreakBefore() && i + 1 < from;
            if (broken) {
                break;
            }
            if (n.equals("from")) {
                sawFrom = true;
                continue;
            }
            if (n.equals("of")) {
                sawOf = true;
                continue;
            }
            if (sawOf && !sawFrom && PLACE_NOUNS.contains(t)) {
                sawOf = false; // "in the town of Musayyib", "near the village of X": the noun is the place itself
                continue;
            }
            if (sawFrom || sawOf) {
                if (DISTANCE_WORDS.contains(t) || isMeasure(t)) {
                    return Role.DISTANCE;
                }
                if (sawOf && DIRECTIONS.contains(t)) {
                    return Role.DIRECTION;
                }
                if (sawFrom && LAUNCH_VERBS.contains(t)) {
                    return Role.LAUNCH;
                }
            }
            if (sawFrom && steps >= 3) {
                return Role.OTHER;
            }
            if (!sawFrom && !sawOf && HIT.contains(t)) {
                return Role.HIT;
            }
            if (!sawFrom && NEAR.contains(t)) {
                return launchedFrom(tokens, i) ? Role.LAUNCH : Role.NEAR;
            }
            if (n.equals("headquarters") || n.equals("compound") || n.equals("gate") || n.equals("entrance")) {
                continue; // "hit the headquarters of ..."
            }
            if (!SKIP.contains(t) && !t.possessive() && !t.capitalized()) {
                if (sawFrom) {
                    continue;
                }
                return Role.OTHER;
            }
        }
        return Role.OTHER;
    }

    /** "launched from a farm near X": the words before {@code near} say X is near the launch site. */
    private static boolean launchedFrom(List<Token> tokens, int near) {
        for (int i = near - 1; i >= 1 && i >= near - 4; i--) {
            if (tokens.get(i + 1).clauseBreakBefore()) {
                return false;
            }
            if (tokens.get(i).norm().equals("from")) {
                return LAUNCH_VERBS.contains(tokens.get(i - 1));
            }
        }
        return false;
    }

    /** Words that open a reference to a site named before: "the zone", "the same base". */
    static final WordSet SITE_REFERENCE = WordSet.of("the", "same");

    /** Nouns that name the kind of a place: "the town of X" is X. */
    static final WordSet PLACE_NOUNS = WordSet.of("town", "city", "village", "villages", "district", "province",
            "governorate", "area", "region", "neighbourhood", "neighborhood", "suburb", "hamlet", "capital", "port",
            "border", "crossing", "desert", "countryside", "outpost", "sub", "subdistrict", "county", "state");
    private static final WordSet LOCATIVES = WordSet.of("in", "at", "on", "near", "outside", "inside", "into",
            "around", "hit", "struck", "targeted", "targeting", "attacked", "bombed", "shelled", "of", "onto",
            "towards", "toward", "across", "from");
    private static final WordSet DESCRIPTORS = WordSet.of("the", "a", "western", "eastern", "northern", "southern",
            "central", "north", "south", "east", "west", "northeastern", "northwestern", "southeastern",
            "southwestern", "north-eastern", "remote", "nearby", "small", "rural", "restive", "frontline", "border",
            "town", "city", "village", "district", "province", "governorate", "area", "region", "neighbourhood",
            "neighborhood", "suburb", "capital", "port", "of", "outskirts", "oil", "rich", "tribal", "mountainous",
            "desert", "coastal", "key", "strategic", "northwest", "northeast", "southwest", "southeast", "country");
    private static final WordSet PARTICLES = WordSet.of("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "adh",
            "e", "i", "de", "bin", "ibn", "abu", "umm", "bani", "ain", "tal", "tell", "ras", "deir", "wadi", "jabal",
            "jebel", "bab");
    /** Lower-case nouns that belong to a natural feature's name: "the Hamrin mountains", "the al-Omar oil field". */
    private static final Set<String> FEATURE_NAME = Set.of("mountains", "mountain", "hills", "valley", "desert",
            "river", "lake", "marshes", "field", "island", "dam");
    private static final Set<String> SITE_FEATURES = Set.of("base", "camp", "airport", "airbase", "air", "field",
            "school", "mosque", "market", "hospital", "checkpoint", "prison", "compound", "outpost", "refinery",
            "station", "bridge", "crossing", "port", "hotel", "square", "university", "complex", "facility",
            "headquarters", "palace", "consulate", "embassy", "dam", "shrine");
    private static final Set<String> TOWN_FEATURES = Set.of("village", "town", "city", "camp", "neighbourhood",
            "neighborhood", "suburb");
    private static final Set<String> AREA_FEATURES = Set.of("district", "province", "governorate", "region", "area",
            "mountains", "mountain", "desert", "valley", "countryside", "state", "county", "hills", "marshes");
    /** Capitalised words after a preposition that are not places. */
    private static final WordSet NOT_PLACES = WordSet.of("telegram", "twitter", "x", "facebook", "instagram",
            "youtube", "whatsapp", "tiktok", "reuters", "afp", "ap", "parliament", "congress", "islam", "english",
            "arabic", "ramadan", "eid", "god", "christmas", "president", "prime", "minister", "gen", "general", "col",
            "colonel", "maj", "major", "lt", "sheikh", "mr", "mrs", "ms", "dr", "sayyed", "imam", "king", "prince",
            "pope", "senator", "gov", "governor", "mayor", "secretary", "spokesman", "state", "a", "the", "this",
            "that", "these", "those", "his", "her", "their", "its", "our", "in", "on", "at", "january", "february",
            "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "today", "tonight", "yesterday", "gmt", "utc",
            "iraqi", "american", "iranian", "syrian", "turkish", "kurdish", "israeli", "us", "un", "nato", "covid",
            "security", "interior", "defence", "defense", "foreign", "health", "ministry", "council", "house",
            "senate", "court", "media", "cell", "operations", "command", "army", "police", "air", "force", "forces",
            "north", "south", "east", "west", "middle", "mid", "early", "late", "dawn", "noon", "world", "war",
            "islamic", "he", "she", "they", "it", "we", "i", "you", "there", "here", "what", "when", "where");

    /**
     * Gazetteer mentions plus raw places: a capitalised run after a locative word and optional descriptors ("in
     * the central province of Marib", "near the village of Zabarmari", "at al-Tanf"), with a name particle
     * allowed in lower case ("al-Omar"). The noun after the name gives its kind.
     */
    private List<Gazetteer.Mention> withUnknown(List<Token> tokens, List<Gazetteer.Mention> known,
                                                boolean[] notPlace) {
        List<Gazetteer.Mention> raw = null;
        int k = 0;
        boolean[] placeEnd = new boolean[tokens.size()];
        for (Gazetteer.Mention m : known) {
            placeEnd[m.to() - 1] = true;
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String w = tokens.get(i).norm();
            // "A, B and C": a name listed after a place is a place
            boolean listed = placeEnd[i] && (tokens.get(i + 1).sepBefore() & Token.COMMA) != 0
                    && !tokens.get(i + 1).strongBreakBefore()
                    || i > 0 && placeEnd[i - 1] && (w.equals("and") || w.equals("or"));
            if (!LOCATIVES.contains(tokens.get(i)) && !listed) {
                continue;
            }
            int j = i + 1;
            int steps = 0;
            while (j < tokens.size() && steps < 5 && !tokens.get(j).capitalized()
                    && DESCRIPTORS.contains(tokens.get(j)) && !tokens.get(j).clauseBreakBefore()) {
                j++;
                steps++;
            }
            int s = j;
            int e = nameEnd(tokens, s);
            if (e <= s || tokens.get(s).clauseBreakBefore() && s > i + 1) {
                continue;
            }
            while (k < known.size() && known.get(k).to() <= s) {
                k++;
            }
            if (k < known.size() && known.get(k).from() < e || overlaps(notPlace, s, e)
                    || e - s == 1 && gazetteer.demonym(tokens.get(s).norm()) != null) {
                i = e - 1; // a demonym ("on Indian positions") is never a place
                continue;
            }
            int nameTo = e;
            if (e < tokens.size() && !tokens.get(e).clauseBreakBefore()) {
                String f = tokens.get(e).norm();
                String f2 = e + 1 < tokens.size() ? tokens.get(e + 1).norm() : "";
                if (FEATURE_NAME.contains(f) && !f.equals("field")) {
                    nameTo = e + 1;
                } else if (f.equals("oil") && f2.equals("field")) {
                    nameTo = e + 2;
                }
            }
            if (raw == null) {
                raw = new ArrayList<>();
            }
            raw.add(new Gazetteer.Mention(null, s, nameTo));
            placeEnd[nameTo - 1] = true;
            i = nameTo - 1;
        }
        if (raw == null) {
            return known;
        }
        return merge(tokens, known, raw);
    }

    private static List<Gazetteer.Mention> merge(List<Token> tokens, List<Gazetteer.Mention> known,
                                                 List<Gazetteer.Mention> raw) {
        List<Gazetteer.Mention> out = new ArrayList<>(known.size() + raw.size());
        int a = 0;
        int b = 0;
        while (a < known.size() || b < raw.size()) {
            if (b >= raw.size() || a < known.size() && known.get(a).from() < raw.get(b).from()) {
                out.add(known.get(a++));
            } else {
                Gazetteer.Mention m = raw.get(b++);
                out.add(new Gazetteer.Mention(rawPlace(tokens, m.from(), m.to()), m.from(), m.to()));
            }
        }
        return out;
    }

    /**
     * {@link Gazetteer#key} of the name the tokens {@code [from, to)} make, from the tokens themselves: the name is
     * their text joined by spaces and hyphens, which reads back into the same words.
     */
    static String key(List<Token> tokens, int from, int to) {
        StringBuilder key = new StringBuilder();
        for (int i = from; i < to; i++) {
            key.append(i > from ? " " : "").append(tokens.get(i).norm());
        }
        return key.toString().toLowerCase(Locale.ROOT);
    }

    private static Place rawPlace(List<Token> tokens, int from, int to) {
        Token last = tokens.get(to - 1);
        StringBuilder name = new StringBuilder();
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (i > from) {
                name.append(t.hyphenBefore() ? "-" : " ");
            }
            name.append(t.raw());
        }
        String kind = "unknown-town";
        if (to < tokens.size() && !tokens.get(to).clauseBreakBefore()) {
            String f = tokens.get(to).norm();
            String f2 = to + 1 < tokens.size() ? tokens.get(to + 1).norm() : "";
            if (SITE_FEATURES.contains(f) || f.equals("military") && SITE_FEATURES.contains(f2)) {
                kind = "unknown-site";
            } else if (AREA_FEATURES.contains(f)) {
                kind = "unknown-area";
            }
        }
        String lastNorm = last.norm();
        if (FEATURE_NAME.contains(lastNorm)) {
            kind = AREA_FEATURES.contains(lastNorm) ? "unknown-area" : "unknown-site";
        }
        if (from > 0) {
            String b = tokens.get(from - 1).norm();
            if (b.equals("province") || b.equals("governorate") || b.equals("state") || b.equals("district")
                    || b.equals("region")) {
                kind = "unknown-area";
            }
        }
        return Place.raw(name.toString(), key(tokens, from, to), kind);
    }

    /** One past the last token of a capitalised place name starting at {@code s}, or {@code s} if there is none. */
    private static int nameEnd(List<Token> tokens, int s) {
        int e = s;
        int words = 0;
        while (e < tokens.size() && words < 4) {
            Token t = tokens.get(e);
            if (e > s && t.clauseBreakBefore()) {
                break;
            }
            boolean particle = !t.capitalized() && PARTICLES.contains(t) && e + 1 < tokens.size()
                    && tokens.get(e + 1).capitalized() && !tokens.get(e + 1).clauseBreakBefore()
                    && (tokens.get(e + 1).hyphenBefore() || t.norm().length() > 2);
            if (particle) {
                e++;
                continue;
            }
            if (t.isNumber() && e > s && t.norm().length() <= 3) {
                e++; // "Tower 22"
                break;
            }
            if (!t.capitalized() || t.isNumber() || t.possessive() && e > s) {
                break;
            }
            if (e == s && NOT_PLACES.contains(t)) {
                return s;
            }
            if (t.rawLength() > 1 && t.rawLength() <= 5 && isAllCaps(t.raw())) {
                return e == s ? s : e; // an acronym (ISIS, PMF) is an organisation, not a place
            }
            e++;
            words++;
            if (t.possessive()) {
                break;
            }
        }
        if (e > s && NOT_PLACES.contains(tokens.get(e - 1)) && e - s == 1) {
            return s;
        }
        return e;
    }

    private static boolean isAllCaps(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (Character.isLowerCase(raw.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlaps(boolean[] mask, int from, int to) {
        if (mask == null) {
            return false;
        }
        for (int i = from; i < to && i < mask.length; i++) {
            if (mask[i]) {
                return true;
            }
        }
        return false;
    }

    /**
     * "The convoy, which was carrying supplies from Umm Qasr to bases in the north, was hit by a bomb": a place at the
     * head of the subject is hit when the subject's verb, after a relative clause, is a passive hit verb.
     */
    private static boolean subjectOfPassiveHit(List<Token> tokens, List<Gazetteer.Mention> mentions, int k) {
        Gazetteer.Mention m = mentions.get(k);
        if (m.from() > 3 || k > 0 && mentions.get(k - 1).from() < m.from()) {
            return false;
        }
        for (int i = 0; i < m.from(); i++) {
            String n = tokens.get(i).norm();
            if (!(n.equals("the") || n.equals("a") || n.equals("an") || tokens.get(i).capitalized())) {
                return false;
            }
        }
        for (int i = m.to(); i < tokens.size() && i - m.to() <= 40; i++) {
            Token t = tokens.get(i);
            if (t.strongBreakBefore()) {
                return false;
            }
            String n = t.norm();
            if ((n.equals("was") || n.equals("were")) && i + 1 < tokens.size()) {
                int j = i + 1;
                if (j < tokens.size() && (tokens.get(j).norm().equals("also") || tokens.get(j).norm().equals("again")
                        || tokens.get(j).norm().equals("reportedly"))) {
                    j++;
                }
                if (j < tokens.size() && PASSIVE_VERBS.contains(tokens.get(j))) {
                    return !tokens.get(i).clauseBreakBefore() || commaClosedRelative(tokens, m.to(), i);
                }
            }
        }
        return false;
    }

    private static final WordSet PASSIVE_VERBS = WordSet.of("hit", "struck", "targeted", "shelled", "attacked",
            "rocked", "bombed", "pounded", "stormed", "raided");

    /** The words between the name and the verb are a relative clause: "X, which ..., was hit", "X that ... was hit". */
    private static boolean commaClosedRelative(List<Token> tokens, int from, int verb) {
        return from < verb && (tokens.get(from).clauseBreakBefore() || tokens.get(from).norm().equals("that")
                || tokens.get(from).norm().equals("which"));
    }

    private static boolean isMeasure(Token t) {
        String n = t.norm();
        return n.length() > 1 && Character.isDigit(n.charAt(0)) && (n.endsWith("m") || n.endsWith("km")
                || n.endsWith("ft"));
    }

    private static boolean passiveHit(List<Token> tokens, int to) {
        for (int i = to; i < tokens.size() && i - to < 3; i++) {
            String n = tokens.get(i).norm();
            if (i > to && tokens.get(i).clauseBreakBefore()) {
                return false;
            }
            if (n.equals("hit") || n.equals("struck") || n.equals("targeted") || n.equals("shelled")
                    || n.equals("attacked") || n.equals("rocked") || n.equals("bombed") || n.equals("pounded")) {
                return true;
            }
            if (!PASSIVE_HIT.contains(tokens.get(i)) && !n.equals("complex") && !n.equals("airport")) {
                return false;
            }
        }
        return false;
    }
}
