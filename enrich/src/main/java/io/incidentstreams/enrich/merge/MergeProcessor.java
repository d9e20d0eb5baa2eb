package io.incidentstreams.enrich.merge;

import io.incidentstreams.enrich.ExtractProcessor;
import io.incidentstreams.enrich.RegionKeyer;
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
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
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
 * <p>Input: key region, value {@link IncidentMention}, or null with the mention id in header
 * {@value ExtractProcessor#WITHDRAWN_HEADER} when an edited article no longer reports it. Output: key incident id,
 * value {@link Incident}, or null (a tombstone) for an id that was merged into another or no longer reported.
 *
 * <p>An incident is a connected component of the "same event" graph of {@link MentionMatcher}, named after its
 * smallest mention id. Candidates are found by range scans over a date window or by a named site, never by
 * scanning all incidents. Because the match is a pure function of two mentions and every field is assembled
 * from the set of members, the published state does not depend on arrival order.
 */
public final class MergeProcessor implements Processor<String, IncidentMention, String, MergeOutput> {
    public static final JsonSerde<IncidentMention> MENTION_SERDE = Topics.MENTION_SERDE;
    private static final StringSerializer KEYS = new StringSerializer();
    private static final String MEMBER = "m|";
    private static final String CLUSTER = "c|";
    /** {@code f|<articleId>}: the article's SimHash, in the index store. */
    private static final String FINGERPRINT = "f|";
    /** A vague report with more dated candidates than this has no single one: its scan stops there. */
    static final int MAX_ATTACH_SCAN = 64;

    private final Linker linker;
    private ProcessorContext<String, MergeOutput> context;
    private MentionStore mentions;
    private KeyValueStore<String, String> index;
    private KeyValueStore<String, String> clusters;
    /** Incident id to {@link PublishedIncident#encode()}. */
    private KeyValueStore<String, String> incidents;
    /** Mention ids now on the unresolved-mentions topic. */
    private KeyValueStore<String, String> waiting;

    public MergeProcessor(Linker linker) {
        this.linker = linker;
    }

    /** The processor with the stores it owns, for {@code KStream#process}. */
    public static ProcessorSupplier<String, IncidentMention, String, MergeOutput> supplier(Linker linker) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, IncidentMention, String, MergeOutput> get() {
                return new MergeProcessor(linker);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        // Mention JSON, read through MentionStore.
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.MENTIONS),
                                Serdes.String(), Serdes.ByteArray()),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.MERGE_INDEX),
                                Serdes.String(), Serdes.String()),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.CLUSTERS),
                                Serdes.String(), Serdes.String()),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.INCIDENTS),
                                Serdes.String(), Serdes.String()),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.WAITING),
                                Serdes.String(), Serdes.String()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, MergeOutput> context) {
        this.context = context;
        this.mentions = new MentionStore(context.getStateStore(StoreNames.MENTIONS));
        this.index = context.getStateStore(StoreNames.MERGE_INDEX);
        this.clusters = context.getStateStore(StoreNames.CLUSTERS);
        this.incidents = context.getStateStore(StoreNames.INCIDENTS);
        this.waiting = context.getStateStore(StoreNames.WAITING);
    }

    @Override
    public void process(Record<String, IncidentMention> record) {
        mentions.nextRecord();
        String region = record.key();
        IncidentMention m = record.value();
        if (m == null) {
            Header withdrawn = record.headers().lastHeader(ExtractProcessor.WITHDRAWN_HEADER);
            if (withdrawn == null) {
                throw new IllegalArgumentException("a mention record without a value or a withdrawal header");
            }
            withdraw(region, new String(withdrawn.value(), StandardCharsets.UTF_8), record);
            return;
        }
        if (m.mentionId() == null) {
            throw new IllegalArgumentException("a mention record without a mention id");
        }
        IncidentMention old = mentions.get(m.mentionId());
        if (m.equals(old)) {
            return;
        }
        Set<String> seeds = new TreeSet<>();
        seeds.add(m.mentionId());
        Set<String> dirty = new TreeSet<>();
        // An edit that keeps an entry as it was writes nothing for it: no delete and put of the same entry.
        Map<String, String> oldEntries = old == null ? Map.of() : MergeIndex.entries(region, old);
        Map<String, String> newEntries = MergeIndex.entries(region, m);
        if (old != null) {
            oldEntries.keySet().stream().filter(k -> !newEntries.containsKey(k)).forEach(index::delete);
            String oldCluster = clusters.get(MEMBER + m.mentionId());
            if (oldCluster != null) {
                dirty.add(oldCluster);
                seeds.addAll(members(oldCluster));
            }
            affectedVague(region, old, seeds::add);
        }
        Header fingerprint = record.headers().lastHeader(ExtractProcessor.FINGERPRINT_HEADER);
        if (fingerprint != null) {
            // Every mention of an article carries its fingerprint; the first one stores it.
            String hex = new String(fingerprint.value(), StandardCharsets.UTF_8);
            if (!hex.equals(index.get(FINGERPRINT + m.articleId()))) {
                index.put(FINGERPRINT + m.articleId(), hex);
            }
        }
        mentions.put(m.mentionId(), m);
        newEntries.forEach((k, v) -> {
            if (!v.equals(oldEntries.get(k))) {
                index.put(k, v);
            }
        });
        affectedVague(region, m, seeds::add);
        publish(region, recompute(region, m.mentionId(), old == null, seeds, dirty), Set.of(), record);
    }

    /** An edited article no longer reports this mention here: it leaves its incident, which may split or go. */
    private void withdraw(String region, String mentionId, Record<String, IncidentMention> record) {
        IncidentMention old = mentions.get(mentionId);
        if (old == null) {
            return;
        }
        String before = clusters.get(MEMBER + mentionId);
        Set<String> linkedHere = new TreeSet<>();
        if (before != null) {
            collectDependents(region, before, linkedHere::add);
        }
        MergeIndex.keys(region, old).forEach(index::delete);
        mentions.delete(mentionId);
        stopWaiting(mentionId, record);
        String oldCluster = clusters.get(MEMBER + mentionId);
        clusters.delete(MEMBER + mentionId);
        Set<String> seeds = new TreeSet<>();
        Set<String> dirty = new TreeSet<>();
        if (oldCluster != null) {
            dirty.add(oldCluster);
            seeds.addAll(members(oldCluster));
            seeds.remove(mentionId);
        }
        affectedVague(region, old, seeds::add);
        Set<String> gone = oldCluster == null ? Set.of() : Set.of(oldCluster);
        publish(region, recompute(region, mentionId, false, seeds, dirty), gone, record);
        // Incidents that linked to the one it left may have lost their target.
        linkedHere.forEach(cid -> emit(region, cid, record));
    }

    /**
     * Vague reports whose attachment a change to {@code m} may alter: those at its site or aimed at a person it
     * names, the vague truces of the region when it is a truce, and the vague reports of its own article (their
     * window depends on it).
     */
    private void affectedVague(String region, IncidentMention m, Consumer<String> out) {
        String site = MergeIndex.site(m.location());
        if (site != null) {
            prefix(MergeIndex.sitePrefix("u", region, site), out);
        }
        if (m.persons() != null && !MentionMatcher.vague(m)) {
            m.persons().forEach(person -> prefix(MergeIndex.personPrefix("v", region, person), out));
        }
        if (m.type() == IncidentType.TRUCE) {
            prefix(MergeIndex.vagueTrucePrefix(region), out);
        }
        siblingsOf(region, m.mentionId()).stream().filter(MentionMatcher::vague).map(IncidentMention::mentionId).forEach(out);
    }

    /**
     * The incidents around the seeds, recomputed. Located dated reports form connected components of the
     * {@link MentionMatcher#matches} graph; each weak report (no place, or a country) and each vague one joins the
     * incident of its candidates when they all lie in one and agree with all its members, and stays alone
     * otherwise; weak reports that match no located one form groups of their own. Neither thus joins two
     * components, so a cluster is always one located component plus the reports attached to it, or one weak group. That invariant lets a clean
     * cluster stand for its component without a traversal; only clusters the change touched ({@code dirty}) are
     * traversed again.
     *
     * @param added true when {@code changed} is a new report: adding a report can only join components
     */
    private Map<String, Set<String>> recompute(String region, String changed, boolean added, Set<String> seeds,
                                               Set<String> dirty) {
        Map<String, Set<String>> componentOf = new HashMap<>();
        List<Set<String>> components = new ArrayList<>();
        Map<String, List<String>> candidatesOf = new TreeMap<>();
        List<Set<String>> groups = new ArrayList<>();
        Map<String, Set<String>> grouped = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(seeds);
        while (!pending.isEmpty()) {
            String id = pending.poll();
            if (!seen.add(id)) {
                continue;
            }
            IncidentMention x = mentions.get(id);
            if (x == null) {
                continue;
            }
            String cluster = clusters.get(MEMBER + id);
            if (cluster != null) {
                pending.addAll(members(cluster));
            }
            if (MentionMatcher.vague(x)) {
                List<String> candidates = attachCandidates(region, x);
                candidatesOf.put(id, candidates);
                pending.addAll(candidates);
            } else if (MentionMatcher.weak(x)) {
                List<String> candidates = anchoredMatches(region, x);
                candidatesOf.put(id, candidates);
                pending.addAll(candidates);
                if (candidates.isEmpty() && !grouped.containsKey(id)) {
                    // It fits no located report: it merges with the weak reports connected to it that fit none.
                    Set<String> group = weakGroup(region, id);
                    groups.add(group);
                    group.forEach(g -> grouped.put(g, group));
                    pending.addAll(group);
                }
            } else if (!componentOf.containsKey(id)) {
                Set<String> component;
                if (id.equals(changed) && added) {
                    component = grownComponent(region, x, pending::add);
                } else if (cluster == null || dirty.contains(cluster)) {
                    component = traversedComponent(region, x, pending::add);
                } else {
                    component = new TreeSet<>();
                    for (String mid : members(cluster)) {
                        IncidentMention y = mentions.get(mid);
                        if (y != null && MentionMatcher.anchored(y)) {
                            component.add(mid);
                        }
                    }
                }
                components.add(component);
                component.forEach(c -> componentOf.put(c, component));
                pending.addAll(component);
                if (restructured(component)) {
                    // Components joined or split: a vague report they left ambiguous may now have one candidate.
                    component.forEach(c -> affectedVague(region, mentions.get(c), pending::add));
                }
            }
        }
        // Each report's incident, as the set of its members: located components first, then weak groups and
        // the weak reports that fit one component, then vague reports, each checked against the whole incident.
        Map<String, Set<String>> finalOf = new HashMap<>();
        List<Set<String>> incidents = new ArrayList<>();
        for (Set<String> c : components) {
            Set<String> members = new TreeSet<>(c);
            incidents.add(members);
            c.forEach(id -> finalOf.put(id, members));
        }
        for (Set<String> group : groups) {
            Set<String> members = new TreeSet<>(group);
            incidents.add(members);
            group.forEach(id -> finalOf.put(id, members));
        }
        for (boolean weakPass : new boolean[] {true, false}) {
            candidatesOf.forEach((v, candidates) -> {
                IncidentMention vm = mentions.get(v);
                if (finalOf.containsKey(v) || MentionMatcher.weak(vm) != weakPass) {
                    return;
                }
                Set<Set<String>> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
                candidates.forEach(c -> distinct.add(finalOf.get(c)));
                distinct.remove(null);
                // An incident must agree as a whole: "nobody hurt" cannot join an attack others put at five.
                distinct.removeIf(members -> members.stream().map(mentions::get)
                        .anyMatch(y -> y != null && !MentionMatcher.consistent(vm, y)));
                Set<String> into;
                if (distinct.size() == 1) {
                    into = distinct.iterator().next();
                } else {
                    into = new TreeSet<>();
                    incidents.add(into);
                }
                into.add(v);
                finalOf.put(v, into);
            });
        }
        Map<String, Set<String>> out = new TreeMap<>();
        incidents.forEach(c -> out.put(IncidentIds.forCluster(c), c));
        return out;
    }

    /**
     * A new located report: its component is the union of the clusters it matches into, vague and weak members
     * aside. Weak reports it matches go to {@code weakSeen}: where they belong may have changed.
     */
    private Set<String> grownComponent(String region, IncidentMention m, Consumer<String> weakSeen) {
        Set<String> component = new TreeSet<>();
        component.add(m.mentionId());
        Set<String> joined = new TreeSet<>();
        for (IncidentMention n : candidates(region, m)) {
            if (MentionMatcher.matches(m, n)) {
                if (MentionMatcher.weak(n)) {
                    weakSeen.accept(n.mentionId());
                    continue;
                }
                String cid = clusters.get(MEMBER + n.mentionId());
                if (cid == null) {
                    component.add(n.mentionId());
                } else if (joined.add(cid)) {
                    for (String mid : members(cid)) {
                        IncidentMention y = mentions.get(mid);
                        if (y != null && MentionMatcher.anchored(y)) {
                            component.add(mid);
                        }
                    }
                }
            }
        }
        return component;
    }

    /** The connected component of a located report, by traversal of the match graph among located reports. */
    private Set<String> traversedComponent(String region, IncidentMention start, Consumer<String> weakSeen) {
        Set<String> component = new TreeSet<>();
        Deque<IncidentMention> queue = new ArrayDeque<>(List.of(start));
        component.add(start.mentionId());
        while (!queue.isEmpty()) {
            IncidentMention x = queue.poll();
            for (IncidentMention n : candidates(region, x)) {
                if (!component.contains(n.mentionId()) && MentionMatcher.matches(x, n)) {
                    if (MentionMatcher.weak(n)) {
                        weakSeen.accept(n.mentionId());
                        continue;
                    }
                    component.add(n.mentionId());
                    queue.add(n);
                }
            }
        }
        return component;
    }

    /** The located reports a weak one matches. */
    private List<String> anchoredMatches(String region, IncidentMention w) {
        List<String> out = new ArrayList<>();
        for (IncidentMention n : candidates(region, w)) {
            if (MentionMatcher.anchored(n) && MentionMatcher.matches(w, n)) {
                out.add(n.mentionId());
            }
        }
        return out;
    }

    /**
     * The weak reports connected to {@code start} by matches among weak reports that match no located one: they
     * are one incident that nobody has placed more precisely yet.
     */
    private Set<String> weakGroup(String region, String start) {
        Set<String> group = new TreeSet<>();
        group.add(start);
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            IncidentMention x = mentions.get(queue.poll());
            for (IncidentMention n : candidates(region, x)) {
                if (!group.contains(n.mentionId()) && MentionMatcher.weak(n) && MentionMatcher.matches(x, n)
                        && anchoredMatches(region, n).isEmpty()) {
                    group.add(n.mentionId());
                    queue.add(n.mentionId());
                }
            }
        }
        return group;
    }

    /** True when a component's dated members came from several clusters, or not from the whole of one. */
    private boolean restructured(Set<String> component) {
        Set<String> from = new TreeSet<>();
        component.forEach(c -> {
            String cid = clusters.get(MEMBER + c);
            if (cid != null) {
                from.add(cid);
            }
        });
        if (from.size() != 1) {
            return from.size() > 1;
        }
        for (String mid : members(from.iterator().next())) {
            IncidentMention y = mentions.get(mid);
            if (y != null && MentionMatcher.anchored(y) && !component.contains(mid)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Dated reports a vague one may belong to: for a truce among the region's truces, else at its named site, or,
     * with no site, among the reports aimed at a person it names.
     * Reports sharing its death toll are preferred. Too many candidates means no single one: the scan stops.
     */
    private List<String> attachCandidates(String region, IncidentMention v) {
        MentionMatcher.Window window = MentionMatcher.Window.of(v, siblingsOf(region, v.mentionId()));
        String site = MergeIndex.site(v.location());
        List<String> ids = new ArrayList<>();
        if (v.type() == IncidentType.TRUCE) {
            // A truce's place is where it was announced or the country: its parties tell truces apart, not its site.
            String from = MergeIndex.from("t", region,
                    window.notBefore() == null ? "0000" : window.notBefore().getYear() + "-00-00");
            String to = window.notAfter() == null ? MergeIndex.from("t", region, MergeIndex.END)
                    : MergeIndex.to("t", region, window.notAfter());
            scan(from, to, ids::add, MAX_ATTACH_SCAN);
        } else if (site != null) {
            prefix(MergeIndex.sitePrefix("p", region, site), ids::add, MAX_ATTACH_SCAN);
        } else if (v.persons() != null) {
            for (String person : v.persons()) {
                prefix(MergeIndex.personPrefix("n", region, person), ids::add, MAX_ATTACH_SCAN - ids.size());
            }
        }
        if (ids.size() >= MAX_ATTACH_SCAN) {
            return List.of();
        }
        List<IncidentMention> fit = new ArrayList<>();
        for (String id : ids) {
            IncidentMention d = mentions.get(id);
            if (d != null && MentionMatcher.attachable(v, d, window)) {
                fit.add(d);
            }
        }
        List<IncidentMention> sameToll = fit.stream().filter(d -> MentionMatcher.sameToll(v, d)).toList();
        return (sameToll.isEmpty() ? fit : sameToll).stream().map(IncidentMention::mentionId).toList();
    }

    /**
     * The other reports of the article a mention came from, in this region only. The task's store may also hold
     * reports of other regions that share its partition; they are left out, so that links and windows do not
     * depend on how many partitions there are.
     */
    private List<IncidentMention> siblingsOf(String region, String mentionId) {
        List<IncidentMention> out = new ArrayList<>();
        IncidentMention self = mentions.get(mentionId);
        for (KeyValue<String, IncidentMention> kv : mentions.withPrefix(IncidentIds.articleOf(mentionId) + "#")) {
            if (!kv.key.equals(mentionId) && inRegion(region, kv.value, self)) {
                out.add(kv.value);
            }
        }
        return out;
    }

    /**
     * Whether a stored report was keyed to {@code region}: its index entries are under the region, or, when it has
     * none, its country (or the lack of one, which sends it where {@code peer}'s article sends such reports) says so.
     */
    private boolean inRegion(String region, IncidentMention m, IncidentMention peer) {
        List<String> keys = MergeIndex.keys(region, m);
        if (!keys.isEmpty()) {
            return index.get(keys.get(0)) != null;
        }
        String country = RegionKeyer.countryOf(m);
        return country != null ? country.equals(region)
                : peer != null && RegionKeyer.countryOf(peer) == null;
    }

    /**
     * Stores the recomputed clusters, tombstones the ids that no longer name a cluster, and publishes what changed.
     *
     * @param alsoOld cluster ids that were touched although none of their members remains in {@code components}
     */
    private void publish(String region, Map<String, Set<String>> components, Set<String> alsoOld,
                         Record<String, IncidentMention> record) {
        Set<String> oldIds = new TreeSet<>(alsoOld);
        Map<String, String> clusterOf = new HashMap<>();
        for (Set<String> component : components.values()) {
            for (String mid : component) {
                String cid = clusters.get(MEMBER + mid);
                if (cid != null) {
                    oldIds.add(cid);
                    clusterOf.put(mid, cid);
                }
            }
        }
        // Only entries that change are written: under exactly-once every put is a changelog record.
        components.forEach((cid, component) -> {
            component.forEach(mid -> {
                if (!cid.equals(clusterOf.get(mid))) {
                    clusters.put(MEMBER + mid, cid);
                }
            });
            String joined = String.join("\n", component);
            if (!joined.equals(clusters.get(CLUSTER + cid))) {
                clusters.put(CLUSTER + cid, joined);
            }
        });
        Set<String> changed = new TreeSet<>(components.keySet());
        for (String gone : oldIds) {
            if (!components.containsKey(gone)) {
                clusters.delete(CLUSTER + gone);
                retract(gone, record);
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
        if (!publishable(ms)) {
            // Held: no member can stand as an incident of its own. Its reports wait, visible, for one that fits.
            retract(cid, record);
            for (IncidentMention m : all) {
                if (m != null && waiting.get(m.mentionId()) == null) {
                    waiting.put(m.mentionId(), cid);
                    context.forward(new Record<String, MergeOutput>(m.mentionId(), new MergeOutput.WaitingChange(m),
                            record.timestamp(), SchemaVersion.headers(SchemaVersion.MENTION)));
                }
            }
            return;
        }
        memberIds.forEach(id -> stopWaiting(id, record));
        Incident draft = IncidentAssembler.assemble(cid, ms, List.of(), mergedFrom);
        List<Relation> relations = linker.relations(draft, ms, lookup(region));
        Incident incident = draft.withRelations(relations);
        String published = PublishedIncident.of(IncidentJson.serialize(incident), incident.date()).encode();
        if (!published.equals(incidents.get(cid))) {
            incidents.put(cid, published);
            context.forward(new Record<String, MergeOutput>(cid, new MergeOutput.IncidentChange(incident),
                    record.timestamp(), SchemaVersion.headers(SchemaVersion.INCIDENT)));
        }
    }

    /**
     * The publication policy: an incident is published when at least one of its reports could stand alone, that is
     * gives at least a month and names a place or a country. A report with only a year, or with nowhere, would
     * otherwise be published as an incident that nobody can place, and usually duplicates one that is already there.
     */
    static boolean publishable(List<IncidentMention> members) {
        for (IncidentMention m : members) {
            if (m != null && !MentionMatcher.vague(m) && placed(m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean placed(IncidentMention m) {
        return m.location() != null && (m.location().name() != null || m.location().country() != null);
    }

    /** True when the cluster is published (or will be in this pass): links may point only at such incidents. */
    private boolean published(String cid) {
        List<String> memberIds = members(cid);
        List<IncidentMention> ms = new ArrayList<>(memberIds.size());
        memberIds.forEach(id -> ms.add(mentions.get(id)));
        return publishable(ms);
    }

    /** Tombstones a published incident id, if it was published. */
    private void retract(String cid, Record<?, ?> record) {
        if (incidents.delete(cid) != null) {
            context.forward(new Record<String, MergeOutput>(cid, new MergeOutput.IncidentChange(null),
                    record.timestamp(), SchemaVersion.headers(SchemaVersion.INCIDENT)));
        }
    }

    /** Tombstones a waiting report on the unresolved-mentions topic, if it was waiting. */
    private void stopWaiting(String mentionId, Record<?, ?> record) {
        if (waiting.delete(mentionId) != null) {
            context.forward(new Record<String, MergeOutput>(mentionId, new MergeOutput.WaitingChange(null),
                    record.timestamp(), SchemaVersion.headers(SchemaVersion.MENTION)));
        }
    }

    /** Incidents whose links may point at {@code cid}: same-article siblings, and attacks in a truce's window. */
    private void collectDependents(String region, String cid, Consumer<String> out) {
        List<String> memberIds = members(cid);
        boolean truce = false;
        LocalDate truceStart = null;
        LocalDate first = null;
        Set<String> families = new TreeSet<>();
        for (String mid : memberIds) {
            IncidentMention m = mentions.get(mid);
            if (m == null) {
                continue;
            }
            DateRange day = DateRange.of(m.date(), m.datePrecision());
            if (day != null && day.precision() == DatePrecision.DAY && (first == null || day.first().isBefore(first))) {
                first = day.first();
            }
            for (IncidentMention sibling : siblingsOf(region, mid)) {
                String sc = clusters.get(MEMBER + sibling.mentionId());
                if (sc != null && !sc.equals(cid)) {
                    out.accept(sc);
                }
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
        if (first != null) {
            // Later incidents whose retaliation or "follows" cue may now point here.
            scan(MergeIndex.from("q", region, first.toString()),
                    MergeIndex.to("q", region, first.plusDays(Linker.CUE_WINDOW_DAYS)), mid -> {
                        String qc = clusters.get(MEMBER + mid);
                        if (qc != null && !qc.equals(cid)) {
                            out.accept(qc);
                        }
                    }, Integer.MAX_VALUE);
        }
        if (truce && truceStart != null) {
            String from = MergeIndex.from("d", region, truceStart.toString());
            String to = MergeIndex.to("d", region, truceStart.plusDays(linker.truceWindowDays()));
            try (KeyValueIterator<String, String> it = index.range(from, to)) {
                while (it.hasNext()) {
                    IncidentMention v = mentions.get(MatchProfile.mentionIdOf(it.next().value));
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

    /**
     * Dated reports that may match dated {@code m}: a range scan over its date window, never a full scan. Only
     * those whose {@link MatchProfile} leaves a match possible are read.
     */
    private List<IncidentMention> candidates(String region, IncidentMention m) {
        Set<String> ids = new TreeSet<>();
        DateRange r = DateRange.of(m.date(), m.datePrecision());
        if (r == null || r.precision() == DatePrecision.YEAR) {
            return List.of();
        }
        Consumer<String> ifPossible = value -> {
            MatchProfile p = MatchProfile.decode(value);
            if (MentionMatcher.mayMatch(m, p)) {
                ids.add(p.mentionId());
            }
        };
        if (r.precision() == DatePrecision.DAY) {
            LocalDate d = r.first();
            scan(MergeIndex.from("d", region, d.minusDays(MentionMatcher.DAY_TOLERANCE).toString()),
                    MergeIndex.to("d", region, d.plusDays(MentionMatcher.DAY_TOLERANCE)), ifPossible, Integer.MAX_VALUE);
            prefix(MergeIndex.monthPrefix(region, d), ifPossible, Integer.MAX_VALUE);
        } else {
            prefix(MergeIndex.monthAllPrefix(region, r.first()), ifPossible, Integer.MAX_VALUE);
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
                return siblingsOf(region, mentionId);
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
            public List<IncidentMention> datedBetween(LocalDate from, LocalDate to) {
                List<IncidentMention> out = new ArrayList<>();
                scan(MergeIndex.from("d", region, from.toString()), MergeIndex.to("d", region, to), value -> {
                    IncidentMention m = mentions.get(MatchProfile.mentionIdOf(value));
                    if (m != null && m.datePrecision() == DatePrecision.DAY) {
                        out.add(m);
                    }
                }, Integer.MAX_VALUE);
                return out;
            }

            @Override
            public String incidentOf(String mentionId) {
                String cid = clusters.get(MEMBER + mentionId);
                return cid == null || !published(cid) ? null : cid;
            }

            @Override
            public String truceDate(String incidentId) {
                PublishedIncident truce = PublishedIncident.decode(incidents.get(incidentId));
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

    /** Index values in [from, to], at most {@code limit} of them. */
    private void scan(String from, String to, Consumer<String> out, int limit) {
        try (KeyValueIterator<String, String> it = index.range(from, to)) {
            for (int n = 0; n < limit && it.hasNext(); n++) {
                out.accept(it.next().value);
            }
        }
    }

    private void prefix(String prefix, Consumer<String> out) {
        prefix(prefix, out, Integer.MAX_VALUE);
    }

    private void prefix(String prefix, Consumer<String> out, int limit) {
        try (KeyValueIterator<String, String> it = index.prefixScan(prefix, KEYS)) {
            for (int n = 0; n < limit && it.hasNext(); n++) {
                out.accept(it.next().value);
            }
        }
    }

}
