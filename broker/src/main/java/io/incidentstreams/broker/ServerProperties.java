package io.incidentstreams.broker;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code server.properties} of a single combined KRaft node.
 *
 * <p>Kept apart from {@link KafkaBroker} so the settings can be checked without starting a JVM.
 */
final class ServerProperties {
    static final int NODE_ID = 1;
    static final int DEDUPE_BUFFER_BYTES = 16 * 1024 * 1024;

    private ServerProperties() {
    }

    /**
     * The settings of one node, with {@code overrides} applied last.
     *
     * <p>Why these values: a single node can only hold one replica, so every internal topic goes to replication
     * factor 1 and min ISR 1 (otherwise the first consumer group or transaction fails with
     * INVALID_REPLICATION_FACTOR). Internal topics get one partition because one node serves a handful of groups,
     * and each partition costs index files and coordinator load time. The cleaner's dedupe buffer is allocated on
     * the heap at start-up; its 128 MiB default does not fit a small heap, and compacted topics need the cleaner.
     * Topics are never created implicitly, so the project's explicit topic configs always apply. Both listeners bind
     * to 127.0.0.1 so that a test broker is never reachable from the network. The quorum is static
     * ({@code controller.quorum.voters}) so that a data dir can be reopened with a different controller port.
     * After a SIGKILL the controller refuses the restarted broker until the old registration's session expires
     * (9 s by default). A 6 s session with 1 s heartbeats shortens a restart after a crash while still allowing
     * five missed heartbeats: a node that fences itself on a busy machine leaves its partitions without a leader.
     */
    static Map<String, String> settings(int port, int controllerPort, Path logDir, Map<String, String> overrides) {
        Map<String, String> p = new TreeMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());

        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("num.partitions", "1");

        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(DEDUPE_BUFFER_BYTES));
        p.put("log.cleaner.backoff.ms", "1000");
        p.put("broker.session.timeout.ms", "6000");
        p.put("broker.heartbeat.interval.ms", "1000");
        p.putAll(overrides);
        return p;
    }

    /** Renders settings in the {@code .properties} format, sorted so that two renderings can be compared. */
    static String render(Map<String, String> settings) {
        StringBuilder out = new StringBuilder("# single-node KRaft broker written by io.incidentstreams.broker.KafkaBroker\n");
        new TreeMap<>(settings).forEach((key, value) ->
                out.append(escape(key, true)).append('=').append(escape(value, false)).append('\n'));
        return out.toString();
    }

    /**
     * The part of {@link java.util.Properties#store} escaping that matters on load: separators only in keys, so that
     * listener URLs stay readable in the file.
     */
    private static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':', '#', '!' -> {
                    if (key) {
                        out.append('\\');
                    }
                    out.append(c);
                }
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
