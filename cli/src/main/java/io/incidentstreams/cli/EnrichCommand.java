package io.incidentstreams.cli;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.enrich.ProcessingProgress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
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

    @Option(names = "--progress-interval", defaultValue = "10s", paramLabel = "DURATION",
            description = "How often to print progress on stderr (records behind, records/s, caught up); 0 never."
                    + " Default: ${DEFAULT-VALUE}.")
    Duration progressInterval;

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
                Cli.err("enrich running (rules " + extractor.rulesVersion() + ", state in "
                        + config.getString(PipelineConfig.STATE_DIR) + "); Ctrl-C stops it");
                try (AutoCloseable progress = reportProgress(app, config, progressInterval)) {
                    app.awaitStop();
                }
                if (app.fatalError() != null) {
                    Cli.err("error: " + IncidentsCli.message(app.fatalError()));
                    return IncidentsCli.FAILED;
                }
            }
        }
        return IncidentsCli.OK;
    }

    /** Prints where enrich is, every {@code interval}, from its committed offsets and its stream threads' metrics. */
    static AutoCloseable reportProgress(EnrichApp app, PipelineConfig config, Duration interval) {
        if (interval.isZero() || interval.isNegative()) {
            return () -> { };
        }
        Properties props = new Properties();
        config.clientProperties().forEach((k, v) -> {
            if (AdminClientConfig.configNames().contains(k.toString())) {
                props.put(k, v);
            }
        });
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "incidents-enrich-progress");
        Admin admin = Admin.create(props);
        ProcessingProgress lag = new ProcessingProgress(admin, config.getString(PipelineConfig.APPLICATION_ID),
                config.topics().rawArticles.name());
        EnrichStatus.Progress progress = new EnrichStatus.Progress();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "enrich-progress");
            t.setDaemon(true);
            return t;
        });
        long first = Math.min(interval.toMillis(), 5000);
        timer.scheduleWithFixedDelay(() -> {
            KafkaStreams streams = app.streams();
            if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
                return;
            }
            try {
                long behind = EnrichStatus.behind(lag.lag());
                progress.next(behind, processed(streams), System.nanoTime()).ifPresent(line -> Cli.err("enrich: " + line));
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                // The next round tries again; a broker that is gone shows in Streams' own state.
            }
        }, first, interval.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            timer.shutdownNow();
            admin.close(Duration.ZERO);
        };
    }

    /** Records the stream threads have processed so far. */
    static double processed(KafkaStreams streams) {
        return streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("process-total") && e.getKey().group().equals("stream-thread-metrics"))
                .mapToDouble(e -> e.getValue().metricValue() instanceof Number n ? n.doubleValue() : 0).sum();
    }
}
