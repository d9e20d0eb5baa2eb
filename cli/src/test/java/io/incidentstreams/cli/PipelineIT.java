package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.broker.testing.TopicReader;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.ingest.IngestSummary;
import io.incidentstreams.ingest.Ingester;
import io.incidentstreams.model.Incident;
import io.incidentstreams.sink.IncidentSnapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline on the shared real broker: ingest, enrich, snapshot; its own topics and application id. */
@ExtendWith(SharedKafkaBroker.class)
class PipelineIT {
    static final Path SAMPLES = Path.of("..", "samples", "articles");
    static final Extractor EXTRACTOR = Extractor.load(null);

    @TempDir
    Path state;

    private PipelineConfig config;

    @BeforeEach
    void config() {
        String name = SharedKafkaBroker.uniqueName("pipeline");
        config = TestPipelines.pipeline(SharedKafkaBroker.bootstrapServers(), name, state, Map.of());
    }

    private void awaitProcessed(Admin admin) throws Exception {
        TestPipelines.progress(config, admin).awaitCaughtUp(Duration.ofMinutes(2), lag -> { });
    }

    @Test
    void ingestingTheSameFilesTwiceLeavesTheSnapshotUnchanged() throws Exception {
        try (EnrichApp app = new EnrichApp(config, EXTRACTOR::extract, EXTRACTOR.rulesVersion());
             Admin admin = Admin.create(config.clientProperties())) {
            IngestSummary first = new Ingester(config).ingest(List.of(SAMPLES), p -> { });
            app.start();
            awaitProcessed(admin);
            List<Incident> before = IncidentSnapshot.read(config, Duration.ofSeconds(30));

            IngestSummary second = new Ingester(config).ingest(List.of(SAMPLES), p -> { });
            awaitProcessed(admin);
            List<Incident> after = IncidentSnapshot.read(config, Duration.ofSeconds(30));

            assertThat(first.published()).isPositive();
            assertThat(second.published()).isEqualTo(first.published());
            assertThat(before).isNotEmpty();
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void garbageAndNullRecordsOnTheRawTopicGoToTheDeadLetterTopicAndGoodOnesStillGetThrough() throws Exception {
        try (EnrichApp app = new EnrichApp(config, EXTRACTOR::extract, EXTRACTOR.rulesVersion());
             Admin admin = Admin.create(config.clientProperties())) {
            app.start();
            Properties p = config.clientProperties();
            try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
                String raw = config.topics().rawArticles.name();
                producer.send(new ProducerRecord<>(raw, "garbage".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28, 0x7B})).get();
                producer.send(new ProducerRecord<>(raw, "null".getBytes(StandardCharsets.UTF_8), null)).get();
            }
            new Ingester(config).ingest(List.of(SAMPLES), x -> { });
            awaitProcessed(admin);

            assertThat(IncidentSnapshot.read(config, Duration.ofSeconds(30))).isNotEmpty();
            List<ConsumerRecord<byte[], byte[]>> dead = readAll(config.topics().deadLetters.name());
            assertThat(dead).extracting(r -> new String(r.key(), StandardCharsets.UTF_8)).contains("garbage", "null");
            assertThat(dead).allSatisfy(r -> assertThat(r.headers().lastHeader("__streams.errors.message")).isNotNull());
            assertThat(app.fatalError()).isNull();
        }
    }

    @Test
    void anEditedArticleThatNoLongerReportsTheAttackWithdrawsItsIncident(@TempDir Path dir) throws Exception {
        String first = "{\"id\":\"edit-1\",\"publishedAt\":\"2021-03-04\",\"title\":\"Rockets hit base\","
                + "\"text\":\"Ten rockets struck Ain al-Asad air base in Anbar province on Wednesday morning, "
                + "killing a civilian contractor, the coalition said.\"}";
        String edited = "{\"id\":\"edit-1\",\"publishedAt\":\"2021-03-04\",\"title\":\"Correction\","
                + "\"text\":\"This story has been withdrawn: the report it was based on could not be confirmed.\"}";
        try (EnrichApp app = new EnrichApp(config, EXTRACTOR::extract, EXTRACTOR.rulesVersion());
             Admin admin = Admin.create(config.clientProperties())) {
            app.start();
            java.nio.file.Files.writeString(dir.resolve("v1.jsonl"), first + "\n");
            new Ingester(config).ingest(List.of(dir.resolve("v1.jsonl")), x -> { });
            awaitProcessed(admin);
            assertThat(IncidentSnapshot.read(config, Duration.ofSeconds(30))).singleElement()
                    .satisfies(i -> assertThat(i.location().name()).isEqualTo("Ain al-Asad"));

            java.nio.file.Files.writeString(dir.resolve("v2.jsonl"), edited + "\n");
            new Ingester(config).ingest(List.of(dir.resolve("v2.jsonl")), x -> { });
            awaitProcessed(admin);

            assertThat(IncidentSnapshot.read(config, Duration.ofSeconds(30))).isEmpty();
            assertThat(app.fatalError()).isNull();
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        return TopicReader.readAll(config.clientProperties(), topic, new ByteArrayDeserializer(),
                new ByteArrayDeserializer(), Duration.ofSeconds(30));
    }
}
