package io.incidentstreams.cli;

import io.incidentstreams.serde.Json;
import io.incidentstreams.sink.IncidentFormat;
import io.incidentstreams.sink.IncidentTail;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Follows the changes on the incidents topic: one line per upsert or tombstone, until Ctrl-C. */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = "Follows changes on the incidents topic (upserts and tombstones) until Ctrl-C.")
final class TailCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--from-beginning", description = "Start at the beginning of the topic instead of its end.")
    boolean fromBeginning;

    @Option(names = "--format", defaultValue = "table", description = "table (one summary line per change) or json. Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--max", defaultValue = "" + Long.MAX_VALUE, paramLabel = "N", description = "Stop after N changes.")
    long max;

    @Override
    public Integer call() throws Exception {
        try (Brokers brokers = Brokers.resolve(kafka, System.getenv(), Cli.dataDir(), Map.of());
             IncidentTail tail = new IncidentTail(brokers.config(), fromBeginning, Duration.ofSeconds(30))) {
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                tail.close();
                try {
                    main.join(5000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Runtime.getRuntime().addShutdownHook(hook);
            tail.follow(change -> {
                if (format == OutputFormat.json) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("id", change.id());
                    line.put("op", change.isTombstone() ? "delete" : "upsert");
                    line.put("incident", change.incident());
                    try {
                        Cli.OUT.println(Json.MAPPER.writeValueAsString(line));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                } else if (change.isTombstone()) {
                    Cli.OUT.println("DELETE " + change.id() + " (merged into another incident)");
                } else {
                    Cli.OUT.println("UPSERT " + IncidentFormat.table(java.util.List.of(change.incident())).lines()
                            .skip(1).findFirst().orElse(change.id()));
                }
            }, max);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is already running: it closes the tail.
            }
        }
        return IncidentsCli.OK;
    }
}
