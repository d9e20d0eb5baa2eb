package io.incidentstreams.sink;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.model.Incident;
import io.incidentstreams.topics.Topic;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * Follows the incidents topic and hands every change to a callback: an upsert, or a tombstone (null incident)
 * for an id that was merged away. Starts at the end, or at the beginning with {@code fromBeginning}.
 */
public final class IncidentTail implements AutoCloseable {
    /** One change on the topic. {@code incident} is null for a tombstone. */
    public record Change(String id, Incident incident, long timestamp, int partition, long offset) {
        public boolean isTombstone() {
            return incident == null;
        }
    }

    private final KafkaConsumer<String, Incident> consumer;
    private final AtomicBoolean closed = new AtomicBoolean();

    public IncidentTail(PipelineConfig config, boolean fromBeginning, Duration timeout) {
        Topic<String, Incident> topic = config.topics().incidents;
        this.consumer = IncidentSnapshot.consumer(config, topic);
        List<TopicPartition> partitions = IncidentSnapshot.partitions(consumer, topic.name(), timeout);
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
        }
    }

    /** Polls until {@link #close()} is called from another thread (Ctrl-C), or {@code maxChanges} were seen. */
    public long follow(Consumer<Change> onChange, long maxChanges) {
        long seen = 0;
        try {
            while (!closed.get() && seen < maxChanges) {
                for (ConsumerRecord<String, Incident> r : consumer.poll(Duration.ofMillis(500))) {
                    onChange.accept(new Change(r.key(), r.value(), r.timestamp(), r.partition(), r.offset()));
                    if (++seen >= maxChanges) {
                        break;
                    }
                }
            }
        } catch (WakeupException e) {
            if (!closed.get()) {
                throw e;
            }
        } finally {
            consumer.close();
        }
        return seen;
    }

    /** Stops {@link #follow} from any thread. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            consumer.wakeup();
        }
    }
}
