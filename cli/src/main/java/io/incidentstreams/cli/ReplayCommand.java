package io.incidentstreams.cli;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.enrich.replay.Replay;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Reprocesses the raw topic with the current rules; incidents that no longer exist get tombstones. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Reprocesses the raw-articles topic with the current rules, deterministically.",
                "Resets enrich (offsets, internal topics, local state), runs it to the end, then tombstones incidents that no longer exist.",
                "Stop any running enrich first."})
final class ReplayCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--from", paramLabel = "DATE|INSTANT",
            description = "Keep state and re-read only records published since this date (UTC midnight) or instant,"
                    + " e.g. 2026-01-01 or 2026-01-01T12:00:00Z.")
    Instant from;

    @Mixin
    RulesOption rules;

    @Option(names = "--timeout", defaultValue = "30m", paramLabel = "DURATION", description = "Longest wait (30s, 5m, 1h or ISO-8601 PT30S). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Override
    public Integer call() throws Exception {
        Map<String, String> extra = new HashMap<>();
        extra.putAll(rules.settings());
        try (Brokers brokers = Brokers.resolve(kafka, System.getenv(), Cli.dataDir(), extra)) {
            PipelineConfig config = brokers.config();
            Extractor extractor = RulesOption.extractor(config);
            Replay.Result result = Replay.run(config, extractor::extract, extractor.rulesVersion(), from, timeout,
                    line -> Cli.err("replay: " + line));
            Cli.err(String.format("replay: done in %.1f s", result.took().toMillis() / 1000.0));
        }
        return IncidentsCli.OK;
    }
}
