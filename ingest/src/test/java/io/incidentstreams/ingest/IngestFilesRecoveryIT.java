package io.incidentstreams.ingest;

import static io.incidentstreams.ingest.TopicContents.readAll;
import static io.incidentstreams.ingest.files.InputFiles.MARKET_ATTACK;
import static io.incidentstreams.ingest.files.InputFiles.jsonArticle;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.ingest.files.ArticleFiles;
import io.incidentstreams.ingest.files.InputFiles;
import io.incidentstreams.model.Article;
import io.incidentstreams.topics.Topics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code ingest files} whose producer fails with an error about its own state (a sequence error) on the real
 * broker: the producer is replaced, the raw topic since the run began says which articles are there, and each
 * article of the run is on the topic exactly once, whether the failed send was written or not.
 */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(180)
class IngestFilesRecoveryIT {
    static final int ARTICLES = 60;

    @TempDir
    Path dir;

    private PipelineConfig config;
    private Topics topics;

    @BeforeEach
    void setUp() {
        config = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, SharedKafkaBroker.bootstrapServers(),
                PipelineConfig.TOPIC_PREFIX, SharedKafkaBroker.uniqueName("files-recovery") + ".",
                PipelineConfig.TOPIC_PARTITIONS, "2",
                PipelineConfig.TOPIC_REPLICATION_FACTOR, "1"));
        topics = config.topics();
    }

    private static String line(String id) {
        return jsonArticle().id(id).url("https://news.example/" + id).publishedAt("2022-05-17T08:00:00Z")
                .title("Report " + id).outlet("Example News").text(MARKET_ATTACK + " (report " + id + ")").line();
    }

    private IngestSummary ingest(Path file, java.util.function.Function<java.util.Properties,
            org.apache.kafka.clients.producer.Producer<String, Article>> producers, List<ArticlePublisher> used) {
        try (ArticlePublisher publisher = ArticlePublisher.open(config, IngestOptions.defaults(), producers);
             Stream<ReadResult> results = new ArticleFiles(IngestOptions.defaults()).read(List.of(file))) {
            used.add(publisher);
            return Ingester.run(results.iterator(), publisher, null, IngestOptions.defaults(), System.nanoTime(),
                    System::nanoTime);
        }
    }

    @ParameterizedTest
    @EnumSource(FaultySends.Fault.class)
    void aRunWhoseProducerFailsRecoversAndPublishesEachArticleOnce(FaultySends.Fault fault) {
        InputFiles files = new InputFiles(dir);
        // An earlier run published "a-0": the new run publishes it again (as ingest files does), once.
        Path earlier = files.jsonLines("earlier.jsonl", line("a-0"), line("old-1"));
        java.util.function.Function<java.util.Properties, org.apache.kafka.clients.producer.Producer<String, Article>> real =
                props -> new KafkaProducer<>(props, topics.rawArticles.keySerde().serializer(),
                        topics.rawArticles.valueSerde().serializer());
        List<ArticlePublisher> used = new ArrayList<>();
        assertThat(ingest(earlier, real, used).published()).isEqualTo(2);

        List<String> lines = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            ids.add("a-" + i);
            lines.add(line("a-" + i));
        }
        Path run = files.jsonLines("run.jsonl", lines.toArray(String[]::new));
        FaultySends.Factory<String, Article> producers = new FaultySends.Factory<>(real, fault, Set.of(1, 17, 18, 40));

        IngestSummary summary = ingest(run, producers, used);

        assertThat(producers.injected.get()).isEqualTo(4);
        assertThat(used.get(1).recoveries()).isBetween(1, ArticlePublisher.MAX_RECOVERIES);
        assertThat(summary.published()).isEqualTo(ARTICLES);
        assertThat(summary.complete()).isTrue();
        List<ConsumerRecord<String, Article>> raw = readAll(SharedKafkaBroker.bootstrapServers(), topics.rawArticles);
        Map<String, Long> counts = raw.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
        assertThat(counts.get("a-0")).as("a-0: once in each run").isEqualTo(2);
        assertThat(counts.get("old-1")).isEqualTo(1);
        for (String id : ids.subList(1, ids.size())) {
            assertThat(counts.get(id)).as(id).isEqualTo(1);
        }
        assertThat(raw).hasSize(ARTICLES + 2);
    }
}
