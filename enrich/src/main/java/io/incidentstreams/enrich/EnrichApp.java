package io.incidentstreams.enrich;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.link.Linker;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.topics.TopicAdmin;
import io.incidentstreams.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the enrich topology: checks the broker, creates missing topics, logs the topology (at debug) and starts Kafka
 * Streams with exactly-once v2. A record that fails to deserialise or to process goes to the dead-letter topic
 * with the error in its headers, and processing goes on.
 */
public final class EnrichApp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EnrichApp.class);

    /** Default {@code commit.interval.ms}; see {@link #streamsProperties}. */
    static final long COMMIT_INTERVAL_MS = 30;
    private final PipelineConfig config;
    private final Topics topics;
    private final Topology topology;
    private final AtomicReference<Throwable> fatal = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private KafkaStreams streams;

    /**
     * @param extractor    article to incident mentions
     * @param rulesVersion version of the extraction rules: an article is extracted again when it changes
     */
    public EnrichApp(PipelineConfig config, Function<Article, List<IncidentMention>> extractor, String rulesVersion) {
        this.config = config;
        this.topics = config.topics();
        this.topology = IncidentTopology.build(topics, extractor, rulesVersion,
                new Linker(Linker.DEFAULT_TRUCE_WINDOW_DAYS),
                Duration.ofMillis(config.getLong(PipelineConfig.DEDUP_RETENTION_MS)));
    }

    /** Streams settings: every client property given, then the project's defaults where none was given. */
    public static Properties streamsProperties(PipelineConfig config) {
        Properties props = config.clientProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(PipelineConfig.APPLICATION_ID));
        props.put(StreamsConfig.STATE_DIR_CONFIG, config.getString(PipelineConfig.STATE_DIR));
        props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueExceptionHandler.class.getName());
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                LogAndContinueProcessingExceptionHandler.class.getName());
        props.putIfAbsent(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().deadLetters.name());
        // No global stores today; enabling it keeps the handler's behaviour the same when one is added.
        props.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        short rf = config.getShort(PipelineConfig.TOPIC_REPLICATION_FACTOR);
        props.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) rf);
        // Latency. An article crosses two exactly-once commits (raw -> repartition, repartition -> incidents) and
        // each hop is visible downstream only once its transaction commits: up to twice the commit interval.
        // Measured with `incidents bench` (docs/benchmarks.md): at 100 ms (the EOS default) p50 ~175 ms and p99
        // over 250 ms in half the runs; at 30 ms p50 ~70 ms, p99 ~110-200 ms, for ~10% more CPU per article.
        // Without transactions (at_least_once) output is visible at once, and Streams' own default stays.
        if (StreamsConfig.EXACTLY_ONCE_V2.equals(props.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG).toString())) {
            props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        }
        return props;
    }

    public Topology topology() {
        return topology;
    }

    /** Checks the broker and the topics, then starts processing. Fails within the startup timeout. */
    public void start() {
        Duration timeout = config.startupTimeout();
        Properties adminProps = config.clientProperties();
        try (Admin admin = Admin.create(adminProps)) {
            awaitBroker(admin, config.bootstrapServers(), timeout);
            refuseRetiredState(admin, config.getString(PipelineConfig.APPLICATION_ID), timeout);
            new TopicAdmin(admin, timeout).ensure(topics.all(), config.getInt(PipelineConfig.TOPIC_PARTITIONS),
                    config.getShort(PipelineConfig.TOPIC_REPLICATION_FACTOR));
        }
        log.debug("enrich topology:\n{}", topology.describe());
        streams = new KafkaStreams(topology, streamsProperties(config));
        streams.setUncaughtExceptionHandler(e -> {
            log.error("enrich stopped on an unrecoverable error", e);
            fatal.compareAndSet(null, e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> {
            log.info("enrich state {} -> {}", before, now);
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        streams.start();
    }

    /**
     * Fails when the application has internal topics of an earlier version ({@link StoreNames#RETIRED}): their
     * state is in a format this version does not read, and starting beside it would lose it.
     */
    static void refuseRetiredState(Admin admin, String applicationId, Duration timeout) {
        Set<String> existing;
        try {
            existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("cannot list the topics of " + applicationId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing the topics of " + applicationId, e);
        }
        List<String> retired = StoreNames.retiredTopics(applicationId).stream().filter(existing::contains).toList();
        if (!retired.isEmpty()) {
            throw new IllegalStateException("application " + applicationId + " has state of an earlier enrich version ("
                    + String.join(", ", retired) + "), in a format this version does not read: stop enrich and run"
                    + " `incidents replay` once to rebuild it from raw-articles, or use a new application id");
        }
    }

    /** Fails fast, with the servers named, when no broker answers in time. */
    public static void awaitBroker(Admin admin, String servers, Duration timeout) {
        try {
            admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException("cannot reach Kafka at " + servers + " within "
                    + timeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to Kafka at " + servers, e);
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** The error that stopped the app, if any. */
    public Throwable fatalError() {
        return fatal.get();
    }

    /** Blocks until the app stops (Ctrl-C or a fatal error). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        if (streams != null) {
            // Leave the group at once, so a replay or another instance need not wait for the session timeout.
            streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(30)));
        }
        stopped.countDown();
    }
}
