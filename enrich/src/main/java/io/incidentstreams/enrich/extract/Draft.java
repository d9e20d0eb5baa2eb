package io.incidentstreams.enrich.extract;

import io.incidentstreams.model.Actor;
import io.incidentstreams.model.Cue;
import io.incidentstreams.model.Evidence;
import io.incidentstreams.model.IncidentType;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An incident being assembled from the sentences of one piece of an article. */
final class Draft {

    /** A date read for the incident, with what makes it more or less trustworthy. */
    record DateChoice(PartialDate value, DateFinder.Zone zone, boolean headline, Evidence evidence) {
        int rank() {
            int z = zone == DateFinder.Zone.LOCAL ? 2 : zone == DateFinder.Zone.NONE ? 1 : 0;
            int p = value == null || value.precision() == null ? 0 : 3 - value.precision().ordinal();
            return (headline ? 0 : 100) + z * 10 + p;
        }
    }

    /** A place read for the incident. */
    record PlaceChoice(Place place, PlaceRoles.Role role, boolean headline, Evidence evidence) {
        int rank() {
            int r = role == PlaceRoles.Role.HIT ? 2 : role == PlaceRoles.Role.NEAR ? 1 : 0;
            int direction = role == PlaceRoles.Role.DIRECTION ? 0 : 1;
            return direction * 1000 + place.specificity() * 10 + r + (place.unknown() ? 0 : 5);
        }

        int precision() {
            boolean near = role == PlaceRoles.Role.NEAR || role == PlaceRoles.Role.DIRECTION;
            return near && !place.isSite() ? Math.max(2, place.precision()) : place.precision();
        }
    }

    /** A casualty figure with where it was read. */
    record Figure(CasualtyFinder.Statement statement, boolean headline, Evidence evidence) {
    }

    /** What is known about one actor of the incident. */
    static final class ActorState {
        final ActorCatalog.Def def;
        String role;
        String status;
        final int order;

        ActorState(ActorCatalog.Def def, String role, String status, int order) {
            this.def = def;
            this.role = role;
            this.status = status;
            this.order = order;
        }
    }

    final int seq;
    final int piece;
    final boolean teaser;
    final int firstSentence;
    IncidentType type;
    boolean strongType;
    boolean bodySeen;
    boolean object;
    boolean backgroundFlag;
    final Set<String> weapons = new LinkedHashSet<>();
    DateChoice date;
    boolean dateExpression;
    Draft relativeTo;
    long relativeAmount;
    ChronoUnit relativeUnit;
    Evidence relativeEvidence;
    PlaceChoice place;
    /** Further sites hit by the same attack in other towns; each becomes a mention of its own. */
    final List<PlaceChoice> extraSites = new ArrayList<>();
    String unknownPlace;
    Evidence unknownPlaceEvidence;
    final List<Figure> killed = new ArrayList<>();
    final List<Figure> wounded = new ArrayList<>();
    /** Largest plain figure from body text per category, kept up to date so that checks stay constant-time. */
    Integer plainKilled;
    Integer plainWounded;
    final Map<String, ActorState> actors = new LinkedHashMap<>();
    Evidence unclaimed;
    final Set<String> targets = new LinkedHashSet<>();
    /** Named people among the targets. */
    final Set<String> persons = new LinkedHashSet<>();
    final List<Cue> cues = new ArrayList<>();
    final List<Evidence> evidence = new ArrayList<>();
    private final java.util.Map<String, Integer> evidenceCounts = new java.util.HashMap<>();

    Draft(int seq, int piece, boolean teaser, int firstSentence, IncidentType type) {
        this.seq = seq;
        this.piece = piece;
        this.teaser = teaser;
        this.firstSentence = firstSentence;
        this.type = type;
    }

    /** Keeps the first few evidence entries per field, so that a very long page yields a bounded record. */
    void addEvidence(Evidence e) {
        if (evidenceCounts.merge(e.field(), 1, Integer::sum) <= MentionAssembler.MAX_EVIDENCE_PER_FIELD) {
            evidence.add(e);
        }
    }

    boolean violent() {
        return type.isViolent();
    }

    /** The best date read so far, or the one derived from a related incident. */
    PartialDate dateValue() {
        return date == null ? null : date.value();
    }

    void offerDate(DateChoice c) {
        dateExpression = true;
        if (c.value() == null) {
            return;
        }
        if (date == null || c.rank() > date.rank()) {
            date = c;
        }
    }

    void offerPlace(PlaceChoice c) {
        if (place == null || c.rank() > place.rank()
                || c.rank() == place.rank() && place.headline() && !c.headline()) {
            place = c;
        }
    }

    void addActor(ActorCatalog.Def def, String role, String status) {
        ActorState s = actors.get(def.name());
        if (s == null) {
            actors.put(def.name(), new ActorState(def, role, status, actors.size()));
            return;
        }
        if ("perpetrator".equals(role) && !"perpetrator".equals(s.role)) {
            s.role = role;
        }
        if (Actor.statusRank(status) > Actor.statusRank(s.status)) {
            s.status = status;
        }
    }


    private final Set<String> cueKeys = new java.util.HashSet<>();

    void addCue(Cue cue) {
        if (cueKeys.add(cue.relation() + "@" + cue.start())) {
            cues.add(cue);
        }
    }

    /** Perpetrator families named so far. */
    Set<String> perpetratorFamilies() {
        Set<String> out = new LinkedHashSet<>();
        for (ActorState s : actors.values()) {
            if ("perpetrator".equals(s.role) && s.def.family() != null) {
                out.add(s.def.family());
            }
        }
        return out;
    }

    Integer killedCount() {
        return combine(killed);
    }

    Integer woundedCount() {
        return combine(wounded);
    }

    /**
     * Combines figures of one kind. Body text wins over the headline. The same group reported twice counts once
     * (the largest figure), groups marked as additional ("were also wounded", "another contractor") add up, and a
     * stated total ("bringing the number of wounded to seven") is a floor. An explicit "no casualties" gives 0.
     */
    static Integer combine(List<Figure> figures) {
        boolean body = false;
        for (Figure f : figures) {
            if (!f.headline()) {
                body = true;
                break;
            }
        }
        int base = -1;
        int extra = 0;
        int total = -1;
        boolean zero = false;
        for (Figure f : figures) {
            if (body && f.headline()) {
                continue;
            }
            CasualtyFinder.Statement s = f.statement();
            if (s.count() == 0) {
                zero = true;
            } else if (s.total()) {
                total = Math.max(total, s.count());
            } else if (s.additive()) {
                extra += s.count();
            } else {
                base = Math.max(base, s.count());
            }
        }
        int sum = (base < 0 ? 0 : base) + extra;
        if (base >= 0 || extra > 0 || total >= 0) {
            return Math.max(sum, total);
        }
        return zero ? 0 : null;
    }

    void addFigure(Figure f) {
        CasualtyFinder.Statement s = f.statement();
        boolean plain = !f.headline() && !s.additive() && !s.total();
        if (s.category() == CasualtyFinder.Category.KILLED) {
            killed.add(f);
            if (plain) {
                plainKilled = plainKilled == null ? s.count() : Math.max(plainKilled, s.count());
            }
        } else {
            wounded.add(f);
            if (plain) {
                plainWounded = plainWounded == null ? s.count() : Math.max(plainWounded, s.count());
            }
        }
    }

    /** Figures from body text that are not additions: what a second report of the same incident must agree with. */
    Integer plainBodyFigure(CasualtyFinder.Category c) {
        return c == CasualtyFinder.Category.KILLED ? plainKilled : plainWounded;
    }
}
