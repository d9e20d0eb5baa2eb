package io.incidentstreams.sink.http;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.model.Incident;
import io.incidentstreams.topics.SchemaVersion;
import io.incidentstreams.topics.Topic;
import io.incidentstreams.topics.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A materialised view of the compacted incidents topic: one consumer thread reads every partition from the
 * beginning (read_committed, no consumer group, nothing committed) and keeps reading, feeding an
 * {@link IncidentIndex}. Each server builds its own complete view on start, so any number of servers can run
 * side by side.
 *
 * <p>A record whose schema version header names a major version this code does not know, or whose value is not
 * an incident, is skipped, logged and counted: one bad record does not stop the view.
 */
public final class IncidentView implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(IncidentView.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration LAG_REFRESH = Duration.ofSeconds(2);

    /** Where the view stands. */
    public enum State { STARTING, WAITING_FOR_TOPIC, LOADING, LIVE, FAILED, CLOSED }

    private final PipelineConfig config;
    private final Topic<String, Incident> topic;
    private final IncidentIndex index;
    private final Thread thread;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Map<Integer, Long> lag = new ConcurrentHashMap<>();
    private final Map<Integer, Long> consumed = new ConcurrentHashMap<>();
    private final Map<Integer, Long> ends = new ConcurrentHashMap<>();
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile State state = State.STARTING;
    private volatile Throwable failure;
    private volatile Instant lastRecordAt;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean closed;
    private MeterRegistry clientMetricsRegistry;
    private KafkaClientMetrics clientMetrics;

    public IncidentView(PipelineConfig config, IncidentIndex index) {
        this.config = config;
        this.topic = config.topics().incidents;
        this.index = index;
        this.thread = new Thread(this::run, "incident-view");
        this.thread.setDaemon(true);
    }

    public IncidentView start() {
        thread.start();
        return this;
    }

    /** Waits until the view has read the topic to the end it had when the view started. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public IncidentIndex index() {
        return index;
    }

    public State state() {
        return state;
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    public Throwable failure() {
        return failure;
    }

    /**
     * The consumer's position on each partition: past every record the view has applied and past the transaction
     * markers after them, so it reaches the topic's end offsets (the index's position stops at the last record).
     */
    public Map<Integer, Long> consumedUpTo() {
        return new TreeMap<>(consumed);
    }

    /**
     * The end offset the view last learnt for each partition of the topic (never less than its own position), or an
     * empty map until it has found the topic. A stream position past these is not one the topic has reached.
     */
    public Map<Integer, Long> knownEnds() {
        return new TreeMap<>(ends);
    }

    /** Figures for /metrics: state, records read and skipped, lag per partition and in total. */
    public Map<String, Object> metrics() {
        Map<String, Object> m = new TreeMap<>();
        m.put("topic", topic.name());
        m.put("state", state.name());
        m.put("caughtUp", isCaughtUp());
        m.put("recordsRead", records.get());
        m.put("recordsSkipped", skipped.get());
        m.put("lag", new TreeMap<>(lag));
        m.put("lagTotal", lag.values().stream().mapToLong(Long::longValue).sum());
        m.put("position", index.position().toString());
        m.put("consumedUpTo", consumedUpTo());
        m.put("lastRecordAt", lastRecordAt == null ? null : lastRecordAt.toString());
        if (failure != null) {
            m.put("error", String.valueOf(failure.getMessage()));
        }
        return m;
    }

    /**
     * Publishes the Kafka client metrics of the view's consumer ({@code kafka.consumer.*}) to {@code registry}, now
     * if the consumer exists, else as soon as it does; they are removed when the view closes.
     */
    public synchronized void bindClientMetrics(MeterRegistry registry) {
        clientMetricsRegistry = registry;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null && clientMetrics == null && !closed) {
            clientMetrics = new KafkaClientMetrics(c);
            clientMetrics.bindTo(registry);
        }
    }

    private synchronized void unbindClientMetrics() {
        if (clientMetrics != null) {
            clientMetrics.close();
            clientMetrics = null;
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> c = newConsumer()) {
            consumer = c;
            synchronized (this) {
                if (clientMetricsRegistry != null) {
                    bindClientMetrics(clientMetricsRegistry);
                }
            }
            if (closed) {
                return;
            }
            List<TopicPartition> partitions = awaitPartitions(c);
            if (partitions == null) {
                return;
            }
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> initialEnd = c.endOffsets(partitions);
            initialEnd.forEach((tp, end) -> ends.merge(tp.partition(), end, Math::max));
            state = State.LOADING;
            long lagCheckedAt = 0;
            while (!closed) {
                for (ConsumerRecord<String, byte[]> r : c.poll(POLL)) {
                    apply(r);
                }
                for (TopicPartition tp : partitions) {
                    long position = c.position(tp);
                    consumed.put(tp.partition(), position);
                    ends.merge(tp.partition(), position, Math::max);
                }
                if (System.nanoTime() - lagCheckedAt > LAG_REFRESH.toNanos() || !isCaughtUp()) {
                    refreshLag(c, partitions);
                    lagCheckedAt = System.nanoTime();
                }
                if (!isCaughtUp() && partitions.stream().allMatch(tp -> c.position(tp) >= initialEnd.get(tp))) {
                    state = State.LIVE;
                    caughtUp.countDown();
                    log.info("incident view caught up with {} at {}: {}", topic.name(), index.position(), index.counts());
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                fail(e);
            }
        } catch (RuntimeException e) {
            fail(e);
        } finally {
            if (closed) {
                state = State.CLOSED;
            }
        }
    }

    private void fail(Throwable e) {
        failure = e;
        state = State.FAILED;
        log.error("incident view stopped: {}", e.getMessage(), e);
    }

    private List<TopicPartition> awaitPartitions(KafkaConsumer<String, byte[]> c) {
        state = State.WAITING_FOR_TOPIC;
        boolean told = false;
        while (!closed) {
            List<org.apache.kafka.common.PartitionInfo> infos;
            try {
                infos = c.partitionsFor(topic.name(), config.startupTimeout());
            } catch (org.apache.kafka.common.errors.TimeoutException e) {
                infos = null;
            }
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(topic.name(), p.partition())).sorted(
                        java.util.Comparator.comparingInt(TopicPartition::partition)).toList();
            }
            if (!told) {
                log.info("waiting for topic {} to exist (has enrich run?)", topic.name());
                told = true;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        records.incrementAndGet();
        lastRecordAt = Instant.ofEpochMilli(r.timestamp());
        String version = SchemaVersion.of(r.headers());
        if (version != null && !major(version).equals(major(SchemaVersion.INCIDENT))) {
            skip(r, "schema version " + version + " is not supported (this server reads " + SchemaVersion.INCIDENT + ")");
            return;
        }
        if (r.key() == null) {
            skip(r, "no key");
            return;
        }
        Incident incident;
        try {
            incident = Topics.INCIDENT_SERDE.fromBytes(r.value());
        } catch (SerializationException e) {
            skip(r, e.getMessage());
            return;
        }
        index.apply(r.key(), incident, r.partition(), r.offset());
    }

    private static String major(String version) {
        int dot = version.indexOf('.');
        return (dot < 0 ? version : version.substring(0, dot)).trim();
    }

    private void skip(ConsumerRecord<String, byte[]> r, String reason) {
        skipped.incrementAndGet();
        log.warn("skipped {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), reason);
    }

    private void refreshLag(KafkaConsumer<String, byte[]> c, List<TopicPartition> partitions) {
        boolean unknown = false;
        for (TopicPartition tp : partitions) {
            OptionalLong l = c.currentLag(tp);
            if (l.isPresent()) {
                lag.put(tp.partition(), l.getAsLong());
                ends.merge(tp.partition(), c.position(tp) + l.getAsLong(), Math::max);
            } else {
                unknown = true;
            }
        }
        if (unknown) {
            c.endOffsets(partitions, config.startupTimeout())
                    .forEach((tp, end) -> {
                        lag.put(tp.partition(), Math.max(0, end - c.position(tp)));
                        ends.merge(tp.partition(), end, Math::max);
                    });
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        Properties props = config.clientProperties();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase());
        // Never create the topic: enrich creates it with its declared configs.
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "incidents-serve-view");
        props.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(config.startupTimeout().toMillis()));
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    @Override
    public void close() {
        closed = true;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        unbindClientMetrics();
        state = State.CLOSED;
    }
}
