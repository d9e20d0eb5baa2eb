package io.incidentstreams.cli;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.extract.Extractor;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs the enrich Kafka Streams app until Ctrl-C or a fatal error. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Runs the enrich Kafka Streams app (exactly-once v2) until Ctrl-C.")
final class EnrichCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    RulesOption rules;

    @Option(names = "--application-id", paramLabel = "ID", description = "Kafka Streams application id (default: " + PipelineConfig.DEFAULT_APPLICATION_ID + ").")
    String applicationId;

    @Override
    public Integer call() throws Exception {
        Map<String, String> extra = new HashMap<>();
        extra.putAll(rules.settings());
        if (applicationId != null) {
            extra.put(PipelineConfig.APPLICATION_ID, applicationId);
        }
        try (Brokers brokers = Brokers.resolve(kafka, System.getenv(), Cli.dataDir(), extra)) {
            PipelineConfig config = brokers.config();
            Extractor extractor = RulesOption.extractor(config);
            try (EnrichApp app = new EnrichApp(config, extractor::extract, extractor.rulesVersion())) {
                Thread hook = new Thread(app::close, "enrich-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                app.start();
                Cli.err("enrich running (rules " + extractor.rulesVersion() + "); Ctrl-C stops it");
                app.awaitStop();
                if (app.fatalError() != null) {
                    Cli.err("error: " + IncidentsCli.message(app.fatalError()));
                    return IncidentsCli.FAILED;
                }
            }
        }
        return IncidentsCli.OK;
    }
}
