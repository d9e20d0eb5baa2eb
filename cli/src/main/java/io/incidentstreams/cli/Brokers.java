package io.incidentstreams.cli;

import io.incidentstreams.broker.BrokerLockedException;
import io.incidentstreams.broker.DataDirLock;
import io.incidentstreams.broker.KafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.errors.AuthenticationException;
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
            PipelineConfig given = new PipelineConfig(settings);
            settings.putIfAbsent(PipelineConfig.STATE_DIR, stateDir(home, given.bootstrapServers()).toString());
            PipelineConfig config = new PipelineConfig(settings);
            awaitBroker(config);
            return new Brokers(null, config);
        }
        settings.putIfAbsent(PipelineConfig.STATE_DIR, stateDir(home, null).toString());
        Path dir = home.resolve("broker");
        String running = runningAt(dir);
        if (running != null) {
            Cli.err("using the embedded broker at " + running + " (started by 'incidents broker')");
            settings.put(PipelineConfig.BOOTSTRAP_SERVERS, running);
            return new Brokers(null, new PipelineConfig(settings));
        }
        Cli.err("no --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS given: starting the embedded broker in " + dir);
        KafkaBroker broker;
        try {
            broker = KafkaBroker.builder().dataDir(dir.resolve("data")).owner(Cli.commandLine()).notices(Cli::err).start();
        } catch (BrokerLockedException e) {
            String address = e.holder().bootstrapServers();
            if (address != null && answers(address)) {
                Cli.err("using the embedded broker at " + address + " that " + e.holder().describe()
                        + " started; it stops when that command ends ('incidents broker' keeps one running)");
                settings.put(PipelineConfig.BOOTSTRAP_SERVERS, address);
                return new Brokers(null, new PipelineConfig(settings));
            }
            throw new BrokerUnavailableException(lockedMessage(e) + ", and no broker answers there yet: wait for it,"
                    + " stop it, or give --bootstrap-servers");
        }
        settings.put(PipelineConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        return new Brokers(broker, new PipelineConfig(settings));
    }

    /**
     * Enrich's default local state folder: {@code state/<broker>} in the data folder ({@code .incidents} in the
     * project), keyed by the given bootstrap servers, or {@code embedded} for the project's embedded broker, so that
     * neither checkouts nor brokers share state.
     */
    static Path stateDir(Path home, String bootstrapServers) {
        return home.resolve("state").resolve(bootstrapServers == null ? "embedded" : stateName(bootstrapServers));
    }

    static String stateName(String bootstrapServers) {
        String name = bootstrapServers.replaceAll("[^A-Za-z0-9._-]+", "_");
        if (name.length() > 80) {
            name = name.substring(0, 70) + "-" + Integer.toHexString(bootstrapServers.hashCode());
        }
        return name;
    }

    /**
     * Fails within {@code startup.timeout.ms}, in one sentence, when no broker answers at the given servers, rather
     * than let each client wait out its own, longer timeouts and fail with Kafka's raw message.
     */
    static void awaitBroker(PipelineConfig config) {
        long timeout = config.startupTimeout().toMillis();
        Properties props = new Properties();
        config.clientProperties().forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k.toString())) {
                props.put(k, v);
            }
        });
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, Integer.MAX_VALUE));
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout, Integer.MAX_VALUE));
        props.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "incidents-broker-check");
        Admin admin = Admin.create(props);
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) Math.min(timeout, Integer.MAX_VALUE)))
                    .clusterId().get(timeout + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof AuthenticationException) {
                throw new BrokerUnavailableException(authenticationFailed(config, cause));
            }
            String why = cause instanceof org.apache.kafka.common.errors.TimeoutException || cause instanceof TimeoutException
                    ? "" : " (" + IncidentsCli.message(cause) + ")";
            throw new BrokerUnavailableException("no Kafka broker answered at " + config.bootstrapServers()
                    + " within " + DurationConverter.format(config.startupTimeout()) + " (startup.timeout.ms)" + why
                    + "; check --bootstrap-servers or KAFKA_BOOTSTRAP_SERVERS, or give neither to use the embedded broker");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BrokerUnavailableException("interrupted while connecting to Kafka at " + config.bootstrapServers());
        } finally {
            admin.close(Duration.ZERO);
        }
    }

    /**
     * One sentence for a broker that answers but refuses the client: wrong SASL credentials or mechanism
     * ({@link org.apache.kafka.common.errors.SaslAuthenticationException}), or a TLS handshake that fails, such as
     * a certificate the truststore does not trust ({@link org.apache.kafka.common.errors.SslAuthenticationException}).
     */
    static String authenticationFailed(PipelineConfig config, Throwable cause) {
        boolean tls = cause instanceof org.apache.kafka.common.errors.SslAuthenticationException;
        return "authentication failed at " + config.bootstrapServers() + ": "
                + (tls ? "the TLS handshake failed" : "the broker refused the SASL credentials")
                + " (" + IncidentsCli.message(cause) + "); check "
                + (tls ? "security.protocol and ssl.truststore.* (or ssl.keystore.* for mutual TLS)"
                        : "the user and password in sasl.jaas.config, and sasl.mechanism")
                + " in --config-file, -X or KAFKA_* variables";
    }

    /**
     * The address a live {@code incidents broker} wrote, if something still listens there and a process still holds
     * the folder: the broker JVM of a killed {@code incidents broker} still listens for a moment while it exits.
     */
    static String runningAt(Path dir) {
        Path file = dir.resolve(ADDRESS_FILE);
        if (!Files.isReadable(file) || DataDirLock.holder(dir.resolve("data")).isEmpty()) {
            return null;
        }
        try {
            String address = Files.readString(file, StandardCharsets.UTF_8).trim();
            return answers(address) ? address : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether something accepts connections at {@code host:port}. */
    static boolean answers(String address) {
        try (Socket s = new Socket()) {
            int colon = address.lastIndexOf(':');
            s.connect(new InetSocketAddress(address.substring(0, colon),
                    Integer.parseInt(address.substring(colon + 1))), 500);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** One sentence on who holds a broker data folder. */
    static String lockedMessage(BrokerLockedException e) {
        return "a broker already runs on " + e.dataDir().getParent() + ": its data folder is in use by "
                + (e.holder().pid() > 0 ? e.holder().describe() : "another process")
                + (e.holder().bootstrapServers() == null ? "" : ", listening on " + e.holder().bootstrapServers());
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
