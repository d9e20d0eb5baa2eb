package io.incidentstreams.ingest.feed;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.metrics.KafkaMetric;

/**
 * A real {@link org.apache.kafka.clients.producer.KafkaProducer} on the real broker, with one fault injected at
 * chosen commits (counted across every producer the factory made, so across recoveries).
 */
final class FaultyProducer implements Producer<byte[], byte[]> {
    enum Fault {
        /**
         * The commit completes on the broker, then the client reports the error of the incident: a commit retried
         * after it completed ({@code InvalidTxnStateException}). Resending the batch would duplicate it.
         */
        COMMITTED_THEN_INVALID_STATE,
        /**
         * The commit never reaches the broker and times out (an indefinite error); the abort fails too, so the
         * transaction stays open until a new producer's {@code initTransactions()} settles it. Not resending the
         * batch would lose it.
         */
        TIMED_OUT_UNCOMMITTED
    }

    /** Makes the ledger's producers; {@link #commits} counts every commit attempt of all of them. */
    static final class Factory implements Function<Properties, Producer<byte[], byte[]>> {
        final Fault fault;
        final Set<Integer> failAt;
        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger made = new AtomicInteger();
        final AtomicInteger injected = new AtomicInteger();

        Factory(Fault fault, Set<Integer> failAt) {
            this.fault = fault;
            this.failAt = failAt;
        }

        @Override
        public Producer<byte[], byte[]> apply(Properties props) {
            made.incrementAndGet();
            return new FaultyProducer(io.incidentstreams.ingest.feed.KafkaLedger.kafkaProducer(props), this);
        }
    }

    private final Producer<byte[], byte[]> delegate;
    private final Factory factory;
    private boolean failAbort;

    private FaultyProducer(Producer<byte[], byte[]> delegate, Factory factory) {
        this.delegate = delegate;
        this.factory = factory;
    }

    @Override
    public void commitTransaction() {
        int n = factory.commits.incrementAndGet();
        if (!factory.failAt.contains(n)) {
            delegate.commitTransaction();
            return;
        }
        factory.injected.incrementAndGet();
        switch (factory.fault) {
            case COMMITTED_THEN_INVALID_STATE -> {
                delegate.commitTransaction();
                throw new InvalidTxnStateException("The producer attempted a transactional operation in an invalid "
                        + "state: state is COMPLETE_COMMIT, but received COMMIT (injected at commit " + n + ")");
            }
            case TIMED_OUT_UNCOMMITTED -> {
                failAbort = true;
                throw new TimeoutException("Timeout expired after 60000ms while awaiting EndTxn(COMMIT) "
                        + "(injected at commit " + n + ")");
            }
            default -> throw new IllegalStateException();
        }
    }

    @Override
    public void abortTransaction() {
        if (failAbort) {
            failAbort = false;
            throw new KafkaException("Cannot attempt operation `abortTransaction` because the previous call to "
                    + "`commitTransaction` timed out and must be retried (injected)");
        }
        delegate.abortTransaction();
    }

    @Override
    public void initTransactions() {
        delegate.initTransactions();
    }

    @Override
    public void beginTransaction() {
        delegate.beginTransaction();
    }

    @Override
    public void sendOffsetsToTransaction(Map<TopicPartition, OffsetAndMetadata> offsets, ConsumerGroupMetadata group) {
        delegate.sendOffsetsToTransaction(offsets, group);
    }

    @Override
    public void registerMetricForSubscription(KafkaMetric metric) {
        delegate.registerMetricForSubscription(metric);
    }

    @Override
    public void unregisterMetricFromSubscription(KafkaMetric metric) {
        delegate.unregisterMetricFromSubscription(metric);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
        return delegate.send(record);
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
        return delegate.send(record, callback);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public List<PartitionInfo> partitionsFor(String topic) {
        return delegate.partitionsFor(topic);
    }

    @Override
    public Map<MetricName, ? extends Metric> metrics() {
        return delegate.metrics();
    }

    @Override
    public Uuid clientInstanceId(Duration timeout) {
        return delegate.clientInstanceId(timeout);
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void close(Duration timeout) {
        delegate.close(timeout);
    }
}
