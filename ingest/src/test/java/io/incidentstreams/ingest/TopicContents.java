package io.incidentstreams.ingest;

import io.incidentstreams.broker.testing.TopicReader;
import io.incidentstreams.topics.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** Ingest tests read topics back through {@link TopicReader}, by bootstrap address and typed topic. */
final class TopicContents {
    private TopicContents() {
    }

    static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrapServers, Topic<K, V> topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return TopicReader.readAll(props, topic.name(), topic.keySerde().deserializer(),
                topic.valueSerde().deserializer(), Duration.ofSeconds(30));
    }

    static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
