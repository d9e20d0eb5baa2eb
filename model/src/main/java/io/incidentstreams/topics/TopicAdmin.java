package io.incidentstreams.topics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates missing topics with their declared configs and reports existing topics whose configs contradict them.
 * A contradiction is reported, not fixed: changing a live topic's retention is the operator's call.
 */
public final class TopicAdmin {
    private static final Logger log = LoggerFactory.getLogger(TopicAdmin.class);

    private final Admin admin;
    private final Duration timeout;

    public TopicAdmin(Admin admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    /**
     * Creates each missing topic and checks the existing ones.
     *
     * @return one line for each config an existing topic holds that contradicts its declaration
     */
    public List<String> ensure(Collection<Topic<?, ?>> topics, int partitions, short replicationFactor) {
        try {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            List<Topic<?, ?>> present = new ArrayList<>();
            for (Topic<?, ?> topic : topics) {
                if (existing.contains(topic.name())) {
                    present.add(topic);
                } else {
                    missing.add(new NewTopic(topic.name(), Optional.of(partitions),
                            replicationFactor < 0 ? Optional.empty() : Optional.of(replicationFactor))
                            .configs(topic.configs()));
                }
            }
            if (!missing.isEmpty()) {
                create(missing);
                awaitLeaders(missing.stream().map(NewTopic::name).toList());
            }
            List<String> conflicts = conflicts(present);
            conflicts.forEach(c -> log.warn("topic config conflict: {}", c));
            return conflicts;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot prepare topics: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot prepare topics: the broker did not answer within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing topics", e);
        }
    }

    private void create(List<NewTopic> missing) throws InterruptedException, TimeoutException, ExecutionException {
        var result = admin.createTopics(missing);
        for (var entry : result.values().entrySet()) {
            try {
                entry.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                log.info("created topic {}", entry.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }

    /**
     * A created topic is usable once the broker serves every partition. The metadata names a leader some
     * milliseconds before the leader has created the partition's log; an idempotent producer that writes in
     * that window can get a retried batch refused as out of order for good. A ListOffsets answer from each
     * leader closes the window.
     */
    private void awaitLeaders(List<String> names) throws InterruptedException, TimeoutException, ExecutionException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                var descriptions = admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                boolean ready = descriptions.values().stream().flatMap(d -> d.partitions().stream())
                        .allMatch(p -> p.leader() != null && !p.leader().isEmpty());
                if (ready) {
                    Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> specs = new HashMap<>();
                    descriptions.forEach((name, d) -> d.partitions().forEach(p -> specs.put(
                            new org.apache.kafka.common.TopicPartition(name, p.partition()),
                            org.apache.kafka.clients.admin.OffsetSpec.latest())));
                    admin.listOffsets(specs).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + names + " have no leader after " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private List<String> conflicts(List<Topic<?, ?>> present)
            throws InterruptedException, TimeoutException, ExecutionException {
        if (present.isEmpty()) {
            return List.of();
        }
        Map<ConfigResource, Topic<?, ?>> byResource = new HashMap<>();
        for (Topic<?, ?> topic : present) {
            byResource.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()), topic);
        }
        Map<ConfigResource, Config> actual = admin.describeConfigs(byResource.keySet()).all()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<String> conflicts = new ArrayList<>();
        byResource.entrySet().stream()
                .sorted(Map.Entry.comparingByKey((a, b) -> a.name().compareTo(b.name())))
                .forEach(e -> {
                    Config config = actual.get(e.getKey());
                    e.getValue().configs().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(want -> {
                        ConfigEntry have = config.get(want.getKey());
                        String value = have == null ? null : have.value();
                        if (!want.getValue().equals(value)) {
                            conflicts.add(e.getKey().name() + ": " + want.getKey() + " is " + value
                                    + ", expected " + want.getValue());
                        }
                    });
                });
        return conflicts;
    }
}
