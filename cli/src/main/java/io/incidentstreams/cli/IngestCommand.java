package io.incidentstreams.cli;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.IngestSummary;
import io.incidentstreams.ingest.Ingester;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Publishes articles to the raw-articles topic. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Publishes articles to the raw-articles topic.",
        subcommands = {IngestCommand.Files.class, FeedIngestCommand.class, WatchIngestCommand.class})
final class IngestCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(Cli.ERR);
        return IncidentsCli.USAGE;
    }

    @Command(name = "files", mixinStandardHelpOptions = true,
            description = {"Publishes article files and folders: sample text (optional ' date YYYY-MM-DD ' prefix) and JSON Lines.",
                    "Bad files are reported, sent to the dead-letter topic, and skipped; exit code 1 if any was rejected.",
                    "Symbolic links inside folders are rejected unless --follow-links is given."})
    static final class Files implements Callable<Integer> {
        @Mixin
        KafkaOptions kafka;

        @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or folders (read recursively).")
        List<Path> paths;

        @Option(names = "--follow-links",
                description = "Read symbolic links found inside folders; by default they are rejected and reported.")
        boolean followLinks;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            for (Path p : paths) {
                if (!java.nio.file.Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "no such file or folder: " + p);
                }
            }
            try (Brokers brokers = Brokers.resolve(kafka, System.getenv(), Cli.dataDir(), Map.of())) {
                IngestSummary summary = ingest(brokers.config(), paths,
                        IngestOptions.defaults().withFollowLinks(followLinks));
                return summary.rejected() == 0 ? IncidentsCli.OK : IncidentsCli.FAILED;
            }
        }
    }

    /** Ingests with progress and a summary on stderr. */
    static IngestSummary ingest(PipelineConfig config, List<Path> inputs) {
        return ingest(config, inputs, IngestOptions.defaults());
    }

    static IngestSummary ingest(PipelineConfig config, List<Path> inputs, IngestOptions options) {
        IngestSummary summary = new Ingester(config, options).ingest(inputs,
                p -> Cli.err("ingest: " + p.describe()));
        Cli.err("ingest: " + summary.describe());
        return summary;
    }
}
