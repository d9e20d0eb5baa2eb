package io.incidentstreams.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A KRaft cluster of several combined nodes (broker and controller) on 127.0.0.1, each a {@link KafkaBroker} in a
 * child JVM with its own data dir and ports, all formatted with one cluster id and voting in one static quorum.
 *
 * <p>Made for fault tests: every internal topic is replicated to all nodes (at most three) with a min ISR one
 * below that, and so are topics created without an explicit replication factor, so that one node can be killed
 * with SIGKILL ({@link #kill(int)}) and the cluster goes on accepting {@code acks=all} writes and transactions.
 *
 * <pre>{@code
 * try (KafkaCluster cluster = KafkaCluster.builder().nodes(3).start()) {
 *     String bootstrap = cluster.bootstrapServers();
 *     cluster.kill(0);
 *     cluster.restart(0);
 * }
 * }</pre>
 *
 * <p>The nodes start in parallel: a node of a multi-voter quorum serves clients only once a majority of the voters
 * is up, so starting them one after another would wait forever on the first.
 */
public final class KafkaCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCluster.class);
    private static final long MIN_BACKOFF_MS = 25;
    private static final long MAX_BACKOFF_MS = 250;

    private final List<KafkaBroker> nodes;
    private final String clusterId;
    private final Duration startupTimeout;
    private boolean closed;

    private KafkaCluster(List<KafkaBroker> nodes, String clusterId, Duration startupTimeout) {
        this.nodes = List.copyOf(nodes);
        this.clusterId = clusterId;
        this.startupTimeout = startupTimeout;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Every node's PLAINTEXT address, comma-separated, in node order. */
    public String bootstrapServers() {
        return nodes.stream().map(KafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    public String clusterId() {
        return clusterId;
    }

    public int size() {
        return nodes.size();
    }

    /** Node {@code index} (from 0); its Kafka {@code node.id} is {@code index + 1}. */
    public KafkaBroker node(int index) {
        return nodes.get(index);
    }

    /** Kills node {@code index} with SIGKILL (see {@link KafkaBroker#kill()}) and waits until its JVM is gone. */
    public void kill(int index) {
        LOG.info("killing node {} of cluster {}", index + 1, clusterId);
        node(index).kill();
    }

    /**
     * Starts node {@code index} again on its data and ports (stopping it first if it runs), and returns once it
     * answers and the cluster's metadata lists every node again.
     */
    public void restart(int index) {
        node(index).restart();
        awaitAllRegistered();
    }

    /**
     * Partitions, on any topic the internal ones included, that have no leader or whose ISR lacks one of their
     * replicas, as {@code topic-partition}; empty when every replica is in sync. A node restarted after a kill is
     * back in the ISR of its partitions only once it has caught up with their leaders.
     */
    public List<String> partitionsNotInSync() {
        try (Admin admin = admin(Duration.ofSeconds(5))) {
            Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(10, TimeUnit.SECONDS);
            Collection<TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames()
                    .get(10, TimeUnit.SECONDS).values();
            List<String> lagging = new ArrayList<>();
            for (TopicDescription description : descriptions) {
                for (TopicPartitionInfo p : description.partitions()) {
                    if (p.leader() == null || p.leader().isEmpty() || p.isr().size() < p.replicas().size()) {
                        lagging.add(description.name() + "-" + p.partition());
                    }
                }
            }
            return lagging;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe the topics of cluster " + clusterId, e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cluster " + clusterId + " did not describe its topics in time", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing the topics of cluster " + clusterId, e);
        }
    }

    /**
     * Kills every node and deletes their data. A test cluster's data is thrown away, and a graceful stop of a
     * quorum whose voters go one by one can wait for a controller that has already left.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        RuntimeException failure = null;
        for (KafkaBroker node : nodes) {
            try {
                node.kill();
                node.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "KafkaCluster[" + clusterId + ", " + bootstrapServers() + "]";
    }

    private Admin admin(Duration apiTimeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-cluster-" + clusterId);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(apiTimeout.toMillis(), 5000)));
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(apiTimeout.toMillis()));
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "25");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "250");
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "25");
        return Admin.create(props);
    }

    /**
     * Polls until the cluster's metadata lists every node. Each pause waits on a node's JVM, so a node that dies
     * ends the wait at once with its log.
     */
    private void awaitAllRegistered() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        long backoff = MIN_BACKOFF_MS;
        int round = 0;
        try (Admin admin = admin(Duration.ofSeconds(2))) {
            while (true) {
                Exception last = null;
                try {
                    Collection<Node> registered = admin.describeCluster(new DescribeClusterOptions().timeoutMs(1500))
                            .nodes().get(2, TimeUnit.SECONDS);
                    if (registered.size() == nodes.size()) {
                        return;
                    }
                } catch (ExecutionException e) {
                    last = e.getCause() instanceof Exception cause ? cause : e;
                } catch (TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for cluster " + clusterId, e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("cluster " + clusterId + " does not list all " + nodes.size()
                            + " nodes after " + startupTimeout.toSeconds() + " s"
                            + (last == null ? "" : " (last error: " + last + ")"));
                }
                KafkaBroker watched = nodes.get(round++ % nodes.size());
                if (watched.exitsWithin(Duration.ofMillis(backoff))) {
                    throw new IllegalStateException("node " + watched + " of cluster " + clusterId
                            + " exited; its log " + watched.logFile() + " ends with:\n"
                            + KafkaBroker.tail(watched.logFile(), 40));
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
            }
        }
    }

    /**
     * The settings every node shares, before the builder's own: the static quorum, and replication of internal
     * and default topics to {@code min(nodes, 3)} replicas with a min ISR one below (at least 1).
     */
    static Map<String, String> sharedSettings(List<Integer> controllerPorts) {
        StringBuilder voters = new StringBuilder();
        for (int i = 0; i < controllerPorts.size(); i++) {
            if (i > 0) {
                voters.append(',');
            }
            voters.append(i + 1).append("@127.0.0.1:").append(controllerPorts.get(i));
        }
        String replicas = String.valueOf(Math.min(controllerPorts.size(), 3));
        String minIsr = String.valueOf(Math.max(1, Math.min(controllerPorts.size(), 3) - 1));
        Map<String, String> p = new LinkedHashMap<>();
        p.put("controller.quorum.voters", voters.toString());
        p.put("offsets.topic.replication.factor", replicas);
        p.put("transaction.state.log.replication.factor", replicas);
        p.put("transaction.state.log.min.isr", minIsr);
        p.put("share.coordinator.state.topic.replication.factor", replicas);
        p.put("share.coordinator.state.topic.min.isr", minIsr);
        p.put("default.replication.factor", replicas);
        p.put("min.insync.replicas", minIsr);
        return p;
    }

    /** Options of a cluster; {@link #start()} launches every node and returns once all of them are registered. */
    public static final class Builder {
        private int nodes = 3;
        private int heapMb = 256;
        private Duration startupTimeout = Duration.ofSeconds(120);
        private Path logDir;
        private final Map<String, String> brokerConfig = new LinkedHashMap<>();
        private final List<String> jvmOptions = new ArrayList<>();

        private Builder() {
        }

        /** How many combined nodes, all voters of the quorum; 3 by default. */
        public Builder nodes(int nodes) {
            if (nodes < 1 || nodes > 9) {
                throw new IllegalArgumentException("nodes must be between 1 and 9: " + nodes);
            }
            this.nodes = nodes;
            return this;
        }

        /** Maximum heap of each node's JVM; 256 MiB by default. */
        public Builder heapMb(int heapMb) {
            this.heapMb = heapMb;
            return this;
        }

        /** How long starting the cluster, and each restart of a node, may take; 120 s by default. */
        public Builder startupTimeout(Duration startupTimeout) {
            this.startupTimeout = Objects.requireNonNull(startupTimeout, "startupTimeout");
            return this;
        }

        /** Where the nodes' logs go, as {@code node-<id>.log}. Default: each node's data dir. */
        public Builder logDir(Path logDir) {
            this.logDir = Objects.requireNonNull(logDir, "logDir").toAbsolutePath();
            return this;
        }

        /** A server property for every node, over the cluster's defaults. */
        public Builder brokerConfig(String key, String value) {
            brokerConfig.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** An extra JVM option for every node. */
        public Builder jvmOption(String option) {
            jvmOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /**
         * Formats each node's fresh temporary data dir with one new cluster id, launches all nodes at once and waits
         * until every one answers and the metadata lists them all. On failure, the nodes started are killed.
         */
        public KafkaCluster start() {
            String clusterId = Uuid.randomUuid().toString();
            int[] ports = KafkaBroker.freePorts(2 * nodes);
            List<Integer> controllerPorts = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                controllerPorts.add(ports[nodes + i]);
            }
            Map<String, String> shared = sharedSettings(controllerPorts);
            List<KafkaBroker.Builder> builders = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                KafkaBroker.Builder b = KafkaBroker.builder()
                        .port(ports[i])
                        .controllerPort(controllerPorts.get(i))
                        .clusterId(clusterId)
                        .heapMb(heapMb)
                        .startupTimeout(startupTimeout)
                        .owner("node " + (i + 1) + " of cluster " + clusterId);
                shared.forEach(b::brokerConfig);
                b.brokerConfig("node.id", String.valueOf(i + 1));
                brokerConfig.forEach(b::brokerConfig);
                jvmOptions.forEach(b::jvmOption);
                if (logDir != null) {
                    b.logFile(logDir.resolve("node-" + (i + 1) + ".log"));
                }
                builders.add(b);
            }

            ExecutorService launcher = Executors.newFixedThreadPool(nodes, r -> {
                Thread t = new Thread(r, "kafka-cluster-start");
                t.setDaemon(true);
                return t;
            });
            List<CompletableFuture<KafkaBroker>> starts = new ArrayList<>();
            try {
                for (KafkaBroker.Builder b : builders) {
                    starts.add(CompletableFuture.supplyAsync(b::start, launcher));
                }
                List<KafkaBroker> started = new ArrayList<>();
                RuntimeException failure = null;
                for (CompletableFuture<KafkaBroker> start : starts) {
                    try {
                        started.add(start.join());
                    } catch (CompletionException e) {
                        RuntimeException cause = e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException(e.getCause());
                        if (failure == null) {
                            failure = cause;
                        } else {
                            failure.addSuppressed(cause);
                        }
                    }
                }
                KafkaCluster cluster = new KafkaCluster(started, clusterId, startupTimeout);
                if (failure != null) {
                    cluster.close();
                    throw failure;
                }
                try {
                    cluster.awaitAllRegistered();
                } catch (RuntimeException e) {
                    cluster.close();
                    throw e;
                }
                LOG.info("Kafka cluster {} of {} nodes ready on {}", clusterId, nodes, cluster.bootstrapServers());
                return cluster;
            } finally {
                launcher.shutdown();
            }
        }
    }
}
