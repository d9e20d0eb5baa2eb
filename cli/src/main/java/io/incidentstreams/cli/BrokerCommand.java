package io.incidentstreams.cli;

import io.incidentstreams.broker.KafkaBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the embedded single-node KRaft broker in the foreground until Ctrl-C. Other commands started without
 * --bootstrap-servers find it through the address file in its data directory.
 */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = "Runs the embedded single-node Kafka broker in the foreground until Ctrl-C.")
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "9092", description = "Listener port on 127.0.0.1 (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Broker data (default: .incidents/broker in the project).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : Cli.dataDir().resolve("broker");
        Files.createDirectories(dir);
        try (KafkaBroker broker = KafkaBroker.builder().dataDir(dir.resolve("data")).port(port).start()) {
            Brokers.writeAddress(dir, broker.bootstrapServers());
            Cli.err("broker up at " + broker.bootstrapServers() + " (data in " + dir + "); Ctrl-C stops it");
            Cli.OUT.println(broker.bootstrapServers());
            broker.awaitExit();
        } finally {
            Files.deleteIfExists(dir.resolve(Brokers.ADDRESS_FILE));
        }
        return IncidentsCli.OK;
    }
}
