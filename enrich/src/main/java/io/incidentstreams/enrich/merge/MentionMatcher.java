package io.incidentstreams.enrich.merge;

import io.incidentstreams.model.Actor;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether two mentions report the same real-world event. The decision depends only on the two mentions,
 * so the clusters it induces (connected components) do not depend on arrival order.
 *
 * <p>Candidates must agree on type; their dates must fit within a window that respects precision; places must be
 * close; casualty figures and claimed perpetrators must not contradict each other. A mention without a day-level
 * date merges only on strong evidence: the same named site and the same non-zero death toll.
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
        if (a.mentionId().equals(b.mentionId()) || a.type() != b.type()) {
            return false;
        }
        // The extractor already split one article's incidents apart.
        if (a.articleId().equals(b.articleId())) {
            return false;
        }
        PlaceFit place = placeFit(a.location(), b.location());
        if (place == PlaceFit.FAR || !casualtiesConsistent(a, b) || !claimsConsistent(a, b)) {
            return false;
        }
        if (place == PlaceFit.CONTAINED && a.type() != IncidentType.TRUCE && !corroborated(a, b)) {
            return false;
        }
        DateRange da = DateRange.of(a.date(), a.datePrecision());
        DateRange db = DateRange.of(b.date(), b.datePrecision());
        boolean dayOrMonth = da != null && db != null
                && da.precision() != DatePrecision.YEAR
                && db.precision() != DatePrecision.YEAR;
        if (dayOrMonth) {
            if (da.precision() == DatePrecision.DAY
                    && db.precision() == DatePrecision.DAY) {
                return da.distanceDays(db) <= DAY_TOLERANCE;
            }
            return da.overlaps(db) && (a.type() == IncidentType.TRUCE ? sharePartyFamily(a, b) : true);
        }
        if (da != null && db != null && !da.overlaps(db)) {
            return false;
        }
        return strongEvidence(a, b);
    }

    /** Same named site and the same non-zero death toll: enough to merge a report whose date is vague or missing. */
    static boolean strongEvidence(IncidentMention a, IncidentMention b) {
        if (a.type() == IncidentType.TRUCE) {
            return false;
        }
        Location la = a.location();
        Location lb = b.location();
        if (la == null || lb == null || la.precision() == null || lb.precision() == null
                || la.precision() != 1 || lb.precision() != 1 || !Objects.equals(la.name(), lb.name())) {
            return false;
        }
        return a.killed() != null && a.killed() > 0 && a.killed().equals(b.killed());
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
