package io.incidentstreams.cli;


import io.incidentstreams.broker.testing.TopicReader;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.ProcessingProgress;
import io.incidentstreams.ingest.ArticlePublisher;
import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.Incident;
import io.incidentstreams.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Builders and probes shared by the broker tests of this module: a pipeline's config, publishing, progress. */
final class TestPipelines {
    private TestPipelines() {
    }

    /** A pipeline of its own on {@code bootstrap}: topic prefix and application id named after {@code name}. */
    static PipelineConfig pipeline(String bootstrap, String name, Path stateDir, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put(PipelineConfig.BOOTSTRAP_SERVERS, bootstrap);
        settings.put(PipelineConfig.TOPIC_PREFIX, name + ".");
        settings.put(PipelineConfig.APPLICATION_ID, name);
        settings.put(PipelineConfig.STATE_DIR, stateDir.toString());
        return new PipelineConfig(settings);
    }

    /** Publishes with ingest's publisher and returns once every article is acknowledged. */
    static void publish(PipelineConfig config, List<Article> articles) {
        try (ArticlePublisher publisher = ArticlePublisher.open(config, IngestOptions.defaults())) {
            articles.forEach(publisher::publish);
            publisher.flush();
        }
    }

    /** Raw articles enrich has committed as processed. */
    static long processedRawArticles(PipelineConfig config, long published) throws Exception {
        try (Admin admin = Admin.create(config.clientProperties())) {
            long lag = progress(config, admin).lag().get(config.topics().rawArticles.name());
            return lag < 0 ? 0 : published - lag;
        }
    }

    static ProcessingProgress progress(PipelineConfig config, Admin admin) {
        return new ProcessingProgress(admin, config.getString(PipelineConfig.APPLICATION_ID),
                config.topics().rawArticles.name());
    }

    /** Waits until enrich has processed every raw article and every repartitioned mention. */
    static void awaitProcessed(PipelineConfig config, Duration timeout) throws Exception {
        try (Admin admin = Admin.create(config.clientProperties())) {
            progress(config, admin).awaitCaughtUp(timeout, lag -> { });
        }
    }

    /** Every record of a topic, from the beginning to its end offsets as they are now; committed data only. */
    static <K, V> List<ConsumerRecord<K, V>> readAll(PipelineConfig config, Topic<K, V> topic) {
        return TopicReader.readAll(config.clientProperties(), topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer(), Duration.ofSeconds(60));
    }

    /** The live incidents of a compacted log read in order: the last value per key, tombstoned keys removed. */
    static Map<String, Incident> live(List<ConsumerRecord<String, Incident>> log) {
        Map<String, Incident> live = new HashMap<>();
        for (ConsumerRecord<String, Incident> r : log) {
            if (r.value() == null) {
                live.remove(r.key());
            } else {
                live.put(r.key(), r.value());
            }
        }
        return live;
    }

    static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
