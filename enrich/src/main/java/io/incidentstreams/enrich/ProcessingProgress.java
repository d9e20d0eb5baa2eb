package io.incidentstreams.enrich;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells when enrich has processed everything on its input topics: the application's committed offsets have
 * reached the end offsets of the raw topic, and then of its repartition topic. With exactly-once, output and
 * offsets commit together, so once both are caught up every incident is on the output topic.
 */
public final class ProcessingProgress {
    private final Admin admin;
    private final String applicationId;
    private final List<String> inputTopics;

    public ProcessingProgress(Admin admin, String applicationId, String rawTopic) {
        this.admin = admin;
        this.applicationId = applicationId;
        this.inputTopics = List.of(rawTopic, repartitionTopic(applicationId));
    }

    public static String repartitionTopic(String applicationId) {
        return applicationId + "-" + StoreNames.MENTIONS_BY_REGION + "-repartition";
    }

    /** Records not yet processed on each input topic; -1 for a topic that does not exist yet. */
    public Map<String, Long> lag() throws ExecutionException, InterruptedException, java.util.concurrent.TimeoutException {
        Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<String, Long> lag = new HashMap<>();
        for (String topic : inputTopics) {
            if (!existing.contains(topic)) {
                lag.put(topic, -1L);
                continue;
            }
            var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().stream()
                    .map(p -> new TopicPartition(topic, p.partition())).collect(Collectors.toList());
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                    .all().get(10, TimeUnit.SECONDS);
            long total = 0;
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed == null ? null : committed.get(tp);
                long pos = c == null ? 0 : c.offset();
                total += Math.max(0, ends.get(tp).offset() - pos);
            }
            lag.put(topic, total);
        }
        return lag;
    }

    /**
     * Waits until nothing is left to process, polling with a short back-off.
     *
     * @throws java.util.concurrent.TimeoutException when {@code timeout} passes first
     */
    public void awaitCaughtUp(Duration timeout, Consumer<Map<String, Long>> progress)
            throws InterruptedException, java.util.concurrent.TimeoutException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long backoff = 50;
        while (true) {
            Map<String, Long> lag = lag();
            progress.accept(lag);
            if (lag.values().stream().allMatch(v -> v == 0)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new java.util.concurrent.TimeoutException("enrich still has records to process: " + lag);
            }
            TimeUnit.MILLISECONDS.sleep(backoff);
            backoff = Math.min(500, backoff * 2);
        }
    }
}
