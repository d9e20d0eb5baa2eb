package io.incidentstreams.ingest.feed;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.ingest.ArticlePublisher;
import io.incidentstreams.ingest.DeadLetters;
import io.incidentstreams.ingest.IngestException;
import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.topics.SchemaVersion;
import io.incidentstreams.topics.Topic;
import io.incidentstreams.topics.TopicAdmin;
import io.incidentstreams.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka ledger: one transactional producer writes each batch's articles (raw-articles), dead letters
 * (dead-letters) and marks ({@link IngestStateTopic}) in one transaction, so an article is on the raw topic exactly
 * when its mark is on the state topic. A crash in the middle leaves an open transaction that the next instance
 * aborts; nothing of it is visible to {@code read_committed} readers (enrich reads that way), and the next instance
 * publishes it again from scratch.
 *
 * <p>{@link #open} checks the broker, creates missing topics, calls {@code initTransactions()} with the
 * transactional id, which fences any earlier instance with the same id (a zombie's later commits fail) and settles
 * its open transaction, and only then reads the state topic to its end with {@code read_committed}. So a second
 * instance started after a crash, or while the first still runs, never publishes what the first committed: the
 * first is fenced out and stops. Pollers that must run side by side need different transactional ids.
 *
 * <p>The producer is idempotent with {@code acks=all} (transactions require both).
 *
 * <p><b>Recovery.</b> A failed send or commit is not the end of the run, except when this instance was fenced
 * ({@link ProducerFencedException}, {@link InvalidProducerEpochException}), is not authorised, or the broker is too
 * old. On any other error, including an indefinite one (a commit that timed out, or the broker's
 * {@code InvalidTxnStateException} of a commit retried after it completed), the batch may or may not be committed,
 * so the ledger: aborts the transaction if it can, closes the producer, opens a new one and calls
 * {@code initTransactions()} again (which settles the open transaction: it completes a commit the coordinator had
 * begun and aborts anything else), then reads the state topic again. If the batch's marks are there, the batch was
 * committed and is not sent again; if not, nothing of it is visible and it is sent again. So a batch is on the
 * topics exactly once, whatever the error. After {@value #MAX_ATTEMPTS} attempts the run stops with an
 * {@link IngestException}; nothing of that batch was marked, so the next run publishes it.
 * The marks are kept in memory as key and digest: about 150 bytes per item.
 */
public final class KafkaLedger implements Ledger {
    private static final Logger log = LoggerFactory.getLogger(KafkaLedger.class);
    private static final String NO_DIGEST = "";
    /** Attempts at one batch: the first, then one after each re-initialisation of the producer. */
    static final int MAX_ATTEMPTS = 5;
    private static final long FIRST_BACKOFF_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final PipelineConfig config;
    private final Topics topics;
    private final Topic<String, IngestMark> stateTopic;
    private final String transactionalId;
    private final int maxArticleBytes;
    private final List<String> keyPrefixes;
    private final Function<Properties, Producer<byte[], byte[]>> producers;
    private final Properties producerProperties;
    private Producer<byte[], byte[]> producer;
    private Map<String, String> marks;
    private long published;
    private long deadLettered;
    private long recoveries;

    private KafkaLedger(PipelineConfig config, String transactionalId, int maxArticleBytes, List<String> keyPrefixes,
                        Function<Properties, Producer<byte[], byte[]>> producers, Properties producerProperties,
                        Producer<byte[], byte[]> producer, Map<String, String> marks) {
        this.config = config;
        this.topics = config.topics();
        this.stateTopic = IngestStateTopic.of(topics);
        this.transactionalId = transactionalId;
        this.maxArticleBytes = maxArticleBytes;
        this.keyPrefixes = List.copyOf(keyPrefixes);
        this.producers = producers;
        this.producerProperties = producerProperties;
        this.producer = producer;
        this.marks = marks;
    }

    /** The real producer: what {@link #open(PipelineConfig, IngestOptions, String, List)} uses. */
    static Producer<byte[], byte[]> kafkaProducer(Properties props) {
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * Connects, prepares the topics, fences earlier instances and loads the marks whose keys start with one of
     * {@code keyPrefixes}.
     *
     * @param transactionalId the poller's identity; {@code transactional.id} in the client properties wins
     * @throws IngestException when the broker is unreachable within the startup timeout or the state cannot be read
     */
    public static KafkaLedger open(PipelineConfig config, IngestOptions options, String transactionalId,
                                   List<String> keyPrefixes) {
        return open(config, options, transactionalId, keyPrefixes, KafkaLedger::kafkaProducer);
    }

    /**
     * As {@link #open(PipelineConfig, IngestOptions, String, List)}, with the producers (the first, and each one
     * after a recovery) made by {@code producers} from the ledger's producer properties: tests wrap the real
     * producer to inject faults.
     */
    public static KafkaLedger open(PipelineConfig config, IngestOptions options, String transactionalId,
                                   List<String> keyPrefixes, Function<Properties, Producer<byte[], byte[]>> producers) {
        Topics topics = config.topics();
        Topic<String, IngestMark> state = IngestStateTopic.of(topics);
        Duration timeout = config.startupTimeout();
        String servers = config.bootstrapServers();
        try (Admin admin = Admin.create(ArticlePublisher.adminProperties(config))) {
            try {
                admin.describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                throw new IngestException("cannot reach Kafka at " + servers + " within " + timeout.toSeconds() + " s",
                        e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IngestException("interrupted while connecting to Kafka at " + servers, e);
            }
            List<Topic<?, ?>> all = new ArrayList<>(topics.all());
            all.add(state);
            try {
                new TopicAdmin(admin, timeout).ensure(all, config.getInt(PipelineConfig.TOPIC_PARTITIONS),
                        config.getShort(PipelineConfig.TOPIC_REPLICATION_FACTOR));
            } catch (IllegalStateException e) {
                throw new IngestException(e.getMessage() + " (Kafka at " + servers + ")", e.getCause());
            }
        }
        Properties props = ArticlePublisher.producerProperties(config, options, "ledger");
        props.putIfAbsent(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        String id = props.getProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        Producer<byte[], byte[]> producer = producers.apply(props);
        try {
            producer.initTransactions();
            Map<String, String> marks = load(config, state, keyPrefixes, timeout);
            log.info("ledger {}: {} marks loaded from {}; publishing to {}", id, marks.size(), state.name(),
                    topics.rawArticles.name());
            return new KafkaLedger(config, id, options.maxArticleBytes(), keyPrefixes, producers, props, producer,
                    marks);
        } catch (KafkaException | IngestException e) {
            producer.close(Duration.ZERO);
            if (e instanceof IngestException ie) {
                throw ie;
            }
            throw new IngestException("cannot start transactions with transactional.id " + id + " on " + servers
                    + ": " + e.getMessage(), e);
        }
    }

    /** Reads the state topic from the beginning to its end (the last stable offset) with read_committed. */
    static Map<String, String> load(PipelineConfig config, Topic<String, IngestMark> state, List<String> keyPrefixes,
                                    Duration timeout) {
        Properties props = config.clientProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        props.compute(ConsumerConfig.CLIENT_ID_CONFIG,
                (k, v) -> v == null ? "incident-streams-ingest-state" : v + "-state");
        Map<String, String> marks = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(state.name(), timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long idleDeadline = System.nanoTime() + timeout.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                var records = consumer.poll(Duration.ofMillis(200));
                if (!records.isEmpty()) {
                    idleDeadline = System.nanoTime() + timeout.toNanos();
                } else if (System.nanoTime() > idleDeadline) {
                    throw new IngestException("cannot read the ingest state topic " + state.name() + " to its end"
                            + " within " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<String, byte[]> record : records) {
                    String key = record.key();
                    if (key == null || keyPrefixes.stream().noneMatch(key::startsWith)) {
                        continue;
                    }
                    if (record.value() == null) {
                        marks.remove(key);
                        continue;
                    }
                    IngestMark mark;
                    try {
                        mark = state.valueSerde().deserializer().deserialize(state.name(), record.value());
                    } catch (RuntimeException e) {
                        log.warn("skipping unreadable mark {} at {}-{}@{}: {}", key, record.topic(),
                                record.partition(), record.offset(), e.getMessage());
                        continue;
                    }
                    marks.put(key, mark.digest() == null ? NO_DIGEST : mark.digest());
                }
            }
        } catch (KafkaException e) {
            throw new IngestException("cannot read the ingest state topic " + state.name() + ": " + e.getMessage(), e);
        }
        return marks;
    }

    @Override
    public boolean seen(String key) {
        return marks.containsKey(key);
    }

    @Override
    public String digest(String key) {
        String digest = marks.get(key);
        return digest == null || digest.isEmpty() ? null : digest;
    }

    @Override
    public void commit(LedgerBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            RuntimeException error;
            try {
                send(batch);
                break;
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                throw new IngestException("another instance with transactional.id " + transactionalId
                        + " took over; this one stops (nothing of its last batch was published)", e);
            } catch (AuthorizationException | UnsupportedVersionException e) {
                throw new IngestException("publishing failed for good: " + e.getClass().getSimpleName() + ": "
                        + e.getMessage(), e);
            } catch (InterruptException e) {
                throw new IngestException("interrupted while publishing; the open transaction is aborted by the next "
                        + "instance", e);
            } catch (KafkaException | SendFailed | IllegalStateException e) {
                // IllegalStateException: the client's transaction state machine refused a step (a commit after an
                // error it did not recover from); a new producer starts from a clean state.
                error = e;
            }
            Throwable cause = error instanceof SendFailed f ? f.getCause() : error;
            String why = cause.getClass().getSimpleName() + ": " + cause.getMessage();
            if (attempt >= MAX_ATTEMPTS || cause instanceof RecordTooLargeException
                    || cause instanceof SerializationException) {
                abortQuietly();
                throw new IngestException("publishing failed, transaction aborted (nothing of it is visible; attempt "
                        + attempt + " of " + MAX_ATTEMPTS + "): " + why, cause);
            }
            log.warn("ledger {}: transaction failed ({}); re-initialising the producer and resuming from the ledger "
                    + "(attempt {} of {})", transactionalId, why, attempt + 1, MAX_ATTEMPTS);
            if (recover(batch, attempt)) {
                log.info("ledger {}: the failed transaction had been committed; not sending it again", transactionalId);
                break;
            }
        }
        batch.marks().forEach((key, mark) -> marks.put(key, mark.digest() == null ? NO_DIGEST : mark.digest()));
        published += batch.articles().size();
        deadLettered += batch.deadLetters().size();
    }

    /** A send of the batch failed in its callback; the commit that followed may not have said so. */
    private static final class SendFailed extends RuntimeException {
        SendFailed(Exception cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** One transaction: the batch's records, then the commit. */
    private void send(LedgerBatch batch) {
        AtomicReference<Exception> sendError = new AtomicReference<>();
        producer.beginTransaction();
        String raw = topics.rawArticles.name();
        for (LedgerBatch.Outgoing out : batch.articles()) {
            RecordHeaders headers = new RecordHeaders(SchemaVersion.headers(SchemaVersion.ARTICLE).toArray());
            out.headers().forEach((k, v) -> headers.add(k, v.getBytes(StandardCharsets.UTF_8)));
            byte[] key = topics.rawArticles.keySerde().serializer().serialize(raw, out.article().id());
            byte[] value = topics.rawArticles.valueSerde().serializer().serialize(raw, out.article());
            producer.send(new ProducerRecord<>(raw, null, key, value, headers), (m, e) -> {
                if (e != null) {
                    sendError.compareAndSet(null, e);
                }
            });
        }
        for (ReadResult.Rejected rejected : batch.deadLetters()) {
            producer.send(DeadLetters.record(topics.deadLetters.name(), rejected, maxArticleBytes), (m, e) -> {
                if (e != null) {
                    sendError.compareAndSet(null, e);
                }
            });
        }
        for (Map.Entry<String, IngestMark> mark : batch.marks().entrySet()) {
            byte[] key = mark.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] value = stateTopic.valueSerde().serializer().serialize(stateTopic.name(), mark.getValue());
            producer.send(new ProducerRecord<>(stateTopic.name(), key, value), (m, e) -> {
                if (e != null) {
                    sendError.compareAndSet(null, e);
                }
            });
        }
        try {
            producer.commitTransaction();
        } catch (KafkaException e) {
            Exception failed = sendError.get();
            if (failed instanceof KafkaException k && isFatal(k)) {
                throw k;
            }
            throw failed != null ? new SendFailed(failed) : e;
        }
    }

    private static boolean isFatal(KafkaException e) {
        return e instanceof ProducerFencedException || e instanceof InvalidProducerEpochException
                || e instanceof AuthorizationException || e instanceof UnsupportedVersionException;
    }

    /**
     * After a failed transaction: aborts it if the producer still can, replaces the producer by a new one whose
     * {@code initTransactions()} settles whatever the old one left open, and reads the state topic again.
     *
     * @return true if the batch turned out committed (its marks are on the state topic), false if it must be sent again
     */
    private boolean recover(LedgerBatch batch, int attempt) {
        abortQuietly();
        try {
            producer.close(Duration.ZERO);
        } catch (KafkaException | IllegalStateException e) {
            log.debug("closing the failed producer: {}", e.getMessage());
        }
        producer = null;
        long backoff = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(10, attempt - 1));
        for (int tries = attempt; ; tries++) {
            try {
                TimeUnit.MILLISECONDS.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IngestException("interrupted while recovering from a failed transaction; nothing of the "
                        + "batch that failed is marked, so the next run publishes it", e);
            }
            Producer<byte[], byte[]> next = null;
            try {
                next = producers.apply(producerProperties);
                next.initTransactions();
                producer = next;
                recoveries++;
                break;
            } catch (ProducerFencedException | InvalidProducerEpochException e) {
                closeQuietly(next);
                throw new IngestException("another instance with transactional.id " + transactionalId
                        + " took over; this one stops", e);
            } catch (KafkaException e) {
                closeQuietly(next);
                if (tries >= MAX_ATTEMPTS || isFatal(e)) {
                    throw new IngestException("cannot start transactions again with transactional.id "
                            + transactionalId + " after a failed one: " + e.getMessage(), e);
                }
                log.warn("ledger {}: re-initialising the producer failed ({}); trying again", transactionalId,
                        e.getMessage());
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
        marks = load(config, stateTopic, keyPrefixes, config.startupTimeout());
        long there = batch.marks().entrySet().stream().filter(e -> {
            String digest = e.getValue().digest() == null ? NO_DIGEST : e.getValue().digest();
            return digest.equals(marks.get(e.getKey()));
        }).count();
        if (there == 0) {
            return false;
        }
        if (there == batch.marks().size()) {
            return true;
        }
        throw new IngestException("the ledger holds " + there + " of the " + batch.marks().size() + " marks of a "
                + "batch that failed: a transaction is never half committed, so another writer shares the "
                + "transactional id or the state topic; stopping");
    }

    private static void closeQuietly(Producer<byte[], byte[]> p) {
        if (p != null) {
            try {
                p.close(Duration.ZERO);
            } catch (KafkaException e) {
                log.debug("closing a producer: {}", e.getMessage());
            }
        }
    }

    private void abortQuietly() {
        if (producer == null) {
            return;
        }
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException e) {
            log.warn("could not abort the transaction: {}", e.getMessage());
        }
    }

    @Override
    public long published() {
        return published;
    }

    @Override
    public long deadLettered() {
        return deadLettered;
    }

    /** Times the producer was replaced after a failed transaction. */
    public long recoveries() {
        return recoveries;
    }

    public String transactionalId() {
        return transactionalId;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
