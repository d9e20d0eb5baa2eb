package io.incidentstreams.cli;

import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentMention;
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
        description = "Reads the incidents topic to its end and prints the live incidents (--unresolved: the reports waiting for one).")
final class SnapshotCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--format", defaultValue = "table", description = "table or json (one incident per line). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--timeout", defaultValue = "60s", paramLabel = "DURATION", description = "Longest wait (30s, 5m, 1h or ISO-8601 PT30S). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--unresolved", description = "Print the reports that wait for an incident to join (no month, or no place)"
            + " instead of the incidents.")
    boolean unresolved;

    @Override
    public Integer call() {
        try (Brokers brokers = Brokers.resolve(kafka, System.getenv(), Cli.dataDir(), Map.of())) {
            if (unresolved) {
                printWaiting(IncidentSnapshot.unresolved(brokers.config(), timeout), format);
            } else {
                print(IncidentSnapshot.read(brokers.config(), timeout), format);
            }
        }
        return IncidentsCli.OK;
    }

    static void printWaiting(List<IncidentMention> mentions, OutputFormat format) {
        if (format == OutputFormat.json) {
            mentions.forEach(m -> Cli.OUT.println(IncidentFormat.jsonLine(m)));
        } else {
            Cli.OUT.print(IncidentFormat.waitingTable(mentions));
        }
        Cli.OUT.flush();
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
