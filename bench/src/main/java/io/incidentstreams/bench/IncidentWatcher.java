package io.incidentstreams.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.incidentstreams.config.PipelineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Follows the incidents topic as a {@code read_committed} consumer, the view any downstream reader has, and notes
 * for each article id the wall-clock time an incident that lists it among its sources was first received: the
 * moment the article's effect became visible. Values are scanned for {@code sources[].articleId} with Jackson's
 * streaming parser rather than mapped to {@code Incident}, to keep the measuring cost low and apart from the
 * model.
 *
 * <p>One thread polls; the maps it fills are read only after {@link #close()}, which joins it.
 */
final class IncidentWatcher implements AutoCloseable {
    private static final JsonFactory JSON = new JsonFactory();

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final Map<String, Long> firstSeen = new HashMap<>();
    private volatile long records;
    private volatile long lastReceivedMillis;
    private volatile Map<TopicPartition, Long> target;
    private volatile CompletableFuture<Void> reached = new CompletableFuture<>();
    private volatile Throwable failure;
    private volatile boolean running = true;

    IncidentWatcher(PipelineConfig config, String topic) {
        this.topic = topic;
        Properties props = config.clientProperties();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "bench-incident-watcher");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::loop, "bench-incident-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (running) {
                var batch = consumer.poll(Duration.ofMillis(100));
                long now = System.currentTimeMillis();
                for (ConsumerRecord<String, byte[]> r : batch) {
                    records++;
                    lastReceivedMillis = now;
                    if (r.value() != null) {
                        articleIds(r.value(), id -> firstSeen.putIfAbsent(id, now));
                    }
                }
                Map<TopicPartition, Long> t = target;
                if (t != null && t.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    target = null;
                    reached.complete(null);
                }
            }
        } catch (WakeupException e) {
            // close() asked to stop.
        } catch (RuntimeException e) {
            failure = e;
            reached.completeExceptionally(e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Waits until this consumer has read up to {@code endOffsets} (committed end of each incidents partition). */
    void awaitPosition(Map<TopicPartition, Long> endOffsets, Duration timeout)
            throws InterruptedException, TimeoutException {
        reached = new CompletableFuture<>();
        target = Map.copyOf(endOffsets);
        try {
            reached.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reading " + topic + " failed: " + e.getCause(), e.getCause());
        }
    }

    /** Incident records (upserts and tombstones) received so far. */
    long records() {
        return records;
    }

    /** Wall-clock time the latest incident record was received. */
    long lastReceivedMillis() {
        return lastReceivedMillis;
    }

    /** Article id to the time an incident listing it was first received. Call after {@link #close()}. */
    Map<String, Long> firstSeen() {
        if (thread.isAlive()) {
            throw new IllegalStateException("still watching");
        }
        return firstSeen;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(TimeUnit.SECONDS.toMillis(30));
        if (failure != null) {
            throw new IllegalStateException("reading " + topic + " failed", failure);
        }
    }

    /** Calls {@code sink} with each {@code sources[].articleId} of an incident's JSON. */
    static void articleIds(byte[] incidentJson, Consumer<String> sink) {
        try (JsonParser p = JSON.createParser(incidentJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("sources".equals(field) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String name = p.currentName();
                            JsonToken v = p.nextToken();
                            if ("articleId".equals(name) && v == JsonToken.VALUE_STRING) {
                                sink.accept(p.getText());
                            } else {
                                p.skipChildren();
                            }
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an incident record is not JSON", e);
        }
    }
}
