package io.incidentstreams.enrich.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.JsonSchema;
import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.broker.testing.TopicReader;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.ProcessingProgress;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.ingest.IngestSummary;
import io.incidentstreams.ingest.Ingester;
import io.incidentstreams.topics.SchemaVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo pipeline (ingest the samples, run enrich to the end) on the real broker: every record it leaves on
 * raw-articles and incidents validates against the published schema and carries the schema version header.
 */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(180)
class RecordSchemaIT {
    static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path state;

    @Test
    void everyRecordOfTheSamplePipelineOnTheBrokerValidatesAndCarriesTheSchemaVersion() throws Exception {
        String name = SharedKafkaBroker.uniqueName("schema");
        PipelineConfig config = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, SharedKafkaBroker.bootstrapServers(),
                PipelineConfig.TOPIC_PREFIX, name + ".",
                PipelineConfig.APPLICATION_ID, name,
                PipelineConfig.STATE_DIR, state.toString()));
        Extractor extractor = Extractor.load(null);

        IngestSummary summary = new Ingester(config).ingest(
                List.of(SAMPLES.resolve("articles"), SAMPLES.resolve("articles.jsonl")), p -> { });
        try (EnrichApp app = new EnrichApp(config, extractor::extract, extractor.rulesVersion());
             Admin admin = Admin.create(config.clientProperties())) {
            app.start();
            new ProcessingProgress(admin, name, config.topics().rawArticles.name())
                    .awaitCaughtUp(Duration.ofMinutes(2), lag -> { });
            assertThat(app.fatalError()).isNull();
        }

        List<ConsumerRecord<byte[], byte[]>> articles = readAll(config, config.topics().rawArticles.name());
        List<ConsumerRecord<byte[], byte[]>> incidents = readAll(config, config.topics().incidents.name());

        assertThat(articles).hasSize((int) summary.published());
        assertThat(incidents.stream().filter(r -> r.value() == null)).as("tombstones").isNotEmpty();
        assertValid(articles, RecordSchemas.strict(RecordSchemas.ARTICLE), SchemaVersion.ARTICLE);
        assertValid(incidents, RecordSchemas.strict(RecordSchemas.INCIDENT), SchemaVersion.INCIDENT);
    }

    private static void assertValid(List<ConsumerRecord<byte[], byte[]>> records, JsonSchema schema, String version) {
        assertThat(records).isNotEmpty().allSatisfy(r -> {
            String where = r.topic() + "-" + r.partition() + "@" + r.offset();
            assertThat(SchemaVersion.of(r.headers())).as("schema version header of %s", where).isEqualTo(version);
            if (r.value() != null) {
                assertThat(RecordSchemas.violations(schema, r.value())).as("value of %s", where).isEmpty();
            }
        });
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(PipelineConfig config, String topic) {
        return TopicReader.readAll(config.clientProperties(), topic, new ByteArrayDeserializer(),
                new ByteArrayDeserializer(), Duration.ofSeconds(30));
    }
}
