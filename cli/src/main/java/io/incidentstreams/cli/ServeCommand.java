package io.incidentstreams.cli;

import io.incidentstreams.broker.KafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.ProcessingProgress;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.sink.http.ApiServer;
import io.incidentstreams.sink.http.Component;
import io.incidentstreams.sink.http.IncidentIndex;
import io.incidentstreams.sink.http.IncidentView;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Serves the incidents over HTTP: the query API, the live event stream and the timeline page, from an in-memory
 * view of the compacted incidents topic. With {@code --demo} it brings its own broker, ingests the samples and
 * runs enrich in the same process, so one command shows the page.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the incidents over HTTP (API, live stream, timeline page) until Ctrl-C.",
                "GET /incidents (filters, paging), /incidents/{id}, /incidents/stream (Server-Sent Events), /health,",
                "/metrics, and the timeline page at /.",
                "It reads the compacted incidents topic to its end into memory and follows it."})
final class ServeCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Mixin
    RulesOption rules;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "HTTP port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only: the API has no authentication).")
    String bind;

    @Option(names = "--allow-host", paramLabel = "NAME", split = ",",
            description = {"A host name requests may give in their Host header besides the bind address's own (e.g. the",
                    "name of a reverse proxy in front); repeatable, '*' for any. Other names get 421, against DNS rebinding."})
    List<String> allowHosts;

    @Option(names = "--enrich", description = "Also run the enrich Streams app in this process (its state shows in /health and /metrics).")
    boolean enrich;

    @Option(names = "--demo", description = {"Start a fresh embedded broker, ingest the samples (or --articles), run enrich here and serve.",
            "Everything stops on Ctrl-C; the printed broker address takes more articles meanwhile."})
    boolean demo;

    @Option(names = "--articles", paramLabel = "PATH", description = "With --demo: files or folders to ingest (default: the project's samples).")
    List<Path> articles;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            Cli.err("--port must be from 0 to 65535, not " + port);
            return IncidentsCli.USAGE;
        }
        if (articles != null && !demo) {
            Cli.err("--articles goes with --demo; to add articles to a running pipeline use 'incidents ingest files'");
            return IncidentsCli.USAGE;
        }
        if (demo && kafka.bootstrapGiven(System.getenv())) {
            Cli.err("--demo starts its own broker: leave out --bootstrap-servers and KAFKA_BOOTSTRAP_SERVERS");
            return IncidentsCli.USAGE;
        }
        List<Path> inputs = List.of();
        if (demo) {
            inputs = articles != null ? articles : List.of(Cli.home().resolve("samples").resolve("articles"),
                    Cli.home().resolve("samples").resolve("articles.jsonl"));
            for (Path p : inputs) {
                if (!Files.exists(p)) {
                    Cli.err("no articles at " + p + " (give --articles PATH)");
                    return IncidentsCli.USAGE;
                }
            }
        }
        ApiServer.Options options = ApiServer.Options.defaults().withBind(bind).withPort(port)
                .withAllowedHosts(allowHosts == null ? List.of() : allowHosts);
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C: let the main thread stop everything in order (server, view, enrich, broker) before the JVM exits.
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                stopped.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Running running = demo ? Running.demo(kafka, rules, inputs, options)
                : Running.against(kafka, rules, enrich, options)) {
            Cli.err("serving " + running.server.uri() + " (Ctrl-C stops)");
            if (running.broker != null) {
                Cli.err("broker at " + running.broker.bootstrapServers() + ": add articles with ./incidents ingest files --bootstrap-servers "
                        + running.broker.bootstrapServers() + " PATH");
            }
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Cli.err("stopping");
            return running.enrichFailure() == null ? IncidentsCli.OK : IncidentsCli.FAILED;
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The hook is running: the JVM stops after this.
            }
        }
    }

    /** The running server, with the view it serves and whatever it started for itself (enrich, a broker). */
    static final class Running implements AutoCloseable {
        final ApiServer server;
        final IncidentView view;
        final EnrichApp enrichApp;
        final KafkaBroker broker;
        private final EnrichComponent enrichComponent;
        private final AutoCloseable resources;
        private final Path workDir;

        private Running(ApiServer server, IncidentView view, EnrichApp enrichApp, EnrichComponent enrichComponent,
                        KafkaBroker broker, AutoCloseable resources, Path workDir) {
            this.server = server;
            this.view = view;
            this.enrichApp = enrichApp;
            this.enrichComponent = enrichComponent;
            this.broker = broker;
            this.resources = resources;
            this.workDir = workDir;
        }

        static Running against(KafkaOptions kafka, RulesOption rules, boolean withEnrich, ApiServer.Options options) {
            Brokers brokers = Brokers.resolve(kafka, System.getenv(), Cli.dataDir(), rules.settings());
            try {
                return start(brokers.config(), withEnrich, List.of(), options, null, brokers, null);
            } catch (RuntimeException e) {
                brokers.close();
                throw e;
            }
        }

        static Running demo(KafkaOptions kafka, RulesOption rules, List<Path> inputs, ApiServer.Options options)
                throws IOException {
            Files.createDirectories(Cli.dataDir());
            Path work = Files.createTempDirectory(Cli.dataDir(), "serve-demo-");
            Cli.err("starting the embedded Kafka broker...");
            KafkaBroker broker = null;
            try {
                broker = KafkaBroker.builder().dataDir(work.resolve("broker")).start();
                Map<String, String> settings = new HashMap<>(kafka.layered(System.getenv()));
                settings.put(PipelineConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
                settings.put(PipelineConfig.STATE_DIR, work.resolve("state").toString());
                settings.putAll(rules.settings());
                return start(new PipelineConfig(settings), true, inputs, options, broker, null, work);
            } catch (RuntimeException e) {
                if (broker != null) {
                    broker.close();
                }
                delete(work);
                throw e;
            }
        }

        /**
         * Checks the broker, ingests {@code inputs}, starts enrich if asked, then the view and the server.
         *
         * @param broker    a broker this run started and stops, or null
         * @param resources something else to close last, or null
         * @param workDir   a folder to delete at the end, or null
         */
        static Running start(PipelineConfig config, boolean withEnrich, List<Path> inputs, ApiServer.Options options,
                             KafkaBroker broker, AutoCloseable resources, Path workDir) {
            try (Admin admin = Admin.create(config.clientProperties())) {
                EnrichApp.awaitBroker(admin, config.bootstrapServers(), config.startupTimeout());
            }
            if (!inputs.isEmpty()) {
                IngestCommand.ingest(config, inputs);
            }
            EnrichApp app = null;
            EnrichComponent component = null;
            IncidentView view = null;
            try {
                List<Component> components = new ArrayList<>();
                if (withEnrich) {
                    Extractor extractor = RulesOption.extractor(config);
                    app = new EnrichApp(config, extractor::extract, extractor.rulesVersion());
                    app.start();
                    Cli.err("enrich running in this process (rules " + extractor.rulesVersion() + ")");
                    component = new EnrichComponent(app, config);
                    components.add(component);
                }
                view = new IncidentView(config, new IncidentIndex()).start();
                ApiServer server = ApiServer.start(view, options, components);
                return new Running(server, view, app, component, broker, resources, workDir);
            } catch (RuntimeException e) {
                if (view != null) {
                    view.close();
                }
                if (component != null) {
                    component.close();
                }
                if (app != null) {
                    app.close();
                }
                throw e;
            }
        }

        Throwable enrichFailure() {
            return enrichApp == null ? null : enrichApp.fatalError();
        }

        @Override
        public void close() {
            server.close();
            view.close();
            if (enrichComponent != null) {
                enrichComponent.close();
            }
            if (enrichApp != null) {
                enrichApp.close();
            }
            if (broker != null) {
                broker.close();
            }
            if (resources != null) {
                try {
                    resources.close();
                } catch (Exception e) {
                    Cli.err("while stopping: " + IncidentsCli.message(e));
                }
            }
            if (workDir != null) {
                delete(workDir);
            }
        }

        private static void delete(Path dir) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                Cli.err("could not delete " + dir + ": " + e.getMessage());
            }
        }
    }

    /** The enrich Streams app in this process, for /health and /metrics. */
    static final class EnrichComponent implements Component, AutoCloseable {
        private static final long LAG_TTL_NANOS = 2_000_000_000L;

        private final EnrichApp app;
        private final PipelineConfig config;
        private Map<String, Long> lag = Map.of();
        private long lagAt;
        private Admin admin;

        EnrichComponent(EnrichApp app, PipelineConfig config) {
            this.app = app;
            this.config = config;
        }

        @Override
        public String name() {
            return "enrich";
        }

        /** UP only when enrich is RUNNING and at most {@link EnrichStatus#HEALTHY_MAX_LAG} records behind. */
        @Override
        public boolean healthy() {
            return status().healthy();
        }

        private EnrichStatus.Health status() {
            KafkaStreams streams = app.streams();
            Map<String, Long> lag = lag();
            return EnrichStatus.health(streams == null ? null : streams.state(), app.fatalError(),
                    lag.isEmpty() ? null : lag, EnrichStatus.HEALTHY_MAX_LAG);
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            KafkaStreams streams = app.streams();
            d.put("applicationId", config.getString(PipelineConfig.APPLICATION_ID));
            d.put("state", streams == null ? "NOT_STARTED" : streams.state().name());
            d.put("lag", lag());
            d.put("reason", status().reason());
            if (app.fatalError() != null) {
                d.put("error", IncidentsCli.message(app.fatalError()));
            }
            return d;
        }

        @Override
        public synchronized void close() {
            if (admin != null) {
                admin.close();
                admin = null;
            }
        }

        /** Records left to process on enrich's input topics, refreshed at most every two seconds. */
        private synchronized Map<String, Long> lag() {
            if (System.nanoTime() - lagAt > LAG_TTL_NANOS) {
                try {
                    if (admin == null) {
                        admin = Admin.create(config.clientProperties());
                    }
                    lag = new java.util.TreeMap<>(new ProcessingProgress(admin, config.getString(PipelineConfig.APPLICATION_ID),
                            config.topics().rawArticles.name()).lag());
                } catch (Exception e) {
                    if (e instanceof InterruptedException) {
                        Thread.currentThread().interrupt();
                    }
                    lag = Map.of();
                }
                lagAt = System.nanoTime();
            }
            return lag;
        }
    }
}
