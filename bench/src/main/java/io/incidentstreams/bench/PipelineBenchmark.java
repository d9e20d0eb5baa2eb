package io.incidentstreams.bench;

import io.incidentstreams.broker.KafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.ProcessingProgress;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.ingest.ArticlePublisher;
import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.Incident;
import io.incidentstreams.sink.IncidentSnapshot;
import io.incidentstreams.topics.SchemaVersion;
import io.incidentstreams.topics.Topic;
import io.incidentstreams.topics.TopicAdmin;
import io.incidentstreams.topics.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * Throughput and latency of the whole pipeline against raw Kafka, measured in one run on a broker of its own.
 *
 * <ol>
 *   <li>Starts a {@link KafkaBroker} in a child JVM and generates articles with {@link ArticleGenerator}.</li>
 *   <li><b>Raw ceiling.</b> Produces the articles to a plain topic, with the serdes and producer settings of
 *       ingest ({@link ArticlePublisher#producerProperties}), while a plain consumer reads them back: records over
 *       the time from the first send to the last record received.</li>
 *   <li><b>Pipeline.</b> Starts enrich as {@code incidents enrich} does ({@link EnrichApp}, exactly-once v2 unless
 *       overridden), waits until it runs, publishes the same articles with {@link ArticlePublisher}, and follows
 *       the incidents topic as a {@code read_committed} consumer: articles over the time from the first publish to
 *       the last incident record received once enrich has caught up.</li>
 *   <li><b>Latency.</b> Publishes further articles at a fixed share of the measured pipeline rate, so that the
 *       figure is the pipeline's own delay rather than queueing behind a burst. An article's latency is the time
 *       from its raw record's timestamp (set by the producer at send) to the first receipt of an incident that
 *       lists it among its sources, on the same clock.</li>
 * </ol>
 */
public final class PipelineBenchmark {
    public static final int DEFAULT_ARTICLES = 20_000;
    public static final long DEFAULT_SEED = 42;
    /** The latency phase publishes at this share of the measured pipeline rate. */
    public static final double DEFAULT_LATENCY_LOAD = 0.5;
    /** The latency phase publishes this share of the throughput phase's article count. */
    static final int LATENCY_ARTICLES_DIVISOR = 4;
    static final String RAW_CEILING_TOPIC = "raw-ceiling";
    static final int RAW_WARM_UP_RECORDS = 5_000;
    static final int RAW_PASSES = 3;
    static final int PIPELINE_WARM_UP_ARTICLES = 10_000;
    static final String APPLICATION_ID = "incidents-bench";
    static final int BROKER_HEAP_MB = 512;

    /**
     * @param articles    articles in the throughput phase; the latency phase adds a quarter as many
     * @param seed        generator seed
     * @param latencyLoad share of the measured pipeline rate at which the latency phase publishes, in (0, 1]
     * @param timeout     longest wait for any phase
     * @param settings    project keys and Kafka client properties, as for every command; the bench supplies the
     *                    bootstrap servers, the state dir and, unless given, the topic prefix and application id
     * @param workDir     where the broker's data and enrich's state go; deleted at the end
     */
    public record Options(int articles, long seed, double latencyLoad, Duration timeout, Map<String, String> settings,
                          Path workDir) {
        public Options {
            if (articles < 1) {
                throw new IllegalArgumentException("articles must be at least 1, got " + articles);
            }
            if (!(latencyLoad > 0 && latencyLoad <= 1)) {
                throw new IllegalArgumentException("latency load must be in (0, 1], got " + latencyLoad);
            }
            Objects.requireNonNull(timeout, "timeout");
            settings = Map.copyOf(settings);
            Objects.requireNonNull(workDir, "workDir");
        }
    }

    private final Options options;
    private final Consumer<String> progress;

    public PipelineBenchmark(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() throws Exception {
        Files.createDirectories(options.workDir());
        Path work = Files.createTempDirectory(options.workDir(), "bench-");
        try (HeapSampler heap = new HeapSampler()) {
            progress.accept("starting the embedded Kafka broker...");
            try (KafkaBroker broker = KafkaBroker.builder().dataDir(work.resolve("broker")).heapMb(BROKER_HEAP_MB)
                    .start()) {
                PipelineConfig config = config(broker.bootstrapServers(), work.resolve("state"));
                int n = options.articles();
                List<Article> all = new ArticleGenerator(options.seed()).generate(n + Math.max(1, n / LATENCY_ARTICLES_DIVISOR));
                List<Article> burst = all.subList(0, n);
                List<Article> paced = all.subList(n, all.size());
                progress.accept(String.format("generated %,d articles (%,d more for the latency phase)", n, paced.size()));

                CpuMeter cpu = new CpuMeter(broker.pid());
                RawResult raw = rawCeiling(config, burst, cpu);
                progress.accept(String.format("raw Kafka: %,.0f records/s", raw.perSecond()));
                return pipeline(config, burst, paced, raw, cpu, heap);
            }
        } finally {
            deleteRecursively(work);
        }
    }

    private PipelineConfig config(String bootstrap, Path stateDir) {
        Map<String, String> settings = new HashMap<>(options.settings());
        settings.put(PipelineConfig.BOOTSTRAP_SERVERS, bootstrap);
        settings.put(PipelineConfig.STATE_DIR, stateDir.toString());
        settings.putIfAbsent(PipelineConfig.TOPIC_PREFIX, "bench.");
        settings.putIfAbsent(PipelineConfig.APPLICATION_ID, APPLICATION_ID);
        return new PipelineConfig(settings);
    }

    /**
     * Records per second through a plain topic: produce with ingest's settings, consume back concurrently. A first,
     * unmeasured pass over a separate topic warms up the JIT and the connections, so the figure is Kafka's rate
     * rather than a fresh JVM's. A pass over 20,000 records lasts only seconds, so a burst of other work on the
     * machine moves it a lot: the figure is the median of {@value #RAW_PASSES} passes, each to a topic of its own.
     */
    RawResult rawCeiling(PipelineConfig config, List<Article> articles, CpuMeter cpu) throws Exception {
        List<Article> warmUp = articles.subList(0, Math.min(articles.size(), RAW_WARM_UP_RECORDS));
        progress.accept(String.format("raw Kafka: warming up with %,d records...", warmUp.size()));
        rawPass(config, RAW_CEILING_TOPIC + "-warm-up", warmUp);
        progress.accept(String.format("raw Kafka: %d passes of %,d articles to a plain topic, consumed back...",
                RAW_PASSES, articles.size()));
        cpu.millisSinceLast();
        double[] rates = new double[RAW_PASSES];
        for (int i = 0; i < RAW_PASSES; i++) {
            rates[i] = rawPass(config, RAW_CEILING_TOPIC + "-" + (i + 1), articles);
        }
        double cpuPerRecord = cpu.millisSinceLast() / ((double) articles.size() * RAW_PASSES);
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return new RawResult(sorted[RAW_PASSES / 2], cpuPerRecord, rates);
    }

    /** The raw phase's median rate, the CPU it cost per record, and the rate of each pass. */
    record RawResult(double perSecond, double cpuMsPerRecord, double[] passes) {
    }

    private double rawPass(PipelineConfig config, String topicName, List<Article> articles) throws Exception {
        Topics topics = config.topics();
        Topic<String, Article> plain = new Topic<>(topics.prefix() + topicName, Topics.KEY_SERDE,
                Topics.ARTICLE_SERDE, topics.rawArticles.configs());
        try (Admin admin = Admin.create(config.clientProperties())) {
            new TopicAdmin(admin, config.startupTimeout()).ensure(List.of(plain),
                    config.getInt(PipelineConfig.TOPIC_PARTITIONS), config.getShort(PipelineConfig.TOPIC_REPLICATION_FACTOR));
        }
        Properties producerProps = ArticlePublisher.producerProperties(config, IngestOptions.defaults(), "raw-ceiling");
        AtomicReference<Exception> failed = new AtomicReference<>();
        CountDownLatch assigned = new CountDownLatch(1);
        AtomicLong lastReceived = new AtomicLong();
        Thread reader = new Thread(() -> readAll(config, plain.name(), articles.size(), assigned, lastReceived, failed),
                "bench-raw-reader");
        reader.setDaemon(true);
        reader.start();
        if (!assigned.await(options.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
            throw new TimeoutException("the raw consumer did not start within " + options.timeout());
        }
        long start;
        try (KafkaProducer<String, Article> producer = new KafkaProducer<>(producerProps,
                plain.keySerde().serializer(), plain.valueSerde().serializer())) {
            start = System.nanoTime();
            for (Article a : articles) {
                producer.send(new ProducerRecord<>(plain.name(), null, a.id(), a, SchemaVersion.headers(SchemaVersion.ARTICLE)),
                        (metadata, e) -> {
                            if (e != null) {
                                failed.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
        }
        reader.join(options.timeout().toMillis());
        if (failed.get() != null) {
            throw new IllegalStateException("raw Kafka phase failed: " + failed.get(), failed.get());
        }
        if (reader.isAlive()) {
            reader.interrupt();
            throw new TimeoutException("the raw consumer did not read every record within " + options.timeout());
        }
        return perSecond(articles.size(), lastReceived.get() - start);
    }

    private void readAll(PipelineConfig config, String topic, int expected, CountDownLatch assigned,
                         AtomicLong lastReceived, AtomicReference<Exception> failed) {
        Properties props = consumerProperties(config, "bench-raw-reader");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            partitions.forEach(consumer::position);
            assigned.countDown();
            long deadline = System.nanoTime() + options.timeout().toNanos();
            long read = 0;
            while (read < expected && failed.get() == null && System.nanoTime() < deadline) {
                int count = consumer.poll(Duration.ofMillis(100)).count();
                if (count > 0) {
                    read += count;
                    lastReceived.set(System.nanoTime());
                }
            }
        } catch (RuntimeException e) {
            failed.compareAndSet(null, e);
            assigned.countDown();
        }
    }

    /**
     * Runs the pipeline once, unmeasured, over the first articles on topics and an application id of its own, so
     * that the measured run starts with compiled code, as the raw phase does, and with empty state.
     */
    private void warmUpPipeline(Map<String, String> base, Path stateDir, List<Article> articles, Extractor extractor)
            throws Exception {
        Map<String, String> settings = new HashMap<>(base);
        settings.put(PipelineConfig.TOPIC_PREFIX, settings.get(PipelineConfig.TOPIC_PREFIX) + "warm-up.");
        settings.put(PipelineConfig.APPLICATION_ID, settings.get(PipelineConfig.APPLICATION_ID) + "-warm-up");
        settings.put(PipelineConfig.STATE_DIR, stateDir.toString());
        PipelineConfig config = new PipelineConfig(settings);
        progress.accept(String.format("pipeline: warming up with %,d articles...", articles.size()));
        try (EnrichApp app = new EnrichApp(config, extractor::extract, extractor.rulesVersion());
             Admin admin = Admin.create(config.clientProperties())) {
            app.start();
            try (ArticlePublisher publisher = ArticlePublisher.open(config, IngestOptions.defaults())) {
                articles.forEach(publisher::publish);
                publisher.flush();
            }
            new ProcessingProgress(admin, config.getString(PipelineConfig.APPLICATION_ID),
                    config.topics().rawArticles.name()).awaitCaughtUp(options.timeout(), lag -> checkAlive(app));
        }
    }

    private BenchReport pipeline(PipelineConfig config, List<Article> burst, List<Article> paced, RawResult raw,
                                 CpuMeter cpu, HeapSampler heap) throws Exception {
        Topics topics = config.topics();
        Extractor extractor = Extractor.load(rulesDir(config));
        warmUpPipeline(config.originalsStrings(), Path.of(config.getString(PipelineConfig.STATE_DIR) + "-warm-up"),
                burst.subList(0, Math.min(burst.size(), PIPELINE_WARM_UP_ARTICLES)), extractor);
        progress.accept("pipeline: starting enrich (rules " + extractor.rulesVersion() + ")...");
        try (EnrichApp app = new EnrichApp(config, extractor::extract, extractor.rulesVersion());
             Admin admin = Admin.create(config.clientProperties())) {
            app.start();
            awaitRunning(app);
            ProcessingProgress processing = new ProcessingProgress(admin, config.getString(PipelineConfig.APPLICATION_ID),
                    topics.rawArticles.name());
            IncidentWatcher watcher = new IncidentWatcher(config, topics.incidents.name());
            double pipelineRate;
            double pipelineCpu;
            double brokerCpu;
            double streamThreadCpu;
            double jit;
            double latencyRate;
            Map<String, Double> offsets;
            long commits;
            try (ArticlePublisher publisher = ArticlePublisher.open(config, IngestOptions.defaults())) {
                progress.accept(String.format("pipeline: publishing %,d articles, enrich running...", burst.size()));
                List<String> written = writtenTopics(app.topology(), config);
                Map<String, Long> offsetsBefore = writtenOffsets(admin, written);
                double commitsBefore = commits(app.streams());
                String appId = config.getString(PipelineConfig.APPLICATION_ID);
                double streamThreadsBefore = CpuMeter.threadMillis(appId + "-", "-StreamThread-");
                double jitBefore = CpuMeter.compilerMillis();
                cpu.millisSinceLast();
                long startMillis = System.currentTimeMillis();
                burst.forEach(publisher::publish);
                publisher.flush();
                awaitOutput(app, admin, processing, watcher, topics);
                pipelineCpu = cpu.millisSinceLast() / burst.size();
                brokerCpu = cpu.brokerMillisOfLast() / burst.size();
                streamThreadCpu = (CpuMeter.threadMillis(appId + "-", "-StreamThread-") - streamThreadsBefore) / burst.size();
                jit = (CpuMeter.compilerMillis() - jitBefore) / burst.size();
                commits = Math.round(commits(app.streams()) - commitsBefore);
                offsets = perArticle(appId, offsetsBefore,
                        writtenOffsets(admin, written), burst.size());
                pipelineRate = perSecond(burst.size(),
                        TimeUnit.MILLISECONDS.toNanos(watcher.lastReceivedMillis() - startMillis));
                progress.accept(String.format("pipeline: %,.0f articles/s (ratio %.2f)", pipelineRate,
                        pipelineRate / raw.perSecond()));

                latencyRate = Math.max(1, options.latencyLoad() * pipelineRate);
                progress.accept(String.format("latency: publishing %,d articles at %,.0f/s...", paced.size(), latencyRate));
                long begin = System.nanoTime();
                for (int i = 0; i < paced.size(); i++) {
                    long due = begin + (long) (i * 1e9 / latencyRate);
                    for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                        LockSupport.parkNanos(wait);
                    }
                    publisher.publish(paced.get(i));
                }
                publisher.flush();
                awaitOutput(app, admin, processing, watcher, topics);
            } finally {
                watcher.close();
            }
            long peakHeap = heap.peakMb();

            Map<String, Long> published = publishTimes(config);
            Set<String> burstIds = new HashSet<>();
            burst.forEach(a -> burstIds.add(a.id()));
            Histogram burstLatency = new Histogram(3);
            Histogram pacedLatency = new Histogram(3);
            watcher.firstSeen().forEach((id, seen) -> {
                Long sent = published.get(id);
                if (sent != null) {
                    (burstIds.contains(id) ? burstLatency : pacedLatency).recordValue(Math.max(0, seen - sent));
                }
            });
            List<Incident> live = IncidentSnapshot.read(config, options.timeout());
            return new BenchReport(burst.size(), round(pipelineRate, 1), round(raw.perSecond(), 1),
                    round(pipelineRate / raw.perSecond(), 3),
                    BenchReport.Percentiles.of(pacedLatency), peakHeap, Runtime.getRuntime().availableProcessors(),
                    pacedLatency.getTotalCount(), round(latencyRate, 1), BenchReport.Percentiles.of(burstLatency),
                    live.size(), watcher.records(), round(pipelineCpu, 3), round(raw.cpuMsPerRecord(), 3),
                    Arrays.stream(raw.passes()).map(r -> round(r, 1)).boxed().toList(), round(brokerCpu, 3),
                    round(streamThreadCpu, 3), round(jit, 3), commits,
                    offsets, settings(config));
        }
    }

    private static Path rulesDir(PipelineConfig config) {
        String dir = config.getString(PipelineConfig.RULES_DIR);
        return dir == null ? null : Path.of(dir);
    }

    private void awaitRunning(EnrichApp app) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        while (app.streams().state() != KafkaStreams.State.RUNNING) {
            checkAlive(app);
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("enrich did not reach RUNNING within " + options.timeout()
                        + " (state " + app.streams().state() + ")");
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }

    private static void checkAlive(EnrichApp app) {
        if (app.fatalError() != null) {
            throw new IllegalStateException("enrich failed: " + app.fatalError(), app.fatalError());
        }
    }

    /** Waits until enrich has processed everything published, then until the watcher has read all its output. */
    private void awaitOutput(EnrichApp app, Admin admin, ProcessingProgress processing, IncidentWatcher watcher,
                             Topics topics) throws Exception {
        long[] lastReport = {System.nanoTime()};
        processing.awaitCaughtUp(options.timeout(), lag -> {
            checkAlive(app);
            if (System.nanoTime() - lastReport[0] > TimeUnit.SECONDS.toNanos(2)) {
                lastReport[0] = System.nanoTime();
                long left = lag.values().stream().mapToLong(v -> Math.max(0, v)).sum();
                progress.accept(String.format("enrich: %,d records left to process, %,d incident records out",
                        left, watcher.records()));
            }
        });
        watcher.awaitPosition(latestOffsets(admin, List.of(topics.incidents.name()), IsolationLevel.READ_COMMITTED),
                options.timeout());
    }

    /**
     * The topics enrich writes, from its topology: the changelog of each store, each repartition topic (named as
     * Streams names them, after the application id) and the incidents topic.
     */
    private static List<String> writtenTopics(Topology topology, PipelineConfig config) {
        String appId = config.getString(PipelineConfig.APPLICATION_ID);
        Set<String> topics = new TreeSet<>();
        Set<String> declared = new HashSet<>();
        config.topics().all().forEach(t -> declared.add(t.name()));
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Processor p) {
                    p.stores().forEach(store -> topics.add(appId + "-" + store + "-changelog"));
                } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                    // A declared topic (incidents, unresolved-mentions) keeps its name; a repartition topic
                    // is named after the application id.
                    topics.add(declared.contains(sink.topic()) ? sink.topic() : appId + "-" + sink.topic());
                }
            }
        }
        return List.copyOf(topics);
    }

    /**
     * Offsets written so far to each topic, by name without the application id. Under exactly-once an offset is
     * a record or a transaction marker.
     */
    private static Map<String, Long> writtenOffsets(Admin admin, List<String> topics) throws Exception {
        Map<String, Long> out = new TreeMap<>();
        latestOffsets(admin, topics, IsolationLevel.READ_UNCOMMITTED).forEach((tp, offset) -> out.merge(tp.topic(),
                offset, Long::sum));
        return out;
    }

    /** The end offset of every partition of these topics: the high watermark, or the last stable offset. */
    private static Map<TopicPartition, Long> latestOffsets(Admin admin, List<String> topics, IsolationLevel isolation)
            throws Exception {
        Map<TopicPartition, OffsetSpec> specs = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> specs.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> end = new HashMap<>();
        admin.listOffsets(specs, new ListOffsetsOptions(isolation)).all().get(30, TimeUnit.SECONDS)
                .forEach((tp, info) -> end.put(tp, info.offset()));
        return end;
    }

    /** Offsets written per article between two readings, by topic name without the application id. */
    private static Map<String, Double> perArticle(String appId, Map<String, Long> before, Map<String, Long> after,
                                                  int articles) {
        Map<String, Double> out = new TreeMap<>();
        after.forEach((topic, end) -> out.put(topic.startsWith(appId + "-") ? topic.substring(appId.length() + 1) : topic,
                round((end - before.getOrDefault(topic, 0L)) / (double) articles, 2)));
        return out;
    }

    /** Commits of enrich's stream threads so far. */
    private static double commits(KafkaStreams streams) {
        return streams.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("commit-total") && e.getKey().group().equals("stream-thread-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }

    /** The earliest raw-articles record timestamp of each article id: when the producer sent it. */
    private Map<String, Long> publishTimes(PipelineConfig config) {
        String topic = config.topics().rawArticles.name();
        Map<String, Long> times = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProperties(config, "bench-raw-times"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + options.timeout().toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " back within " + options.timeout());
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    times.merge(r.key(), r.timestamp(), Math::min);
                }
            }
        }
        return times;
    }

    private Map<String, Object> settings(PipelineConfig config) {
        Properties streams = EnrichApp.streamsProperties(config);
        StreamsConfig effective = new StreamsConfig(streams);
        Properties ingest = ArticlePublisher.producerProperties(config, IngestOptions.defaults(), "articles");
        Map<String, Object> producerDefaults = ProducerConfig.configDef().defaultValues();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("processing.guarantee", effective.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
        s.put("topic.partitions", config.getInt(PipelineConfig.TOPIC_PARTITIONS));
        s.put("num.stream.threads", effective.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
        s.put("commit.interval.ms", effective.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        Map<String, Object> enrichProducer = effective.getProducerConfigs("bench");
        for (String key : List.of(ProducerConfig.LINGER_MS_CONFIG, ProducerConfig.BATCH_SIZE_CONFIG,
                ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
            s.put("enrich.producer." + key, String.valueOf(enrichProducer.getOrDefault(key, producerDefaults.get(key))));
        }
        for (String key : List.of(ProducerConfig.LINGER_MS_CONFIG, ProducerConfig.BATCH_SIZE_CONFIG,
                ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
            s.put("ingest." + key, String.valueOf(ingest.getOrDefault(key, producerDefaults.get(key))));
        }
        s.put("latency_load", options.latencyLoad());
        s.put("seed", options.seed());
        s.put("max_heap_mb", HeapSampler.maxMb());
        s.put("broker_heap_mb", BROKER_HEAP_MB);
        return s;
    }

    private static Properties consumerProperties(PipelineConfig config, String clientId) {
        Properties props = config.clientProperties();
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static double perSecond(long count, long nanos) {
        return nanos <= 0 ? 0 : count * 1e9 / nanos;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
