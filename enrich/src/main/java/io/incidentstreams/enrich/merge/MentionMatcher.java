package io.incidentstreams.enrich.merge;

import io.incidentstreams.model.Actor;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether two mentions report the same real-world event. The decision depends only on the two mentions,
 * so the clusters it induces (connected components) do not depend on arrival order.
 *
 * <p>Candidates must have compatible types ({@link IncidentType#mayBeSameEventAs}); their dates must fit within a window that respects precision; places must be
 * close; casualty figures and claimed perpetrators must not contradict each other. A vague report (no day or
 * month) has no edges: {@link #attachable} names the dated reports it may belong to, and the merge step attaches
 * it only when they all belong to one incident, so a vague report never joins two incidents into one.
 */
public final class MentionMatcher {
    /** Day-level reports may disagree by one day (time zones, late-night events). */
    public static final long DAY_TOLERANCE = 1;
    /** Two named sites (precision 1) are the same place only when this close. */
    public static final double SITE_KM = 2.5;
    /** Anything coarser than a site: same town or area. */
    public static final double AREA_KM = 30;

    private MentionMatcher() {
    }

    public static boolean matches(IncidentMention a, IncidentMention b) {
        if (a.mentionId().equals(b.mentionId()) || !a.type().mayBeSameEventAs(b.type())) {
            return false;
        }
        // The extractor already split one article's incidents apart.
        if (a.articleId().equals(b.articleId())) {
            return false;
        }
        PlaceFit place = placeFit(a.location(), b.location());
        if (place == PlaceFit.FAR || !figuresAgree(a, b) || !claimsConsistent(a, b)) {
            return false;
        }
        if (place == PlaceFit.CONTAINED && a.type() != IncidentType.TRUCE && !corroborated(a, b)) {
            return false;
        }
        DateRange da = DateRange.of(a.date(), a.datePrecision());
        DateRange db = DateRange.of(b.date(), b.datePrecision());
        if (vague(da) || vague(db)) {
            return false;
        }
        if (da.precision() == DatePrecision.DAY && db.precision() == DatePrecision.DAY) {
            return da.distanceDays(db) <= DAY_TOLERANCE;
        }
        return da.overlaps(db) && (a.type() != IncidentType.TRUCE || sharePartyFamily(a, b));
    }

    /**
     * False when {@code matches(a, b)} is certainly false, from {@code b}'s profile alone: an incompatible type, or two
     * places finer than a country more than {@link #AREA_KM} apart. Never false for a pair that matches; the merge
     * step reads a candidate's mention only when this is true.
     */
    public static boolean mayMatch(IncidentMention a, MatchProfile b) {
        if (!a.type().mayBeSameEventAs(b.type())) {
            return false;
        }
        Location l = a.location();
        if (b.lat() == null || l == null || !l.hasCoordinates() || coarse(l)) {
            return true;
        }
        // The same distance placeFit computes, in the same order of arguments; within AREA_KM it decides.
        return !(Geo.km(l.lat(), l.lon(), b.lat(), b.lon()) > AREA_KM);
    }

    /** No day or month: the report cannot be placed on the timeline by itself. */
    public static boolean vague(IncidentMention m) {
        return vague(DateRange.of(m.date(), m.datePrecision()));
    }

    /**
     * A dated report that says little about where: no place, or only a country or region. It may join the one
     * incident it fits but never bridges two ("an attack in Iraq in March" fits every attack in Iraq that month);
     * with no located report to join, it merges only with other such reports.
     */
    public static boolean weak(IncidentMention m) {
        Location l = m.location();
        return !vague(m) && (l == null || l.name() == null || coarse(l));
    }

    /** Neither vague nor weak: a report that may take part in the match graph's components. */
    public static boolean anchored(IncidentMention m) {
        return !vague(m) && !weak(m);
    }

    private static boolean vague(DateRange r) {
        return r == null || r.precision() == DatePrecision.YEAR;
    }

    /**
     * Whether a vague report (no day or month) may be the same event as a dated one: same type, another article,
     * a compatible place, figures and claims, a date inside the vague report's window and on its weekday if it names
     * one, and for truces a shared party family. Unlike {@link #matches}, this is only a candidate test: the merge step attaches the vague report
     * when all its candidates belong to one incident, and leaves it alone when they are several.
     */
    public static boolean attachable(IncidentMention v, IncidentMention d, Window window) {
        if (v.articleId().equals(d.articleId()) || !v.type().mayBeSameEventAs(d.type()) || !vague(v) || vague(d)) {
            return false;
        }
        PlaceFit place = placeFit(v.location(), d.location());
        if (place == PlaceFit.FAR || !casualtiesConsistent(v, d) || !claimsConsistent(v, d)) {
            return false;
        }
        if (v.type() == IncidentType.TRUCE) {
            Set<String> fv = families(v);
            if (fv.isEmpty() || families(d).stream().noneMatch(fv::contains)) {
                return false;
            }
        } else if (place == PlaceFit.CONTAINED && !corroborated(v, d)) {
            return false;
        }
        DateRange dr = DateRange.of(d.date(), d.datePrecision());
        return window.admits(dr) && weekdayFits(v, dr);
    }

    /**
     * A report dated only by a weekday ("on Monday" on an undated page) fits a day-dated report of that weekday, and
     * any coarser one. No day of slack: the weekday is what tells one such report's candidates apart.
     */
    static boolean weekdayFits(IncidentMention v, DateRange d) {
        if (v.weekday() == null || d.precision() != DatePrecision.DAY) {
            return true;
        }
        try {
            return d.first().getDayOfWeek() == DayOfWeek.valueOf(v.weekday());
        } catch (IllegalArgumentException e) {
            return true; // not a weekday name: no constraint
        }
    }

    /** Figures and claims do not contradict each other. */
    static boolean consistent(IncidentMention a, IncidentMention b) {
        return figuresAgree(a, b) && claimsConsistent(a, b);
    }

    /** The same non-zero death toll: among several candidates, the ones that share it are preferred. */
    public static boolean sameToll(IncidentMention a, IncidentMention b) {
        return a.killed() != null && a.killed() > 0 && a.killed().equals(b.killed());
    }

    /**
     * When a vague report's event can have happened, from the text alone: not after its article was published
     * (a day of slack for time zones), inside its year if it has one, and, for an article's main report, not before
     * the latest dated incident the same article recalls. Open bounds are null.
     */
    public record Window(LocalDate notBefore, LocalDate notAfter) {
        public static Window of(IncidentMention v, List<IncidentMention> siblings) {
            LocalDate notAfter = null;
            if (v.publishedAt() != null && v.publishedAt().length() >= 10) {
                try {
                    notAfter = LocalDate.parse(v.publishedAt().substring(0, 10)).plusDays(1);
                } catch (DateTimeParseException e) {
                    notAfter = null;
                }
            }
            LocalDate recalled = null;
            if (!v.background()) {
                for (IncidentMention s : siblings) {
                    DateRange r = DateRange.of(s.date(), s.datePrecision());
                    if (!s.mentionId().equals(v.mentionId()) && !vague(r)
                            && (recalled == null || r.first().isAfter(recalled))) {
                        recalled = r.first();
                    }
                }
            }
            LocalDate notBefore = recalled;
            DateRange own = DateRange.of(v.date(), v.datePrecision());
            if (own != null) {
                notBefore = notBefore == null || own.first().isAfter(notBefore) ? own.first() : notBefore;
                notAfter = notAfter == null || own.last().isBefore(notAfter) ? own.last() : notAfter;
            }
            if (notBefore != null && notAfter != null && notBefore.isAfter(notAfter)) {
                notBefore = own == null ? null : own.first();
            }
            return new Window(notBefore, notAfter);
        }

        public boolean admits(DateRange r) {
            return r != null && (notBefore == null || !r.last().isBefore(notBefore))
                    && (notAfter == null || !r.first().isAfter(notAfter));
        }
    }

    /** How two reported places relate. */
    enum PlaceFit {
        /** The same place, or places close enough for one event. */
        NEAR,
        /** One is a whole country or region and the other lies inside it: the same event only if corroborated. */
        CONTAINED,
        /** Different places. */
        FAR
    }

    static PlaceFit placeFit(Location a, Location b) {
        if (a == null || b == null) {
            return PlaceFit.NEAR;
        }
        if (coarse(a) != coarse(b)) {
            Location wide = coarse(a) ? a : b;
            Location narrow = coarse(a) ? b : a;
            if (sameName(wide.name(), narrow.name())) {
                return PlaceFit.NEAR;
            }
            if (raw(narrow)) {
                // A place outside the gazetteer has no known country, but it is compared only within its region,
                // the article's country: it may lie inside the wide place, as a town of it would.
                return PlaceFit.CONTAINED;
            }
            return sameName(wide.name(), narrow.country()) || sameName(wide.name(), narrow.admin1())
                    || sameName(wide.name(), narrow.city()) ? PlaceFit.CONTAINED : PlaceFit.FAR;
        }
        if (a.hasCoordinates() && b.hasCoordinates()) {
            double km = Geo.km(a.lat(), a.lon(), b.lat(), b.lon());
            // Two distinct named sites must be very close; a site and the town it lies in need only be nearby.
            boolean twoSites = Objects.equals(a.precision(), 1) && Objects.equals(b.precision(), 1)
                    && !sameName(a.name(), b.name())
                    && !sameName(a.name(), b.city()) && !sameName(b.name(), a.city());
            return km <= (twoSites ? SITE_KM : AREA_KM) ? PlaceFit.NEAR : PlaceFit.FAR;
        }
        if (a.name() == null || b.name() == null) {
            return PlaceFit.NEAR;
        }
        return sameName(a.name(), b.name()) ? PlaceFit.NEAR : PlaceFit.FAR;
    }

    /** A place outside the gazetteer, kept by its raw name only. */
    static boolean raw(Location l) {
        return l.precision() == null && !l.hasCoordinates() && l.country() == null;
    }

    /** A country or region (precision 3) or a raw name without coordinates: it says little about where. */
    static boolean coarse(Location l) {
        return Objects.equals(l.precision(), 3) || (!l.hasCoordinates() && l.country() != null);
    }

    private static boolean sameName(String x, String y) {
        return x != null && y != null && x.equalsIgnoreCase(y);
    }

    /**
     * Evidence that a country-level report and a located one are one event: the same non-zero death toll, or a
     * perpetrator family they share.
     */
    static boolean corroborated(IncidentMention a, IncidentMention b) {
        if (a.killed() != null && a.killed() > 0 && a.killed().equals(b.killed())) {
            return true;
        }
        Set<String> fa = families(a);
        return !fa.isEmpty() && families(b).stream().anyMatch(fa::contains);
    }

    /**
     * Figures get revised as tolls rise (1 wounded, later 9), but "no casualties" and a large toll, or a handful
     * and a massacre, are different events.
     */
    /** The figures agree, or the later report revises the earlier one's upward ({@link #revision}). */
    static boolean figuresAgree(IncidentMention a, IncidentMention b) {
        return casualtiesConsistent(a, b) || revision(a, b);
    }

    /**
     * A later report that raises the figures of an earlier one at the same named site on the same day: "no
     * casualties" in the first wire and 34 wounded weeks later are one event. Both must be dated to the day, name
     * the same site (precision 1), and come from pages published on different days; no figure may go down.
     */
    static boolean revision(IncidentMention a, IncidentMention b) {
        if (a.date() == null || !a.date().equals(b.date()) || a.datePrecision() != DatePrecision.DAY
                || b.datePrecision() != DatePrecision.DAY || a.publishedAt() == null || b.publishedAt() == null
                || a.location() == null || b.location() == null || !Objects.equals(a.location().precision(), 1)
                || !Objects.equals(b.location().precision(), 1) || !sameName(a.location().name(), b.location().name())) {
            return false;
        }
        int order = a.publishedAt().compareTo(b.publishedAt());
        if (order == 0) {
            return false;
        }
        IncidentMention earlier = order < 0 ? a : b;
        IncidentMention later = order < 0 ? b : a;
        return notLower(earlier.killed(), later.killed()) && notLower(earlier.wounded(), later.wounded());
    }

    private static boolean notLower(Integer earlier, Integer later) {
        return earlier == null || later == null || later >= earlier;
    }

    static boolean casualtiesConsistent(IncidentMention a, IncidentMention b) {
        return figuresConsistent(a.killed(), b.killed()) && figuresConsistent(a.wounded(), b.wounded());
    }

    static boolean figuresConsistent(Integer x, Integer y) {
        if (x == null || y == null) {
            return true;
        }
        int min = Math.min(x, y);
        int max = Math.max(x, y);
        if (min == 0) {
            return max <= 2;
        }
        return max <= 10 * min + 2;
    }

    /** Two reports that each name a claiming group from different families are different events. */
    static boolean claimsConsistent(IncidentMention a, IncidentMention b) {
        Set<String> ca = claimedFamilies(a);
        Set<String> cb = claimedFamilies(b);
        return ca.isEmpty() || cb.isEmpty() || ca.stream().anyMatch(cb::contains);
    }

    private static Set<String> claimedFamilies(IncidentMention m) {
        return m.actors() == null ? Set.of() : m.actors().stream()
                .filter(x -> "claimed".equals(x.status()) && x.family() != null)
                .map(Actor::family).collect(Collectors.toSet());
    }

    static boolean sharePartyFamily(IncidentMention a, IncidentMention b) {
        Set<String> fa = families(a);
        Set<String> fb = families(b);
        return fa.isEmpty() || fb.isEmpty() || fa.stream().anyMatch(fb::contains);
    }

    static Set<String> families(IncidentMention m) {
        return m.actors() == null ? Set.of() : m.actors().stream()
                .map(Actor::family).filter(Objects::nonNull).collect(Collectors.toSet());
    }
}
