package io.incidentstreams.sink;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.topics.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Reads the compacted incidents topic from the beginning to its current end and returns the live incidents:
 * the latest value of each id, with tombstoned ids removed. Reads committed data only, since enrich writes
 * transactionally. No consumer group is used, so a snapshot commits nothing and disturbs no one.
 */
public final class IncidentSnapshot {
    /** Order of a snapshot: by date (undated last), then id. Deterministic, so two snapshots compare byte for byte. */
    public static final Comparator<Incident> ORDER = Comparator
            .comparing((Incident i) -> i.date() == null ? "~" : i.date())
            .thenComparing(Incident::id);

    private IncidentSnapshot() {
    }

    public static List<Incident> read(PipelineConfig config, Duration timeout) {
        return read(config, config.topics().incidents, timeout, n -> { });
    }

    public static List<Incident> read(PipelineConfig config, Topic<String, Incident> topic, Duration timeout,
                                      Consumer<Long> progress) {
        return readFrom(config, topic, null, timeout, progress);
    }

    /** The current end offset of each partition: a mark to read changes from later with {@link #readFrom}. */
    public static Map<TopicPartition, Long> endOffsets(PipelineConfig config, Duration timeout) {
        Topic<String, Incident> topic = config.topics().incidents;
        try (KafkaConsumer<String, Incident> consumer = consumer(config, topic)) {
            return consumer.endOffsets(partitions(consumer, topic.name(), timeout), timeout);
        }
    }

    /**
     * The incidents live among the records written after {@code from} (the beginning when null): ids upserted
     * since, minus ids tombstoned since.
     */
    public static List<Incident> readFrom(PipelineConfig config, Topic<String, Incident> topic,
                                          Map<TopicPartition, Long> from, Duration timeout, Consumer<Long> progress) {
        List<Incident> out = new ArrayList<>(live(config, topic, from, timeout, progress).values());
        out.sort(ORDER);
        return out;
    }

    /**
     * The reports waiting on the unresolved-mentions topic for an incident to join (see {@code docs/schema.md}), by
     * mention id.
     */
    public static List<IncidentMention> unresolved(PipelineConfig config, Duration timeout) {
        List<IncidentMention> out = new ArrayList<>(
                live(config, config.topics().unresolvedMentions, null, timeout, n -> { }).values());
        out.sort(Comparator.comparing(IncidentMention::mentionId));
        return out;
    }

    /** The latest value of each key of a compacted topic, tombstoned keys removed, read to the current end. */
    static <V> Map<String, V> live(PipelineConfig config, Topic<String, V> topic, Map<TopicPartition, Long> from,
                                   Duration timeout, Consumer<Long> progress) {
        Map<String, V> live = new HashMap<>();
        try (KafkaConsumer<String, V> consumer = consumer(config, topic)) {
            List<TopicPartition> partitions = partitions(consumer, topic.name(), timeout);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            if (from != null) {
                from.forEach((tp, offset) -> {
                    if (partitions.contains(tp)) {
                        consumer.seek(tp, offset);
                    }
                });
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            long read = 0;
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("snapshot of " + topic.name() + " did not reach the end within " + timeout);
                }
                for (ConsumerRecord<String, V> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.value() == null) {
                        live.remove(r.key());
                    } else {
                        live.put(r.key(), r.value());
                    }
                    read++;
                }
                progress.accept(read);
            }
        }
        return live;
    }

    static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic, Duration timeout) {
        var infos = consumer.partitionsFor(topic, timeout);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist: has enrich run?");
        }
        return infos.stream().map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (var e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    static <V> KafkaConsumer<String, V> consumer(PipelineConfig config, Topic<String, V> topic) {
        Properties props = config.clientProperties();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase());
        props.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                String.valueOf(config.startupTimeout().toMillis()));
        return new KafkaConsumer<>(props, topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }
}
