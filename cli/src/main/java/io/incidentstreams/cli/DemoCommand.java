package io.incidentstreams.cli;

import io.incidentstreams.broker.KafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.ProcessingProgress;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.ingest.IngestSummary;
import io.incidentstreams.ingest.Ingester;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.sink.IncidentSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The whole pipeline on a fresh embedded broker: ingest a folder, run enrich until every article is processed,
 * print the snapshot, stop everything. Nothing outlives the command.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Starts an embedded broker, ingests articles, runs enrich until all are processed, prints the incidents.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--articles", paramLabel = "DIR", description = "Articles to ingest (default: the project's samples/articles).")
    Path articles;

    @Option(names = "--format", defaultValue = "table", description = "table or json (one incident per line on stdout). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Mixin
    RulesOption rules;

    @Option(names = "--timeout", defaultValue = "5m", paramLabel = "DURATION", description = "Give up after this long (30s, 5m, 1h or ISO-8601 PT5M). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        Path input = articles != null ? articles : Cli.home().resolve("samples").resolve("articles");
        if (!Files.exists(input)) {
            Cli.err("no articles at " + input + " (give --articles DIR)");
            return IncidentsCli.USAGE;
        }
        long t0 = System.nanoTime();
        Result result = run(List.of(input), rules.settings(), timeout);
        SnapshotCommand.print(result.incidents(), format);
        Cli.err(String.format("demo: %d articles published, %d rejected, %d incidents, %d reports waiting for an incident, %.1f s",
                result.summary().published(), result.summary().rejected(), result.incidents().size(),
                result.unresolved().size(), (System.nanoTime() - t0) / 1e9));
        return IncidentsCli.OK;
    }

    /** What one run of the pipeline published. */
    record Result(IngestSummary summary, List<Incident> incidents, List<IncidentMention> unresolved) {
    }

    /**
     * Ingests {@code inputs} on a fresh embedded broker, runs enrich until every article is processed, and returns the
     * live incidents. The broker and its data are gone when this returns.
     */
    static Result run(List<Path> inputs, Map<String, String> ruleSettings, Duration timeout) throws Exception {
        Files.createDirectories(Cli.dataDir());
        Path work = Files.createTempDirectory(Cli.dataDir(), "demo-");
        Cli.err("starting the embedded Kafka broker...");
        try (KafkaBroker broker = KafkaBroker.builder().dataDir(work.resolve("broker")).start()) {
            Cli.err("broker up at " + broker.bootstrapServers());
            Map<String, String> settings = new HashMap<>();
            settings.put(PipelineConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
            settings.put(PipelineConfig.STATE_DIR, work.resolve("state").toString());
            settings.putAll(ruleSettings);
            PipelineConfig config = new PipelineConfig(settings);

            IngestSummary summary = IngestCommand.ingest(config, inputs);
            Extractor extractor = RulesOption.extractor(config);
            Cli.err("enrich: rules " + extractor.rulesVersion() + ", exactly-once v2");
            try (EnrichApp app = new EnrichApp(config, extractor::extract, extractor.rulesVersion());
                 Admin admin = Admin.create(config.clientProperties())) {
                app.start();
                new ProcessingProgress(admin, config.getString(PipelineConfig.APPLICATION_ID),
                        config.topics().rawArticles.name())
                        .awaitCaughtUp(timeout, new LagPrinter());
                if (app.fatalError() != null) {
                    throw new IllegalStateException("enrich failed: " + app.fatalError().getMessage(), app.fatalError());
                }
            }
            return new Result(summary, IncidentSnapshot.read(config, Duration.ofSeconds(30)),
                    IncidentSnapshot.unresolved(config, Duration.ofSeconds(30)));
        } finally {
            Files.walk(work).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Prints enrich's remaining work when it changes. */
    static final class LagPrinter implements java.util.function.Consumer<Map<String, Long>> {
        private long last = Long.MIN_VALUE;

        @Override
        public void accept(Map<String, Long> lag) {
            long total = lag.values().stream().mapToLong(v -> v < 0 ? 0 : v).sum();
            if (total != last) {
                Cli.err("enrich: " + total + " records left to process");
                last = total;
            }
        }
    }
}
