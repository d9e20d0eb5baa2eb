package io.incidentstreams.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The same round trip against the official image, for machines with a Docker engine; skipped where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KafkaContainerIT {
    static final String IMAGE = "apache/kafka:4.1.0";

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(IMAGE);

    @Test
    void recordsProducedToAFreshTopicAreConsumed() throws Exception {
        String bootstrap = KAFKA.getBootstrapServers();
        Clients.createTopic(bootstrap, "container-round-trip");

        Clients.produce(bootstrap, "container-round-trip", Map.of("a", "1"));

        List<ConsumerRecord<String, String>> records = Clients.readAll(bootstrap, "container-round-trip", 1, false);
        assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a", "1"));
    }
}
