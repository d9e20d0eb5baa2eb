package io.incidentstreams.enrich.merge;

import io.incidentstreams.enrich.ExtractProcessor;
import io.incidentstreams.enrich.StoreNames;
import io.incidentstreams.enrich.dedup.NearDuplicates;
import io.incidentstreams.enrich.link.Linker;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Relation;
import io.incidentstreams.serde.JsonSerde;
import io.incidentstreams.topics.SchemaVersion;
import io.incidentstreams.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Merges mentions into incidents and links incidents, within one region (the record key).
 *
 * <p>Input: key region, value {@link IncidentMention}. Output: key incident id, value {@link Incident}, or null
 * (a tombstone) for an id that was merged into another.
 *
 * <p>An incident is a connected component of the "same event" graph of {@link MentionMatcher}, named after its
 * smallest mention id. Candidates are found by range scans over a date window or by a named site, never by
 * scanning all incidents. Because the match is a pure function of two mentions and every field is assembled
 * from the set of members, the published state does not depend on arrival order.
 */
public final class MergeProcessor implements Processor<String, IncidentMention, String, Incident> {
    public static final JsonSerde<IncidentMention> MENTION_SERDE = JsonSerde.of(IncidentMention.class);
    private static final StringSerializer KEYS = new StringSerializer();
    private static final String MEMBER = "m|";
    private static final String CLUSTER = "c|";
    /** {@code f|<articleId>}: the article's SimHash, in the index store. */
    private static final String FINGERPRINT = "f|";

    private final Linker linker;
    private ProcessorContext<String, Incident> context;
    private KeyValueStore<String, IncidentMention> mentions;
    private KeyValueStore<String, String> index;
    private KeyValueStore<String, String> clusters;
    private KeyValueStore<String, Incident> incidents;

    public MergeProcessor(Linker linker) {
        this.linker = linker;
    }

    /** The processor with the stores it owns, for {@code KStream#process}. */
    public static ProcessorSupplier<String, IncidentMention, String, Incident> supplier(Linker linker) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, IncidentMention, String, Incident> get() {
                return new MergeProcessor(linker);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.MENTIONS),
                                Serdes.String(), MENTION_SERDE),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.MERGE_INDEX),
                                Serdes.String(), Serdes.String()),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CLUSTERS),
                                Serdes.String(), Serdes.String()),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.INCIDENTS),
                                Serdes.String(), Topics.INCIDENT_SERDE));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Incident> context) {
        this.context = context;
        this.mentions = context.getStateStore(StoreNames.MENTIONS);
        this.index = context.getStateStore(StoreNames.MERGE_INDEX);
        this.clusters = context.getStateStore(StoreNames.CLUSTERS);
        this.incidents = context.getStateStore(StoreNames.INCIDENTS);
    }

    @Override
    public void process(Record<String, IncidentMention> record) {
        String region = record.key();
        IncidentMention m = record.value();
        if (m == null || m.mentionId() == null) {
            throw new IllegalArgumentException("a mention record without a mention id");
        }
        IncidentMention old = mentions.get(m.mentionId());
        if (m.equals(old)) {
            return;
        }
        Set<String> seeds = new LinkedHashSet<>();
        seeds.add(m.mentionId());
        if (old != null) {
            MergeIndex.keys(region, old).forEach(index::delete);
            String oldCluster = clusters.get(MEMBER + m.mentionId());
            if (oldCluster != null) {
                seeds.addAll(members(oldCluster));
            }
        }
        Header fingerprint = record.headers().lastHeader(ExtractProcessor.FINGERPRINT_HEADER);
        if (fingerprint != null) {
            index.put(FINGERPRINT + m.articleId(), new String(fingerprint.value(), StandardCharsets.UTF_8));
        }
        mentions.put(m.mentionId(), m);
        MergeIndex.keys(region, m).forEach(k -> index.put(k, m.mentionId()));

        Map<String, Set<String>> components = old == null ? growComponent(region, m) : recompute(region, seeds);
        publish(region, components, record);
    }

    /** Adding a mention only ever joins existing components: the new one is the union of its neighbours'. */
    private Map<String, Set<String>> growComponent(String region, IncidentMention m) {
        Set<String> component = new TreeSet<>();
        component.add(m.mentionId());
        Set<String> oldIds = new TreeSet<>();
        for (IncidentMention n : candidates(region, m)) {
            if (MentionMatcher.matches(m, n)) {
                String cid = clusters.get(MEMBER + n.mentionId());
                if (cid != null && oldIds.add(cid)) {
                    component.addAll(members(cid));
                } else if (cid == null) {
                    component.add(n.mentionId());
                }
            }
        }
        return Map.of(IncidentIds.forCluster(component), component);
    }

    /** After a mention changed, edges may have gone: recompute every component its old cluster touched. */
    private Map<String, Set<String>> recompute(String region, Set<String> seeds) {
        Map<String, Set<String>> out = new TreeMap<>();
        Set<String> visited = new TreeSet<>();
        Deque<String> pending = new ArrayDeque<>(seeds);
        while (!pending.isEmpty()) {
            String start = pending.poll();
            if (visited.contains(start) || mentions.get(start) == null) {
                continue;
            }
            Set<String> component = new TreeSet<>();
            Deque<String> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                String x = queue.poll();
                if (!visited.add(x)) {
                    continue;
                }
                component.add(x);
                IncidentMention mx = mentions.get(x);
                String oldCid = clusters.get(MEMBER + x);
                if (oldCid != null) {
                    members(oldCid).stream().filter(y -> !visited.contains(y)).forEach(pending::add);
                }
                for (IncidentMention n : candidates(region, mx)) {
                    if (!visited.contains(n.mentionId()) && MentionMatcher.matches(mx, n)) {
                        queue.add(n.mentionId());
                    }
                }
            }
            out.put(IncidentIds.forCluster(component), component);
        }
        return out;
    }

    private void publish(String region, Map<String, Set<String>> components, Record<String, IncidentMention> record) {
        Set<String> oldIds = new TreeSet<>();
        for (Set<String> component : components.values()) {
            for (String mid : component) {
                String cid = clusters.get(MEMBER + mid);
                if (cid != null) {
                    oldIds.add(cid);
                }
            }
        }
        components.forEach((cid, component) -> {
            component.forEach(mid -> clusters.put(MEMBER + mid, cid));
            clusters.put(CLUSTER + cid, String.join("\n", component));
        });
        Set<String> changed = new TreeSet<>(components.keySet());
        for (String gone : oldIds) {
            if (!components.containsKey(gone)) {
                clusters.delete(CLUSTER + gone);
                if (incidents.delete(gone) != null) {
                    context.forward(record.withKey(gone).<Incident>withValue(null)
                            .withHeaders(SchemaVersion.headers(SchemaVersion.INCIDENT)));
                }
            }
        }
        changed.forEach(cid -> emit(region, cid, record));
        Set<String> dependents = new TreeSet<>();
        changed.forEach(cid -> collectDependents(region, cid, dependents::add));
        dependents.removeAll(changed);
        dependents.forEach(cid -> emit(region, cid, record));
    }

    /** Assembles an incident with its links and publishes it if it differs from what was last published. */
    private void emit(String region, String cid, Record<?, ?> record) {
        List<String> memberIds = members(cid);
        if (memberIds.isEmpty()) {
            return;
        }
        List<IncidentMention> all = new ArrayList<>(memberIds.size());
        memberIds.forEach(id -> all.add(mentions.get(id)));
        List<IncidentMention> ms = NearDuplicates.withoutRepublished(all, this::fingerprint);
        List<String> mergedFrom = memberIds.stream().map(IncidentIds::forMention)
                .filter(id -> !id.equals(cid)).distinct().sorted().toList();
        Incident draft = IncidentAssembler.assemble(cid, ms, List.of(), mergedFrom);
        List<Relation> relations = linker.relations(draft, ms, lookup(region));
        Incident incident = draft.withRelations(relations);
        if (!incident.equals(incidents.get(cid))) {
            incidents.put(cid, incident);
            context.forward(new Record<>(cid, incident, record.timestamp(),
                    SchemaVersion.headers(SchemaVersion.INCIDENT)));
        }
    }

    /** Incidents whose links may point at {@code cid}: same-article siblings, and attacks in a truce's window. */
    private void collectDependents(String region, String cid, Consumer<String> out) {
        List<String> memberIds = members(cid);
        boolean truce = false;
        LocalDate truceStart = null;
        Set<String> families = new TreeSet<>();
        for (String mid : memberIds) {
            IncidentMention m = mentions.get(mid);
            if (m == null) {
                continue;
            }
            try (KeyValueIterator<String, IncidentMention> it =
                         mentions.prefixScan(IncidentIds.articleOf(mid) + "#", KEYS)) {
                it.forEachRemaining(kv -> {
                    if (!kv.key.equals(mid)) {
                        String sibling = clusters.get(MEMBER + kv.key);
                        if (sibling != null && !sibling.equals(cid)) {
                            out.accept(sibling);
                        }
                    }
                });
            }
            if (m.type() == IncidentType.TRUCE) {
                truce = true;
                DateRange r = DateRange.of(m.date(), m.datePrecision());
                if (r != null && (truceStart == null || r.first().isBefore(truceStart))) {
                    truceStart = r.first();
                }
                families.addAll(MentionMatcher.families(m));
            }
        }
        if (truce && truceStart != null) {
            String from = MergeIndex.from("d", region, truceStart.toString());
            String to = MergeIndex.to("d", region, truceStart.plusDays(linker.truceWindowDays()));
            try (KeyValueIterator<String, String> it = index.range(from, to)) {
                while (it.hasNext()) {
                    IncidentMention v = mentions.get(it.next().value);
                    if (v != null && v.type().isViolent() && linker.mayBreakTruce(v, families)) {
                        String vc = clusters.get(MEMBER + v.mentionId());
                        if (vc != null) {
                            out.accept(vc);
                        }
                    }
                }
            }
        }
    }

    /** Candidate matches of {@code m}: its date window, or for a vague date the same named site. */
    private List<IncidentMention> candidates(String region, IncidentMention m) {
        Set<String> ids = new TreeSet<>();
        DateRange r = DateRange.of(m.date(), m.datePrecision());
        String site = MergeIndex.site(m.location());
        if (r != null && r.precision() != DatePrecision.YEAR) {
            if (r.precision() == DatePrecision.DAY) {
                LocalDate d = r.first();
                scan(MergeIndex.from("d", region, d.minusDays(MentionMatcher.DAY_TOLERANCE).toString()),
                        MergeIndex.to("d", region, d.plusDays(MentionMatcher.DAY_TOLERANCE)), ids::add);
                prefix(MergeIndex.monthPrefix(region, d), ids::add);
            } else {
                prefix(MergeIndex.monthAllPrefix(region, r.first()), ids::add);
            }
            prefix(MergeIndex.yearPrefix(region, r.first().getYear()), ids::add);
            if (site != null) {
                prefix(MergeIndex.sitePrefix("u", region, site), ids::add);
            }
        } else if (site != null) {
            prefix(MergeIndex.sitePrefix("p", region, site), ids::add);
            prefix(MergeIndex.sitePrefix("u", region, site), ids::add);
        }
        ids.remove(m.mentionId());
        List<IncidentMention> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            IncidentMention n = mentions.get(id);
            if (n != null) {
                out.add(n);
            }
        }
        return out;
    }

    private Linker.Lookup lookup(String region) {
        return new Linker.Lookup() {
            @Override
            public List<IncidentMention> siblings(String mentionId) {
                List<IncidentMention> out = new ArrayList<>();
                try (KeyValueIterator<String, IncidentMention> it =
                             mentions.prefixScan(IncidentIds.articleOf(mentionId) + "#", KEYS)) {
                    it.forEachRemaining(kv -> {
                        if (!kv.key.equals(mentionId)) {
                            out.add(kv.value);
                        }
                    });
                }
                return out;
            }

            @Override
            public List<IncidentMention> trucesStartingBetween(LocalDate from, LocalDate to) {
                List<IncidentMention> out = new ArrayList<>();
                // Coarse entries sort before the days of their month or year: start the scan at the year.
                try (KeyValueIterator<String, String> it = index.range(
                        MergeIndex.from("t", region, from.getYear() + "-00-00"), MergeIndex.to("t", region, to))) {
                    while (it.hasNext()) {
                        IncidentMention t = mentions.get(it.next().value);
                        DateRange r = t == null ? null : DateRange.of(t.date(), t.datePrecision());
                        if (r != null && !r.first().isBefore(from.withDayOfMonth(1)) && !r.first().isAfter(to)) {
                            out.add(t);
                        }
                    }
                }
                return out;
            }

            @Override
            public String incidentOf(String mentionId) {
                return clusters.get(MEMBER + mentionId);
            }

            @Override
            public String truceDate(String incidentId) {
                Incident truce = incidents.get(incidentId);
                return truce == null ? null : truce.date();
            }
        };
    }

    private Long fingerprint(String articleId) {
        String hex = index.get(FINGERPRINT + articleId);
        return hex == null ? null : io.incidentstreams.enrich.dedup.SimHash.parse(hex);
    }

    private List<String> members(String cid) {
        String joined = clusters.get(CLUSTER + cid);
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }

    private void scan(String from, String to, Consumer<String> out) {
        try (KeyValueIterator<String, String> it = index.range(from, to)) {
            it.forEachRemaining(kv -> out.accept(kv.value));
        }
    }

    private void prefix(String prefix, Consumer<String> out) {
        try (KeyValueIterator<String, String> it = index.prefixScan(prefix, KEYS)) {
            it.forEachRemaining(kv -> out.accept(kv.value));
        }
    }

}
