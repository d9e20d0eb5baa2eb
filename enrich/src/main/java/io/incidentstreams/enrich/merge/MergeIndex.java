package io.incidentstreams.enrich.merge;

import io.incidentstreams.enrich.link.Linker;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keys of the secondary indexes in the {@code merge-index} store. Each key ends with the mention id and maps to
 * it, so candidates are found by range or prefix scans over a date window or a place.
 * <ul>
 *   <li>{@code d|<region>|<date>|<mention>}: every mention with a date ({@link DateRange#indexKey()}); the value
 *       is its {@link MatchProfile}, which holds the mention id</li>
 *   <li>{@code t|<region>|<date>|<mention>}: truces, for the breaks_truce window</li>
 *   <li>{@code p|<region>|<site>|<mention>}: day or month dated mentions at a named site</li>
 *   <li>{@code u|<region>|<site>|<mention>}: undated or year-dated mentions at a named site</li>
 *   <li>{@code w|<region>|<mention>}: undated or year-dated truces, which a dated truce may absorb</li>
 *   <li>{@code q|<region>|<date>|<mention>}: day-dated mentions with a retaliation or "follows" cue, which a
 *       late report of an earlier incident may give a target</li>
 *   <li>{@code n|<region>|<person>|<mention>}: day or month dated mentions aimed at a named person</li>
 *   <li>{@code v|<region>|<person>|<mention>}: undated or year-dated mentions aimed at a named person</li>
 * </ul>
 */
public final class MergeIndex {
    static final String END = "\uffff";

    private MergeIndex() {
    }

    public static List<String> keys(String region, IncidentMention m) {
        return List.copyOf(entries(region, m).keySet());
    }

    /** The index entries of a mention: each key with its value. */
    public static Map<String, String> entries(String region, IncidentMention m) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (String key : indexKeys(region, m)) {
            entries.put(key, key.startsWith("d|") ? MatchProfile.of(m).encode() : m.mentionId());
        }
        return entries;
    }

    private static List<String> indexKeys(String region, IncidentMention m) {
        List<String> keys = new ArrayList<>(3);
        DateRange range = DateRange.of(m.date(), m.datePrecision());
        if (range != null) {
            keys.add(dated(region, range.indexKey(), m.mentionId()));
            if (m.type() == IncidentType.TRUCE) {
                keys.add("t|" + region + "|" + range.indexKey() + "|" + m.mentionId());
            }
        }
        boolean vague = range == null || range.precision() == DatePrecision.YEAR;
        if (range != null && range.precision() == DatePrecision.DAY && Linker.looksBack(m)) {
            keys.add("q|" + region + "|" + range.indexKey() + "|" + m.mentionId());
        }
        String site = site(m.location());
        if (site != null) {
            keys.add((vague ? "u|" : "p|") + region + "|" + site + "|" + m.mentionId());
        }
        if (vague && m.type() == IncidentType.TRUCE) {
            keys.add(vagueTrucePrefix(region) + m.mentionId());
        }
        if (m.persons() != null) {
            for (String person : m.persons()) {
                keys.add(personPrefix(vague ? "v" : "n", region, person) + m.mentionId());
            }
        }
        return keys;
    }

    static String dated(String region, String dateKey, String mentionId) {
        return from("d", region, dateKey) + mentionId;
    }

    /**
     * The name of a precisely located place (precision 1), or of a place outside the gazetteer ("Tower 22", kept
     * by its raw name and matched by name only), or null. Raw names are prefixed with {@code ?} and lower-cased so
     * that they never share a key with a gazetteer site.
     */
    public static String site(Location l) {
        if (l == null || l.name() == null) {
            return null;
        }
        if (l.precision() == null && !l.hasCoordinates() && l.country() == null) {
            return "?" + l.name().toLowerCase(java.util.Locale.ROOT).replace('|', '/');
        }
        if (l.precision() == null || l.precision() != 1) {
            return null;
        }
        return l.name().replace('|', '/');
    }

    /** Lower bound of a scan over {@code kind} entries dated from {@code day}. */
    public static String from(String kind, String region, String dateKey) {
        return kind + "|" + region + "|" + dateKey + "|";
    }

    /** Upper bound (inclusive) of a scan over {@code kind} entries dated up to {@code day}. */
    public static String to(String kind, String region, LocalDate day) {
        return kind + "|" + region + "|" + day + "|" + END;
    }

    /** Prefix of the month-precision entries of {@code day}'s month. */
    public static String monthPrefix(String region, LocalDate day) {
        return "d|" + region + "|" + day.toString().substring(0, 7) + "-00|";
    }

    /** Prefix of the year-precision entries of {@code year}. */
    public static String yearPrefix(String region, int year) {
        return "d|" + region + "|" + year + "-00-00|";
    }

    /** Prefix of every dated entry in {@code day}'s month, whatever its precision. */
    public static String monthAllPrefix(String region, LocalDate day) {
        return "d|" + region + "|" + day.toString().substring(0, 7) + "-";
    }

    /** Prefix of the undated or year-dated truces of a region. */
    public static String vagueTrucePrefix(String region) {
        return "w|" + region + "|";
    }

    /** Prefix of the {@code n} (dated) or {@code v} (vague) entries of a named person. */
    public static String personPrefix(String kind, String region, String person) {
        return kind + "|" + region + "|" + person.replace('|', '/') + "|";
    }

    public static String sitePrefix(String kind, String region, String site) {
        return kind + "|" + region + "|" + site + "|";
    }
}
