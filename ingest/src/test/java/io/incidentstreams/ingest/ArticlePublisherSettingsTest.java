package io.incidentstreams.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.config.PipelineConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ArticlePublisherSettingsTest {

    private static PipelineConfig config(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        map.put("bootstrap.servers", "broker-a:9092");
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return new PipelineConfig(map);
    }

    @Test
    void producerIsIdempotentAndWaitsForAllReplicasWhateverIsConfigured() {
        Properties props = ArticlePublisher.producerProperties(config("acks", "1", "enable.idempotence", "false"),
                IngestOptions.defaults(), "articles");

        assertThat(props).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry("bootstrap.servers", "broker-a:9092");
    }

    @Test
    void requestSizeFitsTheLargestArticle() {
        int max = 2 * 1024 * 1024;
        Properties props = ArticlePublisher.producerProperties(config(), IngestOptions.defaults().withMaxArticleBytes(max),
                "articles");

        assertThat(Integer.parseInt(props.getProperty(ProducerConfig.MAX_REQUEST_SIZE_CONFIG)))
                .isGreaterThanOrEqualTo(2 * max);
    }

    @Test
    void largerConfiguredRequestSizeIsKept() {
        Properties props = ArticlePublisher.producerProperties(config("max.request.size", "50000000"),
                IngestOptions.defaults(), "articles");

        assertThat(props).containsEntry(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, "50000000");
    }

    @Test
    void aSendBlocksAsLongAsADeliveryMayTakeUnlessConfigured() {
        Properties byDefault = ArticlePublisher.producerProperties(config("startup.timeout.ms", "3000"),
                IngestOptions.defaults(), "articles");
        Properties delivery = ArticlePublisher.producerProperties(config("delivery.timeout.ms", "60000"),
                IngestOptions.defaults(), "articles");
        Properties configured = ArticlePublisher.producerProperties(config("max.block.ms", "45000"),
                IngestOptions.defaults(), "articles");

        assertThat(byDefault).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "120000");
        assertThat(delivery).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "60000");
        assertThat(configured).containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "45000");
    }

    @Test
    void compressionDefaultsToLz4AndCanBeChanged() {
        assertThat(ArticlePublisher.producerProperties(config(), IngestOptions.defaults(), "articles"))
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        assertThat(ArticlePublisher.producerProperties(config("compression.type", "zstd"), IngestOptions.defaults(),
                "articles")).containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
    }

    @Test
    void eachProducerHasItsOwnClientId() {
        assertThat(ArticlePublisher.producerProperties(config(), IngestOptions.defaults(), "articles"))
                .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "incident-streams-ingest-articles");
        assertThat(ArticlePublisher.producerProperties(config("client.id", "night-run"), IngestOptions.defaults(),
                "dead-letters")).containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "night-run-dead-letters");
    }

    @Test
    void projectKeysAreNotPassedToTheProducer() {
        Properties props = ArticlePublisher.producerProperties(config("topic.prefix", "t-"), IngestOptions.defaults(),
                "articles");

        assertThat(props).doesNotContainKey("topic.prefix");
    }
}
