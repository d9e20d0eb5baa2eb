package io.incidentstreams.enrich;

import io.incidentstreams.model.IncidentMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;

/**
 * The blocking key of the merge step: the country of the mention's place. Mentions with no country take the
 * article's most frequent country, so that a truce "in Iraq" with no place still meets the attacks it may link
 * to. Merging and truce linking both need every candidate in one task; a country is the widest area a truce
 * covers, which is why blocking is by country and not by a finer cell.
 */
public final class RegionKeyer {
    public static final String UNKNOWN = "unknown";

    private RegionKeyer() {
    }

    public static List<KeyValue<String, IncidentMention>> key(List<IncidentMention> mentions) {
        String dominant = mentions.stream().map(RegionKeyer::country).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(UNKNOWN);
        List<KeyValue<String, IncidentMention>> out = new ArrayList<>(mentions.size());
        for (IncidentMention m : mentions) {
            String c = country(m);
            out.add(KeyValue.pair(c != null ? c : dominant, m));
        }
        return out;
    }

    /** The country that keys a report, or null when it names none (it then goes with its article's main country). */
    public static String countryOf(IncidentMention m) {
        return country(m);
    }

    private static String country(IncidentMention m) {
        return m.location() == null || m.location().country() == null || m.location().country().isBlank()
                ? null : m.location().country();
    }
}
