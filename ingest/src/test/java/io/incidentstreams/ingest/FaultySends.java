package io.incidentstreams.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.metrics.KafkaMetric;

/** A real producer whose chosen sends (counted across every producer the factory made) report a sequence error. */
final class FaultySends<K, V> implements Producer<K, V> {
    enum Fault {
        /** The record is written, but its callback reports the error: sending it again would duplicate it. */
        WRITTEN_THEN_ERROR,
        /** The record is never sent, and its callback reports the error: not sending it again would lose it. */
        LOST
    }

    static final class Factory<K, V> implements Function<Properties, Producer<K, V>> {
        final Function<Properties, Producer<K, V>> real;
        final Fault fault;
        final Set<Integer> failAt;
        final AtomicInteger sends = new AtomicInteger();
        final AtomicInteger made = new AtomicInteger();
        final AtomicInteger injected = new AtomicInteger();

        Factory(Function<Properties, Producer<K, V>> real, Fault fault, Set<Integer> failAt) {
            this.real = real;
            this.fault = fault;
            this.failAt = failAt;
        }

        @Override
        public Producer<K, V> apply(Properties props) {
            made.incrementAndGet();
            return new FaultySends<>(real.apply(props), this);
        }
    }

    private final Producer<K, V> delegate;
    private final Factory<K, V> factory;

    private FaultySends(Producer<K, V> delegate, Factory<K, V> factory) {
        this.delegate = delegate;
        this.factory = factory;
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<K, V> record, Callback callback) {
        int n = factory.sends.incrementAndGet();
        if (!factory.failAt.contains(n)) {
            return delegate.send(record, callback);
        }
        factory.injected.incrementAndGet();
        OutOfOrderSequenceException error = new OutOfOrderSequenceException("The broker received an out of order "
                + "sequence number (injected at send " + n + ")");
        if (factory.fault == Fault.LOST) {
            callback.onCompletion(null, error);
            return CompletableFuture.failedFuture(error);
        }
        return delegate.send(record, (metadata, e) -> callback.onCompletion(null, e != null ? e : error));
    }

    @Override
    public Future<RecordMetadata> send(ProducerRecord<K, V> record) {
        return send(record, (m, e) -> { });
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
    public void commitTransaction() {
        delegate.commitTransaction();
    }

    @Override
    public void abortTransaction() {
        delegate.abortTransaction();
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
