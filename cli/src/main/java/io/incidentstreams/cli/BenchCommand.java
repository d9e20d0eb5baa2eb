package io.incidentstreams.cli;

import io.incidentstreams.bench.BenchReport;
import io.incidentstreams.bench.PipelineBenchmark;
import io.incidentstreams.config.ConfigLoader;
import io.incidentstreams.config.PipelineConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Throughput and latency of the pipeline against raw Kafka, in one run on a broker of its own; see
 * {@link PipelineBenchmark} and docs/benchmarks.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures the pipeline against raw Kafka in one run, on an embedded broker of its own: "
                + "raw records/s, pipeline articles/s, their ratio, publish-to-incident latency and peak heap.",
                "Kafka client and project settings pass through with -X (e.g. -X commit.interval.ms=50)."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--articles", defaultValue = "" + PipelineBenchmark.DEFAULT_ARTICLES, paramLabel = "N",
            description = "Synthetic articles of about 3 kB in the throughput phase. Default: ${DEFAULT-VALUE}.")
    int articles;

    @Option(names = "--format", defaultValue = "table",
            description = "table or json (one line on stdout). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--seed", defaultValue = "" + PipelineBenchmark.DEFAULT_SEED,
            description = "Seed of the article generator. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--latency-load", defaultValue = "" + PipelineBenchmark.DEFAULT_LATENCY_LOAD, paramLabel = "SHARE",
            description = "The latency phase publishes at this share of the measured pipeline rate, in (0, 1]. "
                    + "Default: ${DEFAULT-VALUE}.")
    double latencyLoad;

    @Option(names = "--timeout", defaultValue = "10m", paramLabel = "DURATION",
            description = "Longest wait for any phase (30s, 5m, 1h or ISO-8601 PT5M). Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(names = "--config-file", paramLabel = "FILE",
            description = "Properties file: project keys and any Kafka client property.")
    Path configFile;

    @Option(names = {"-X", "--property"}, paramLabel = "KEY=VALUE",
            description = "A project key or Kafka client property, e.g. -X commit.interval.ms=100. Repeatable.")
    Map<String, String> properties = new LinkedHashMap<>();

    @Mixin
    RulesOption rules;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (articles < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--articles must be at least 1");
        }
        if (!(latencyLoad > 0 && latencyLoad <= 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--latency-load must be in (0, 1]");
        }
        if (properties.containsKey(PipelineConfig.BOOTSTRAP_SERVERS)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "bootstrap.servers does not apply: the bench runs a broker of its own");
        }
        // Layered as for every command (file, then environment, then flags), on a broker of its own.
        Map<String, String> settings = new HashMap<>(ConfigLoader.layer(configFile, System.getenv(), properties));
        if (settings.remove(PipelineConfig.BOOTSTRAP_SERVERS) != null) {
            Cli.err("ignoring bootstrap.servers from the environment or config file: the bench runs a broker of its own");
        }
        settings.putAll(rules.settings());
        PipelineBenchmark.Options options = new PipelineBenchmark.Options(articles, seed, latencyLoad, timeout,
                settings, Cli.dataDir());
        BenchReport report = new PipelineBenchmark(options, line -> Cli.err("bench: " + line)).run();
        Cli.OUT.print(format == OutputFormat.json ? report.toJson() + System.lineSeparator() : report.toTable());
        Cli.OUT.flush();
        return IncidentsCli.OK;
    }
}
