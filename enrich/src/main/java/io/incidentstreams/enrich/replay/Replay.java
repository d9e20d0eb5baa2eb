package io.incidentstreams.enrich.replay;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.ProcessingProgress;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.sink.IncidentSnapshot;
import io.incidentstreams.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Reprocesses the raw-articles topic with the current rules.
 *
 * <p>Chosen design: reset the application and publish tombstones for incidents that no longer exist, rather
 * than a versioned output topic. Consumers keep one topic name; ids are stable across replays because they
 * depend only on the mentions; and what changed reaches them as ordinary upserts and tombstones.
 *
 * <ul>
 *   <li>Full replay: the consumer group, the internal topics and the local state are deleted, so everything is
 *       rebuilt from the raw topic. The result depends only on the raw topic and the rules.</li>
 *   <li>{@code from}: state is kept and the raw topic is re-read from that time. Articles before it keep the
 *       mentions they had; articles after it are extracted again if the rules version changed.</li>
 * </ul>
 * Enrich must not be running: a replay refuses to start while its consumer group has members.
 */
public final class Replay {
    /** What a replay did. */
    public record Result(int liveBefore, int liveAfter, int tombstoned, Duration took) {
    }

    private Replay() {
    }

    public static Result run(PipelineConfig config, Function<Article, List<IncidentMention>> extractor,
                             String rulesVersion, Instant from, Duration timeout, Consumer<String> progress)
            throws InterruptedException, ExecutionException, TimeoutException {
        long t0 = System.nanoTime();
        Topics topics = config.topics();
        String appId = config.getString(PipelineConfig.APPLICATION_ID);
        Duration wait = config.startupTimeout();
        try (Admin admin = Admin.create(config.clientProperties())) {
            EnrichApp.awaitBroker(admin, config.bootstrapServers(), wait);
            refuseIfRunning(admin, appId, wait);
            Set<String> before = liveIds(config, timeout);
            progress.accept(before.size() + " live incidents before the replay");
            Map<TopicPartition, Long> mark = before.isEmpty() ? null : IncidentSnapshot.endOffsets(config, wait);
            if (from == null) {
                progress.accept("resetting " + appId + ": offsets, internal topics and local state");
                resetFully(admin, appId, wait);
                deleteLocalState(config);
            } else {
                progress.accept("re-reading " + topics.rawArticles.name() + " from " + from);
                rewind(admin, appId, topics.rawArticles.name(), from, wait);
            }
            try (EnrichApp app = new EnrichApp(config, extractor, rulesVersion)) {
                app.start();
                new ProcessingProgress(admin, appId, topics.rawArticles.name())
                        .awaitCaughtUp(timeout, lag -> { });
                if (app.fatalError() != null) {
                    throw new IllegalStateException("enrich failed during the replay: " + app.fatalError().getMessage(),
                            app.fatalError());
                }
            }
            // A full replay rebuilds every incident: whatever it did not write again no longer exists. A replay
            // --from keeps state and writes only what changed, so it adds no tombstones of its own.
            Set<String> gone = new TreeSet<>();
            if (from == null) {
                Set<String> rebuilt = IncidentSnapshot.readFrom(config, topics.incidents, mark, timeout, n -> { })
                        .stream().map(Incident::id).collect(Collectors.toSet());
                gone.addAll(before);
                gone.removeAll(rebuilt);
                tombstone(config, gone);
            }
            Set<String> after = liveIds(config, timeout);
            progress.accept(after.size() + " live incidents after the replay; " + gone.size() + " tombstoned");
            return new Result(before.size(), after.size(), gone.size(), Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    private static Set<String> liveIds(PipelineConfig config, Duration timeout) {
        try {
            return IncidentSnapshot.read(config, timeout).stream().map(Incident::id)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IllegalStateException noTopicYet) {
            return new TreeSet<>();
        }
    }

    static void refuseIfRunning(Admin admin, String appId, Duration wait)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(appId)).all()
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS).get(appId);
            if (group != null && !group.members().isEmpty()) {
                throw new IllegalStateException("enrich (" + appId + ") is running with " + group.members().size()
                        + " member(s): stop it before a replay");
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
    }

    private static void resetFully(Admin admin, String appId, Duration wait)
            throws InterruptedException, ExecutionException, TimeoutException {
        try {
            admin.deleteConsumerGroups(List.of(appId)).all().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof GroupIdNotFoundException)) {
                throw e;
            }
        }
        Set<String> internal = admin.listTopics().names().get(wait.toMillis(), TimeUnit.MILLISECONDS).stream()
                .filter(t -> t.startsWith(appId + "-") && (t.endsWith("-changelog") || t.endsWith("-repartition")))
                .collect(Collectors.toCollection(TreeSet::new));
        if (!internal.isEmpty()) {
            try {
                admin.deleteTopics(internal).all().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            long deadline = System.nanoTime() + wait.toNanos();
            while (admin.listTopics().names().get(wait.toMillis(), TimeUnit.MILLISECONDS).stream()
                    .anyMatch(internal::contains)) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("internal topics still exist: " + internal);
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
    }

    /** Deletes this application's local state (what {@code KafkaStreams#cleanUp} would, without a running app). */
    public static void deleteLocalState(PipelineConfig config) {
        Path dir = Path.of(config.getString(PipelineConfig.STATE_DIR), config.getString(PipelineConfig.APPLICATION_ID));
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot delete " + p, e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    private static void rewind(Admin admin, String appId, String raw, Instant from, Duration wait)
            throws InterruptedException, ExecutionException, TimeoutException {
        var partitions = admin.describeTopics(List.of(raw)).allTopicNames().get(wait.toMillis(), TimeUnit.MILLISECONDS)
                .get(raw).partitions().stream().map(p -> new TopicPartition(raw, p.partition())).toList();
        var atTime = admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp,
                tp -> OffsetSpec.forTimestamp(from.toEpochMilli())))).all().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        var latest = admin.listOffsets(partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                .all().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : partitions) {
            long o = atTime.get(tp).offset();
            offsets.put(tp, new OffsetAndMetadata(o < 0 ? latest.get(tp).offset() : o));
        }
        admin.alterConsumerGroupOffsets(appId, offsets).all().get(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Idempotent, acks=all; every send is awaited, so a failure aborts the replay with its cause. */
    private static void tombstone(PipelineConfig config, Set<String> ids) throws InterruptedException, ExecutionException {
        if (ids.isEmpty()) {
            return;
        }
        Properties props = config.clientProperties();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        var topic = config.topics().incidents;
        try (KafkaProducer<String, Incident> producer = new KafkaProducer<>(props, topic.keySerde().serializer(),
                topic.valueSerde().serializer())) {
            List<java.util.concurrent.Future<?>> sent = new java.util.ArrayList<>();
            for (String id : ids) {
                sent.add(producer.send(new ProducerRecord<>(topic.name(), id, null)));
            }
            producer.flush();
            for (var f : sent) {
                f.get();
            }
        }
    }
}
