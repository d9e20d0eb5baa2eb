package io.incidentstreams.enrich.dedup;

import io.incidentstreams.model.IncidentMention;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Counts a republished wire story once. Among the articles behind one incident, articles whose SimHash lie
 * within {@link SimHash#NEAR_DUPLICATE_BITS} of each other form a group, and only the smallest article id of
 * each group stays a source. The choice depends only on the set of articles, never on which arrived first.
 */
public final class NearDuplicates {
    private NearDuplicates() {
    }

    public static List<IncidentMention> withoutRepublished(List<IncidentMention> mentions,
                                                           Function<String, Long> fingerprintOf) {
        Map<String, Long> fingerprints = new TreeMap<>();
        for (IncidentMention m : mentions) {
            if (!fingerprints.containsKey(m.articleId())) {
                fingerprints.put(m.articleId(), fingerprintOf.apply(m.articleId()));
            }
        }
        if (fingerprints.size() < 2) {
            return mentions;
        }
        Set<String> dropped = new TreeSet<>();
        List<String> ids = new ArrayList<>(fingerprints.keySet());
        for (int i = 0; i < ids.size(); i++) {
            Long a = fingerprints.get(ids.get(i));
            if (a == null || dropped.contains(ids.get(i))) {
                continue;
            }
            for (int j = i + 1; j < ids.size(); j++) {
                Long b = fingerprints.get(ids.get(j));
                if (b != null && SimHash.nearDuplicates(a, b)) {
                    dropped.add(ids.get(j));
                }
            }
        }
        if (dropped.isEmpty()) {
            return mentions;
        }
        return mentions.stream().filter(m -> !dropped.contains(m.articleId())).toList();
    }
}
