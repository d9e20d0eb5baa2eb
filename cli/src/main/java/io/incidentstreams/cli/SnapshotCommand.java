package io.incidentstreams.cli;

import io.incidentstreams.model.Incident;
import io.incidentstreams.sink.IncidentFormat;
import io.incidentstreams.sink.IncidentSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Prints the live incidents: the compacted topic read to its end, tombstoned ids left out. */
@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = "Reads the incidents topic to its end and prints the live incidents.")
final class SnapshotCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--format", defaultValue = "table", description = "table or json (one incident per line). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--timeout", defaultValue = "PT60S", paramLabel = "DURATION", description = "Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() {
        try (Brokers brokers = Brokers.resolve(kafka, System.getenv(), Cli.dataDir(), Map.of())) {
            print(IncidentSnapshot.read(brokers.config(), timeout), format);
        }
        return IncidentsCli.OK;
    }

    static void print(List<Incident> incidents, OutputFormat format) {
        if (format == OutputFormat.json) {
            incidents.forEach(i -> Cli.OUT.println(IncidentFormat.jsonLine(i)));
        } else {
            Cli.OUT.print(IncidentFormat.table(incidents));
        }
        Cli.OUT.flush();
    }
}
