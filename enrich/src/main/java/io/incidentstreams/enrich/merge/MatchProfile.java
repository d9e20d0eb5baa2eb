package io.incidentstreams.enrich.merge;

import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;

/**
 * The value of a dated index entry ({@code d|<region>|<date>|<mention>}): the mention id, and what the match test
 * needs to rule most candidates out without reading the mention back from JSON: its type and, when it has them,
 * the coordinates of a place finer than a country. A day's window holds every report of a region in those days,
 * mostly of other events at other places; reading each of them was the largest part of the merge step.
 *
 * <p>Stored as {@code <type>|<lat>|<lon>|<mention id>}, coordinates empty when the rule below cannot use them. The
 * mention id comes last, so it may hold any character.
 *
 * @param mentionId the mention
 * @param type      its type
 * @param lat       latitude of a place that is neither a whole country or region nor unlocated, or null
 * @param lon       longitude, null exactly when {@code lat} is
 */
public record MatchProfile(String mentionId, IncidentType type, Double lat, Double lon) {
    private static final char SEP = '|';

    public static MatchProfile of(IncidentMention m) {
        Location l = m.location();
        boolean fine = l != null && l.hasCoordinates() && !MentionMatcher.coarse(l);
        return new MatchProfile(m.mentionId(), m.type(), fine ? l.lat() : null, fine ? l.lon() : null);
    }

    public String encode() {
        return type.name() + SEP + (lat == null ? "" : lat) + SEP + (lon == null ? "" : lon) + SEP + mentionId;
    }

    public static MatchProfile decode(String value) {
        int[] sep = separators(value);
        String lat = value.substring(sep[0] + 1, sep[1]);
        String lon = value.substring(sep[1] + 1, sep[2]);
        return new MatchProfile(value.substring(sep[2] + 1), IncidentType.valueOf(value.substring(0, sep[0])),
                lat.isEmpty() ? null : Double.valueOf(lat), lon.isEmpty() ? null : Double.valueOf(lon));
    }

    /** The mention id of a stored profile, without the rest. */
    public static String mentionIdOf(String value) {
        return value.substring(separators(value)[2] + 1);
    }

    /** The positions of the three separators; the mention id follows the third. */
    private static int[] separators(String value) {
        int a = value.indexOf(SEP);
        int b = a < 0 ? -1 : value.indexOf(SEP, a + 1);
        int c = b < 0 ? -1 : value.indexOf(SEP, b + 1);
        if (c < 0) {
            throw new IllegalStateException("not a dated index entry: " + value);
        }
        return new int[] {a, b, c};
    }
}
