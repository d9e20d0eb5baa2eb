package io.incidentstreams.ingest;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.model.Article;
import io.incidentstreams.topics.SchemaVersion;
import io.incidentstreams.topics.TopicAdmin;
import io.incidentstreams.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to the raw-articles topic (key: article id, value: {@link Article} JSON) and rejections to the
 * dead-letter topic (see {@link DeadLetters}).
 *
 * <p>{@link #open} first makes sure the broker answers within {@code startup.timeout.ms}, so that a wrong address
 * fails in seconds with "cannot reach Kafka at ... within N s" instead of a producer blocking for a minute, then
 * creates missing topics. Both producers are idempotent with {@code acks=all}: a retried send is neither lost nor
 * duplicated. Retriable errors are left to the producer, which retries until {@code delivery.timeout.ms}; a send
 * that still fails stops the run ({@link IngestException}), since going on would lose records silently. The
 * exceptions: an article the broker refuses as too large goes to the dead letters and the run goes on, and an
 * error about the producer's own state is recovered from (below).
 *
 * <p><b>Recovery.</b> When the articles' producer reports an error about its own state rather than about the
 * broker or the record ({@link OutOfOrderSequenceException}, {@link UnknownProducerIdException},
 * {@link InvalidProducerEpochException}, {@link InvalidTxnStateException}, or a producer that can no longer send), a
 * send's outcome is unknown: the article may be on the topic or not. The publisher then closes that producer,
 * opens a new one, and reads the raw topic from where it stood when the run began (the ledger of what this run
 * published): an article whose id is there is counted as published, any other is sent again. So each article is
 * on the topic once. After {@value #MAX_RECOVERIES} recoveries in one run, the next such error stops it.
 *
 * <p>Not thread-safe: one thread publishes, the producers' I/O threads only count acknowledgements.
 */
public final class ArticlePublisher implements ArticleSink, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ArticlePublisher.class);

    /** Room in a request for the JSON escaping of the text, the other fields and the record framing. */
    static final int REQUEST_OVERHEAD_BYTES = 64 * 1024;
    /** Producers replaced in one run, at most. */
    static final int MAX_RECOVERIES = 5;

    private final Topics topics;
    private final int maxArticleBytes;
    private final Duration closeTimeout;
    private final List<String> topicConflicts;
    private final Duration startupTimeout;
    private final Properties clientProperties;
    private final Properties articleProperties;
    private final Function<Properties, Producer<String, Article>> articleProducers;
    /** Where the raw topic ended when the run began: what this run published lies after. */
    private final Map<TopicPartition, Long> startOffsets;
    private Producer<String, Article> articles;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    /** Counts the producers of articles; a callback of an older one is from a producer that was replaced. */
    private volatile int generation;
    private volatile boolean recoveryNeeded;
    private int recoveries;
    /** Articles whose send's outcome is unknown: the next recovery finds out whether they are on the topic. */
    private final ConcurrentLinkedQueue<Article> unknownOutcome = new ConcurrentLinkedQueue<>();

    private final AtomicLong published = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicReference<IngestException> failure = new AtomicReference<>();
    /** Dead letters to send from the publishing thread: callbacks run on I/O threads and must not block. */
    private final ConcurrentLinkedQueue<ReadResult.Rejected> pendingDeadLetters = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ReadResult.Rejected> refused = new ConcurrentLinkedQueue<>();

    private ArticlePublisher(PipelineConfig config, IngestOptions options, List<String> topicConflicts,
                             Map<TopicPartition, Long> startOffsets,
                             Function<Properties, Producer<String, Article>> articleProducers) {
        this.topics = config.topics();
        this.maxArticleBytes = options.maxArticleBytes();
        this.closeTimeout = config.startupTimeout();
        this.startupTimeout = config.startupTimeout();
        this.topicConflicts = List.copyOf(topicConflicts);
        this.clientProperties = config.clientProperties();
        this.startOffsets = Map.copyOf(startOffsets);
        this.articleProducers = articleProducers;
        this.articleProperties = producerProperties(config, options, "articles");
        this.articles = articleProducers.apply(articleProperties);
        try {
            this.deadLetters = new KafkaProducer<>(producerProperties(config, options, "dead-letters"),
                    new ByteArraySerializer(), new ByteArraySerializer());
        } catch (RuntimeException e) {
            articles.close(Duration.ZERO);
            throw e;
        }
    }

    /**
     * Connects, prepares the topics and opens the producers.
     *
     * @throws IngestException when the broker does not answer within {@link PipelineConfig#startupTimeout()} or
     *                         the topics cannot be created
     */
    public static ArticlePublisher open(PipelineConfig config, IngestOptions options) {
        Topics topics = config.topics();
        return open(config, options, props -> new KafkaProducer<>(props, topics.rawArticles.keySerde().serializer(),
                topics.rawArticles.valueSerde().serializer()));
    }

    /** As {@link #open(PipelineConfig, IngestOptions)}, with the articles' producers made by {@code articleProducers}. */
    static ArticlePublisher open(PipelineConfig config, IngestOptions options,
                                 Function<Properties, Producer<String, Article>> articleProducers) {
        Duration timeout = config.startupTimeout();
        String servers = config.bootstrapServers();
        Admin admin;
        try {
            admin = Admin.create(adminProperties(config));
        } catch (KafkaException e) {
            throw unreachable(servers, timeout, e);
        }
        boolean ok = false;
        try {
            checkReachable(admin, servers, timeout);
            List<String> conflicts;
            try {
                conflicts = new TopicAdmin(admin, timeout).ensure(config.topics().all(),
                        config.getInt(PipelineConfig.TOPIC_PARTITIONS),
                        config.getShort(PipelineConfig.TOPIC_REPLICATION_FACTOR));
            } catch (IllegalStateException e) {
                throw new IngestException(e.getMessage() + " (Kafka at " + servers + ")", e.getCause());
            }
            ArticlePublisher publisher = new ArticlePublisher(config, options, conflicts,
                    endOffsets(admin, config.topics().rawArticles.name(), servers, timeout), articleProducers);
            log.info("publishing articles to {} and rejections to {} on {}", publisher.topics.rawArticles.name(),
                    publisher.topics.deadLetters.name(), servers);
            ok = true;
            return publisher;
        } finally {
            // After a failure, calls may still be pending against an absent broker: do not wait for them.
            admin.close(ok ? timeout : Duration.ZERO);
        }
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic, String servers, Duration timeout) {
        long millis = timeout.toMillis();
        try {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(millis, TimeUnit.MILLISECONDS)
                    .get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(millis, TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> ends.put(tp, info.offset()));
            return ends;
        } catch (TimeoutException e) {
            throw unreachable(servers, timeout, null);
        } catch (ExecutionException e) {
            throw new IngestException("cannot read the end offsets of " + topic + " (Kafka at " + servers + "): "
                    + rootMessage(e.getCause()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("interrupted while connecting to Kafka at " + servers, e);
        }
    }

    private static void checkReachable(Admin admin, String servers, Duration timeout) {
        long millis = timeout.toMillis();
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) Math.min(Integer.MAX_VALUE, millis)))
                    .clusterId().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw unreachable(servers, timeout, null);
        } catch (ExecutionException e) {
            throw unreachable(servers, timeout, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException("interrupted while connecting to Kafka at " + servers, e);
        }
    }

    private static IngestException unreachable(String servers, Duration timeout, Throwable cause) {
        String detail = cause == null || cause instanceof org.apache.kafka.common.errors.TimeoutException
                ? "" : ": " + rootMessage(cause);
        return new IngestException("cannot reach Kafka at " + servers + " within " + IngestSummary.seconds(timeout)
                + detail, cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    public static Properties adminProperties(PipelineConfig config) {
        Properties props = config.clientProperties();
        props.compute(CommonClientConfigs.CLIENT_ID_CONFIG,
                (k, v) -> v == null ? "incident-streams-ingest-admin" : v + "-admin");
        return props;
    }

    /**
     * Producer settings: the configured client properties, with idempotence and {@code acks=all} enforced, a
     * request size that fits the largest article, {@code max.block.ms} equal to {@code delivery.timeout.ms} unless
     * set, and lz4 compression unless set (text compresses well, which also keeps a maximal article under the broker's
     * default message size). Public so that the benchmark's raw-Kafka baseline produces with exactly these settings.
     *
     * <p>{@code max.block.ms} bounds how long a send waits for metadata or buffer space. While the broker is away
     * (a restart) a send waits for both; bounded by the startup timeout, ingest failed after 10 s of outage although
     * sends already buffered would have been retried for two minutes. An unreachable broker at start is still
     * reported within the startup timeout, by {@link #open}'s check.
     */
    public static Properties producerProperties(PipelineConfig config, IngestOptions options, String role) {
        Properties props = config.clientProperties();
        props.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        props.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        Object acks = props.get(ProducerConfig.ACKS_CONFIG);
        if (acks != null && !"all".equals(acks.toString()) && !"-1".equals(acks.toString())) {
            log.warn("ignoring acks={}: ingest needs acks=all so that an acknowledged article survives a broker loss",
                    acks);
        }
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        int required = requiredRequestSize(options.maxArticleBytes());
        Object configured = props.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        int requestSize = configured == null ? required : Math.max(required, Integer.parseInt(configured.toString().trim()));
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(requestSize));
        Object deliveryTimeout = props.getOrDefault(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                ProducerConfig.configDef().defaultValues().get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryTimeout.toString().trim());
        props.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.compute(ProducerConfig.CLIENT_ID_CONFIG,
                (k, v) -> v == null ? "incident-streams-ingest-" + role : v + "-" + role);
        return props;
    }

    /** The request size that holds an article of {@code maxArticleBytes}, even with every quote escaped. */
    static int requiredRequestSize(int maxArticleBytes) {
        return (int) Math.min(Integer.MAX_VALUE, 2L * maxArticleBytes + REQUEST_OVERHEAD_BYTES);
    }

    /** Configs of existing topics that contradict their declaration, as reported at start-up. */
    public List<String> topicConflicts() {
        return topicConflicts;
    }

    @Override
    public void publish(Article article) {
        recoverIfNeeded();
        checkFailure();
        sendPendingDeadLetters();
        send(article);
    }

    private void send(Article article) {
        String topic = topics.rawArticles.name();
        int sentBy = generation;
        try {
            articles.send(new ProducerRecord<>(topic, null, article.id(), article,
                    SchemaVersion.headers(SchemaVersion.ARTICLE)), (metadata, e) -> {
                if (e == null) {
                    published.incrementAndGet();
                } else if (e instanceof RecordTooLargeException) {
                    refuse(article, "the broker refused the article as too large: " + e.getMessage());
                } else if (sentBy != generation || isProducerState(e)) {
                    unknownOutcome.add(article);
                    recoveryNeeded = true;
                } else {
                    fail(topic, "article " + article.id() + " from " + article.origin(), e);
                }
            });
        } catch (SerializationException e) {
            refuse(article, "cannot serialise the article: " + e.getMessage());
        } catch (KafkaException | IllegalStateException e) {
            if (isProducerState(e) || sentBy != generation) {
                unknownOutcome.add(article);
                recoveryNeeded = true;
                recoverIfNeeded();
                checkFailure();
                return;
            }
            fail(topic, "article " + article.id() + " from " + article.origin(), e);
            checkFailure();
        }
    }

    /**
     * Errors about the producer's own state, which a new producer does not have: the send's outcome is unknown.
     * Timeouts are not among them (the producer already retried until {@code delivery.timeout.ms}: the broker is
     * away), nor errors about the record or the permissions.
     */
    static boolean isProducerState(Throwable e) {
        return e instanceof OutOfOrderSequenceException || e instanceof UnknownProducerIdException
                || e instanceof InvalidProducerEpochException || e instanceof InvalidTxnStateException
                || e instanceof IllegalStateException
                || (e != null && e.getCause() != e && e.getCause() instanceof KafkaException k && isProducerState(k));
    }

    /**
     * Replaces the articles' producer after an error about its state, then settles every article whose outcome is
     * unknown against the raw topic: counted if it is there, sent again if not.
     */
    private void recoverIfNeeded() {
        if (!recoveryNeeded || failure.get() != null) {
            return;
        }
        if (recoveries >= MAX_RECOVERIES) {
            Article first = unknownOutcome.peek();
            fail(topics.rawArticles.name(), first == null ? "articles" : "article " + first.id() + " from "
                    + first.origin(), new KafkaException("the producer failed again after " + recoveries
                    + " recoveries in this run"));
            return;
        }
        recoveries++;
        log.warn("the articles' producer failed ({} sends of unknown outcome); replacing it and checking {} against "
                + "what this run published (recovery {} of at most {})", unknownOutcome.size(),
                topics.rawArticles.name(), recoveries, MAX_RECOVERIES);
        generation++;
        try {
            // A short grace lets requests already with the broker finish, so that the read-back below sees them.
            articles.close(Duration.ofMillis(Math.min(5_000, closeTimeout.toMillis())));
        } catch (KafkaException | IllegalStateException e) {
            log.debug("closing the failed producer: {}", e.getMessage());
        }
        recoveryNeeded = false;
        articles = articleProducers.apply(articleProperties);
        Set<String> onTopic = publishedThisRun();
        int resent = 0;
        for (Article a = unknownOutcome.poll(); a != null; a = unknownOutcome.poll()) {
            if (onTopic.contains(a.id())) {
                published.incrementAndGet();
            } else {
                resent++;
                send(a);
            }
        }
        log.info("recovered: {} articles sent again, the others were already on {}", resent,
                topics.rawArticles.name());
    }

    /** The ids of the articles on the raw topic after where it ended when the run began. */
    private Set<String> publishedThisRun() {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        props.compute(CommonClientConfigs.CLIENT_ID_CONFIG,
                (k, v) -> v == null ? "incident-streams-ingest-check" : v + "-check");
        Set<String> ids = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.copyOf(startOffsets.keySet());
            consumer.assign(partitions);
            startOffsets.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, startupTimeout);
            long deadline = System.nanoTime() + startupTimeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    deadline = System.nanoTime() + startupTimeout.toNanos();
                } else if (System.nanoTime() > deadline) {
                    throw new IngestException("cannot read " + topics.rawArticles.name() + " back within "
                            + IngestSummary.seconds(startupTimeout) + " to recover from a failed producer");
                }
                for (ConsumerRecord<String, byte[]> r : records) {
                    ids.add(r.key());
                }
            }
        } catch (KafkaException e) {
            throw new IngestException("cannot read " + topics.rawArticles.name() + " back to recover from a failed "
                    + "producer: " + e.getMessage(), e);
        }
        return ids;
    }

    private void refuse(Article article, String reason) {
        log.warn("{}: {}", article.origin(), reason);
        ReadResult.Rejected rejected = ReadResult.Rejected.withoutContent(article.origin(), reason);
        refused.add(rejected);
        pendingDeadLetters.add(rejected);
    }

    @Override
    public void deadLetter(ReadResult.Rejected rejected) {
        checkFailure();
        sendPendingDeadLetters();
        send(rejected);
    }

    private void send(ReadResult.Rejected rejected) {
        String topic = topics.deadLetters.name();
        ProducerRecord<byte[], byte[]> record = DeadLetters.record(topic, rejected, maxArticleBytes);
        try {
            deadLetters.send(record, (metadata, e) -> {
                if (e == null) {
                    deadLettered.incrementAndGet();
                } else if (e instanceof RecordTooLargeException && record.value() != null) {
                    // The broker allows less than we do: keep the letter, drop its content.
                    pendingDeadLetters.add(ReadResult.Rejected.withoutContent(rejected.source(), rejected.reason()));
                } else {
                    fail(topic, "dead letter of " + rejected.source(), e);
                }
            });
        } catch (KafkaException e) {
            fail(topic, "dead letter of " + rejected.source(), e);
            checkFailure();
        }
    }

    private void sendPendingDeadLetters() {
        for (ReadResult.Rejected next = pendingDeadLetters.poll(); next != null; next = pendingDeadLetters.poll()) {
            send(next);
        }
    }

    /**
     * Records the first failure; the next call throws it. A timeout is reported with Kafka's own words, which tell a
     * wait for topic metadata (max.block.ms: is the topic there?) from a wait for an acknowledgement
     * (delivery.timeout.ms: is the broker up?); the client gives both as the same exception type.
     */
    private void fail(String topic, String what, Exception e) {
        String why = e instanceof RetriableException
                ? "timed out: " + e.getMessage() + " (max.block.ms bounds the wait for topic metadata, "
                        + "delivery.timeout.ms the wait for an acknowledgement)"
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        if (failure.compareAndSet(null, new IngestException("publishing to " + topic + " failed for " + what + ": "
                + why, e))) {
            log.error("publishing to {} failed for {}", topic, what, e);
        }
    }

    private void checkFailure() {
        IngestException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    @Override
    public void flush() {
        do {
            articles.flush();
            recoverIfNeeded();
            articles.flush();
            sendPendingDeadLetters();
            deadLetters.flush();
        } while ((!pendingDeadLetters.isEmpty() || recoveryNeeded) && failure.get() == null);
        checkFailure();
    }

    /** Times the articles' producer was replaced in this run. */
    int recoveries() {
        return recoveries;
    }

    @Override
    public long published() {
        return published.get();
    }

    @Override
    public long deadLettered() {
        return deadLettered.get();
    }

    @Override
    public List<ReadResult.Rejected> takeRefused() {
        List<ReadResult.Rejected> taken = new ArrayList<>();
        for (ReadResult.Rejected next = refused.poll(); next != null; next = refused.poll()) {
            taken.add(next);
        }
        return taken;
    }

    /** Closes both producers, waiting at most the startup timeout each for sends still in flight. */
    @Override
    public void close() {
        try {
            articles.close(closeTimeout);
        } finally {
            deadLetters.close(closeTimeout);
        }
    }
}
