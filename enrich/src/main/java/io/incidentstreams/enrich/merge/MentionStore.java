package io.incidentstreams.enrich.merge;

import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.serde.JsonSerde;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The merge step's mentions (mention id to mention JSON), each read into an object at most once per input record.
 *
 * <p>Recomputing an incident reads the same mentions many times over: as candidates, members, siblings and
 * dependents. Reading a mention back from JSON was the largest single cost of the merge step, so the store holds
 * the JSON bytes and this class keeps the mentions read during the current record. {@link #nextRecord()} empties
 * it: a mention is never taken from an earlier record, so state restored or rolled back under exactly-once is
 * always read afresh. Every write of the store goes through here and updates the memo with it.
 */
final class MentionStore {
    private static final JsonSerde<IncidentMention> JSON = MergeProcessor.MENTION_SERDE;
    private static final StringSerializer KEYS = new StringSerializer();

    private final KeyValueStore<String, byte[]> store;
    /** Mentions read or written during this record; a null value is a mention known to be absent. */
    private final Map<String, IncidentMention> read = new HashMap<>();

    MentionStore(KeyValueStore<String, byte[]> store) {
        this.store = store;
    }

    /** Forgets what was read: called at the start of each input record. */
    void nextRecord() {
        read.clear();
    }

    IncidentMention get(String mentionId) {
        if (read.containsKey(mentionId)) {
            return read.get(mentionId);
        }
        IncidentMention m = JSON.fromBytes(store.get(mentionId));
        read.put(mentionId, m);
        return m;
    }

    void put(String mentionId, IncidentMention m) {
        store.put(mentionId, JSON.toBytes(m));
        read.put(mentionId, m);
    }

    void delete(String mentionId) {
        store.delete(mentionId);
        read.put(mentionId, null);
    }

    /** The mentions whose id starts with {@code prefix}, in key order. */
    List<KeyValue<String, IncidentMention>> withPrefix(String prefix) {
        List<KeyValue<String, IncidentMention>> out = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = store.prefixScan(prefix, KEYS)) {
            while (it.hasNext()) {
                KeyValue<String, byte[]> kv = it.next();
                IncidentMention m = read.containsKey(kv.key) ? read.get(kv.key) : JSON.fromBytes(kv.value);
                read.put(kv.key, m);
                out.add(KeyValue.pair(kv.key, m));
            }
        }
        return out;
    }
}
