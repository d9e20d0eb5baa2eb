package io.incidentstreams.cli;

import io.incidentstreams.broker.KafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Settles which broker a command talks to. Given servers win. Otherwise a running {@code incidents broker} is
 * found through the address file it writes in its data directory; failing that, the command starts the embedded
 * broker on that same directory for its own run, so data persists across commands.
 */
final class Brokers implements AutoCloseable {
    static final String ADDRESS_FILE = "bootstrap-servers";

    private final KafkaBroker started;
    /** Keeps a broker this command started alive through Ctrl-C until the command's clients have closed. */
    private final AutoCloseable hold;
    private final PipelineConfig config;

    private Brokers(KafkaBroker started, PipelineConfig config) {
        this.started = started;
        this.hold = started == null ? null : started.hold();
        this.config = config;
    }

    static Brokers resolve(KafkaOptions options, Map<String, String> env, Path home, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(options.layered(env));
        settings.putAll(extra);
        if (settings.containsKey(PipelineConfig.BOOTSTRAP_SERVERS)) {
            return new Brokers(null, new PipelineConfig(settings));
        }
        Path dir = home.resolve("broker");
        String running = runningAt(dir);
        if (running != null) {
            Cli.err("using the embedded broker at " + running + " (started by 'incidents broker')");
            settings.put(PipelineConfig.BOOTSTRAP_SERVERS, running);
            return new Brokers(null, new PipelineConfig(settings));
        }
        Cli.err("no --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS given: starting the embedded broker in " + dir);
        KafkaBroker broker = KafkaBroker.builder().dataDir(dir.resolve("data")).start();
        settings.put(PipelineConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        return new Brokers(broker, new PipelineConfig(settings));
    }

    /** The address a live {@code incidents broker} wrote, if something still listens there. */
    static String runningAt(Path dir) {
        Path file = dir.resolve(ADDRESS_FILE);
        if (!Files.isReadable(file)) {
            return null;
        }
        try {
            String address = Files.readString(file, StandardCharsets.UTF_8).trim();
            int colon = address.lastIndexOf(':');
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address.substring(0, colon),
                        Integer.parseInt(address.substring(colon + 1))), 500);
            }
            return address;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static void writeAddress(Path dir, String address) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(ADDRESS_FILE), address + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(ADDRESS_FILE), e);
        }
    }

    PipelineConfig config() {
        return config;
    }

    @Override
    public void close() {
        if (started != null) {
            try {
                hold.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            started.close();
        }
    }
}
