package io.incidentstreams.cli;

import io.incidentstreams.broker.BrokerLockedException;
import io.incidentstreams.broker.DataDirLock;
import io.incidentstreams.broker.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the embedded single-node KRaft broker in the foreground until Ctrl-C. Other commands started without
 * --bootstrap-servers find it through the address file in its data directory. One broker per data directory: a
 * second start is refused with the process that holds it; {@code --status} and {@code --stop} act on that process.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Runs the embedded single-node Kafka broker in the foreground until Ctrl-C.",
                "One broker per data folder: a second start on the same folder names the process that holds it and exits 2.",
                "--status tells whether one runs (exit 0) or not (exit 1); --stop stops it gracefully.",
                "--secure listens with SASL_SSL (SCRAM-SHA-512) instead of PLAINTEXT and writes the client settings"
                        + " every command needs to client.properties in its folder: pass it with --config-file."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Stopped normally (--status: a broker runs; --stop: it stopped).",
                "1:The broker failed (--status: none runs; --stop: none ran, or it did not stop).",
                "2:Usage error, or the data folder is in use by another broker."})
final class BrokerCommand implements Callable<Integer> {
    static final Duration STOP_WAIT = Duration.ofSeconds(75);
    /** The client settings of a broker started with --secure, in its folder. */
    static final String CLIENT_PROPERTIES = "client.properties";

    @Option(names = "--port", defaultValue = "9092", description = "Listener port on 127.0.0.1 (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Broker data (default: .incidents/broker in the project).")
    Path dataDir;

    @Option(names = "--secure", description = {"SASL_SSL listener with SCRAM-SHA-512: a self-signed certificate for 127.0.0.1,"
            + " a truststore and the user 'incidents' with a random password, made on first start and kept with the data;"
            + " writes client.properties (bootstrap.servers, security.protocol, sasl.*, ssl.truststore.*) in the broker folder.",
            "Default folder: .incidents/secure-broker (give --secure with --status and --stop too)."})
    boolean secure;

    @ArgGroup(exclusive = true)
    Action action;

    static final class Action {
        @Option(names = "--status", description = "Print whether a broker runs on the data folder, its address and process id.")
        boolean status;

        @Option(names = "--stop", description = "Stop the broker running on the data folder (SIGTERM to its process) and wait for it.")
        boolean stop;
    }

    @Override
    public Integer call() throws Exception {
        Path dir = (dataDir != null ? dataDir : Cli.dataDir().resolve(secure ? "secure-broker" : "broker"))
                .toAbsolutePath().normalize();
        if (action != null && action.status) {
            return status(dir);
        }
        if (action != null && action.stop) {
            return stop(dir);
        }
        Files.createDirectories(dir);
        KafkaBroker broker;
        try {
            KafkaBroker.Builder builder = KafkaBroker.builder().dataDir(dir.resolve("data")).port(port)
                    .owner(Cli.commandLine()).notices(Cli::err);
            broker = (secure ? builder.secure() : builder).start();
        } catch (BrokerLockedException e) {
            Cli.err(Brokers.lockedMessage(e) + "; 'incidents broker --stop"
                    + (dataDir != null ? " --data-dir " + dataDir : "") + "' stops it");
            return IncidentsCli.USAGE;
        }
        Path clientProperties = dir.resolve(CLIENT_PROPERTIES);
        try (broker) {
            Brokers.writeAddress(dir, broker.bootstrapServers());
            if (secure) {
                writeClientProperties(clientProperties, broker.clientProperties());
            }
            String stop = "'incidents broker --stop" + (secure ? " --secure" : "") + "'";
            Cli.err("broker up at " + broker.bootstrapServers() + (secure ? " with SASL_SSL (SCRAM-SHA-512)" : "")
                    + " (data in " + dir + ", pid " + ProcessHandle.current().pid() + "); Ctrl-C or " + stop + " stops it");
            if (secure) {
                Cli.err("client settings in " + clientProperties + ": give every command --config-file " + clientProperties);
            }
            Cli.OUT.println(broker.bootstrapServers());
            broker.awaitExit();
        } finally {
            Files.deleteIfExists(dir.resolve(Brokers.ADDRESS_FILE));
        }
        return IncidentsCli.OK;
    }

    /** The client settings of a secured broker, readable by the owner only: they hold its password. */
    static void writeClientProperties(Path file, java.util.Map<String, String> settings) throws java.io.IOException {
        StringBuilder text = new StringBuilder("# Kafka client settings of the secured embedded broker, for every command:\n"
                + "#   incidents <command> --config-file " + file + "\n");
        settings.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(tmp, text, java.nio.charset.StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static int status(Path dir) {
        Optional<DataDirLock.Holder> holder = DataDirLock.holder(dir.resolve("data"));
        if (holder.isEmpty()) {
            Cli.OUT.println("no broker running on " + dir);
            return IncidentsCli.FAILED;
        }
        DataDirLock.Holder h = holder.get();
        Cli.OUT.println("broker running on " + dir + ": " + h.describe()
                + (h.bootstrapServers() == null ? ", not answering yet" : ", listening on " + h.bootstrapServers())
                + (h.since() == null ? "" : ", since " + h.since()));
        return IncidentsCli.OK;
    }

    private static int stop(Path dir) throws InterruptedException {
        Optional<DataDirLock.Holder> holder = DataDirLock.holder(dir.resolve("data"));
        if (holder.isEmpty()) {
            Cli.err("no broker running on " + dir + " to stop");
            return IncidentsCli.FAILED;
        }
        DataDirLock.Holder h = holder.get();
        Optional<ProcessHandle> process = ProcessHandle.of(h.pid());
        if (h.pid() == ProcessHandle.current().pid() || process.isEmpty()) {
            Cli.err("cannot stop the broker on " + dir + ": its holder, " + h.describe() + ", cannot be signalled");
            return IncidentsCli.FAILED;
        }
        Cli.err("stopping the broker on " + dir + " held by " + h.describe() + "...");
        process.get().destroy();
        try {
            process.get().onExit().get(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            Cli.err("process " + h.pid() + " did not stop within " + STOP_WAIT.toSeconds() + " s");
            return IncidentsCli.FAILED;
        } catch (java.util.concurrent.ExecutionException e) {
            // It is gone.
        }
        // The stopped command removes its address file on the way out, unless its JVM ended first.
        if (DataDirLock.holder(dir.resolve("data")).isEmpty()) {
            try {
                Files.deleteIfExists(dir.resolve(Brokers.ADDRESS_FILE));
            } catch (java.io.IOException e) {
                Cli.err("could not delete " + dir.resolve(Brokers.ADDRESS_FILE) + ": " + e.getMessage());
            }
        }
        Cli.err("broker stopped");
        return IncidentsCli.OK;
    }
}
