package io.incidentstreams.enrich.merge;

import io.incidentstreams.model.Actor;
import io.incidentstreams.model.Evidence;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import io.incidentstreams.model.Relation;
import io.incidentstreams.model.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds one incident from all the mentions of a cluster. Every choice is a pure function of the set of mentions
 * (ties broken by value, then by id), so any arrival order yields the same record.
 */
public final class IncidentAssembler {
    private IncidentAssembler() {
    }

    public static Incident assemble(String id, List<IncidentMention> members, List<Relation> relations,
                                    List<String> mergedFrom) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an incident needs at least one mention");
        }
        List<IncidentMention> ms = members.stream()
                .sorted(Comparator.comparing(IncidentMention::mentionId)).toList();
        IncidentType type = mostCommon(ms, IncidentMention::type, Comparator.comparing(IncidentType::ordinal));
        IncidentMention dated = ms.stream()
                .filter(m -> DateRange.of(m.date(), m.datePrecision()) != null)
                .min(Comparator.comparing((IncidentMention m) -> m.datePrecision().ordinal())
                        .thenComparing(m -> -count(ms, x -> Objects.equals(x.date(), m.date())))
                        .thenComparing(IncidentMention::date))
                .orElse(null);
        Location location = ms.stream().map(IncidentMention::location).filter(Objects::nonNull)
                .min(Comparator.comparing((Location l) -> l.hasCoordinates() ? 0 : 1)
                        .thenComparing(l -> l.precision() == null ? 9 : l.precision())
                        .thenComparing(l -> -count(ms, x -> x.location() != null && Objects.equals(x.location().name(), l.name())))
                        .thenComparing(l -> l.name() == null ? "" : l.name()))
                .orElse(null);
        List<Source> sources = sources(ms);
        Set<String> outlets = sources.stream()
                .map(s -> s.outlet() != null ? "outlet:" + s.outlet() : "article:" + s.articleId())
                .collect(Collectors.toSet());
        List<String> published = sources.stream().map(Source::publishedAt).filter(Objects::nonNull).sorted().toList();
        return new Incident(id, type, type.acledEventType(), type.acledSubEventType(),
                dated == null ? null : dated.date(), dated == null ? null : dated.datePrecision(),
                location,
                sortedUnion(ms, IncidentMention::weapons),
                figure(ms, IncidentMention::killed),
                figure(ms, IncidentMention::wounded),
                actors(ms),
                sortedUnion(ms, IncidentMention::targets),
                relations == null ? List.of() : relations,
                sources,
                mergedFrom == null ? List.of() : mergedFrom,
                sources.size(), outlets.size(),
                published.isEmpty() ? null : published.get(0),
                published.isEmpty() ? null : published.get(published.size() - 1),
                ms.get(0).rulesVersion());
    }

    /** The most-reported figure; on a tie the one from the latest report; then the larger. */
    static Integer figure(List<IncidentMention> ms, Function<IncidentMention, Integer> field) {
        Map<Integer, Long> counts = ms.stream().map(field).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        if (counts.isEmpty()) {
            return null;
        }
        Map<Integer, String> latest = new HashMap<>();
        for (IncidentMention m : ms) {
            Integer v = field.apply(m);
            if (v != null) {
                String p = m.publishedAt() == null ? "" : m.publishedAt();
                latest.merge(v, p, (x, y) -> x.compareTo(y) >= 0 ? x : y);
            }
        }
        return counts.keySet().stream()
                .max(Comparator.comparing((Integer v) -> counts.get(v))
                        .thenComparing(latest::get)
                        .thenComparing(Comparator.naturalOrder()))
                .orElse(null);
    }

    static List<Actor> actors(List<IncidentMention> ms) {
        Map<String, Actor> byKey = new LinkedHashMap<>();
        for (IncidentMention m : ms) {
            if (m.actors() == null) {
                continue;
            }
            for (Actor a : m.actors()) {
                String key = a.role() + "|" + a.name();
                // The strongest attribution wins (Actor.statusRank): a claim overrides an earlier "unclaimed".
                byKey.merge(key, a, (x, y) -> Actor.statusRank(y.status()) > Actor.statusRank(x.status()) ? y : x);
            }
        }
        return byKey.values().stream()
                .sorted(Comparator.comparing((Actor a) -> a.role() == null ? "" : a.role())
                        .thenComparing(a -> a.name() == null ? "" : a.name()))
                .toList();
    }

    /** One source per article, oldest first; an article that mentions the incident twice gives one source. */
    static List<Source> sources(List<IncidentMention> ms) {
        Map<String, List<IncidentMention>> byArticle = ms.stream()
                .collect(Collectors.groupingBy(IncidentMention::articleId, java.util.TreeMap::new, Collectors.toList()));
        List<Source> out = new ArrayList<>();
        byArticle.forEach((articleId, list) -> {
            IncidentMention first = list.get(0);
            List<Evidence> evidence = list.stream()
                    .flatMap(m -> m.evidence() == null ? java.util.stream.Stream.empty() : m.evidence().stream())
                    .distinct().toList();
            out.add(new Source(articleId, first.title(), first.publishedAt(), first.outlet(), first.url(),
                    first.date(), figure(list, IncidentMention::killed), figure(list, IncidentMention::wounded),
                    evidence));
        });
        out.sort(Comparator.comparing((Source s) -> s.publishedAt() == null ? "~" : s.publishedAt())
                .thenComparing(Source::articleId));
        return out;
    }

    private static List<String> sortedUnion(List<IncidentMention> ms, Function<IncidentMention, List<String>> field) {
        TreeSet<String> all = new TreeSet<>();
        for (IncidentMention m : ms) {
            List<String> values = field.apply(m);
            if (values != null) {
                values.stream().filter(Objects::nonNull).forEach(all::add);
            }
        }
        return List.copyOf(all);
    }

    private static <T> T mostCommon(List<IncidentMention> ms, Function<IncidentMention, T> field,
                                    Comparator<T> tieBreak) {
        Map<T, Long> counts = ms.stream().map(field).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        return counts.keySet().stream()
                .max(Comparator.comparing((T v) -> counts.get(v)).thenComparing(tieBreak.reversed()))
                .orElseThrow();
    }

    private static long count(List<IncidentMention> ms, java.util.function.Predicate<IncidentMention> p) {
        return ms.stream().filter(p).count();
    }

    /** Exposed for the linker: the precision-aware date span of an assembled incident. */
    public static DateRange range(Incident incident) {
        return DateRange.of(incident.date(), incident.datePrecision());
    }

}
