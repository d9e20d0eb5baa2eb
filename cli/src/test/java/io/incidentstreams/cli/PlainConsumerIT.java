package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import io.incidentstreams.topics.TopicAdmin;
import io.incidentstreams.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A consumer configured only by the documented class names reads incidents and tombstones from the topic. */
@ExtendWith(SharedKafkaBroker.class)
class PlainConsumerIT {
    @TempDir
    Path state;

    @Test
    void aConsumerNamingTheIncidentDeserializerReadsIncidentsAndTombstones() throws Exception {
        String name = SharedKafkaBroker.uniqueName("plain-consumer");
        PipelineConfig config = TestPipelines.pipeline(SharedKafkaBroker.bootstrapServers(), name, state, Map.of());
        try (Admin admin = Admin.create(config.clientProperties())) {
            new TopicAdmin(admin, Duration.ofSeconds(30)).ensure(List.of(config.topics().incidents), 1, (short) -1);
        }
        IncidentType type = IncidentType.IED_ATTACK;
        Incident incident = new Incident("inc-plain", type, type.acledEventType(), type.acledSubEventType(),
                "2021-03-11", DatePrecision.DAY, new Location("Diwaniyah", "Diwaniyah", "Al-Qadisiyah", "Iraq",
                31.99, 44.93, 2), List.of("ied"), 1, 0, List.of(), List.of(), List.of(), List.of(), List.of(), 1, 1,
                "2021-03-12", "2021-03-12", "test");
        Properties p = config.clientProperties();
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            String topic = config.topics().incidents.name();
            producer.send(new ProducerRecord<>(topic, incident.id(), Topics.INCIDENT_SERDE.toBytes(incident)))
                    .get(30, TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(topic, "inc-gone", null)).get(30, TimeUnit.SECONDS);
        }

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers());
        c.put(ConsumerConfig.GROUP_ID_CONFIG, name + "-reader");
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, "org.apache.kafka.common.serialization.StringDeserializer");
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, "io.incidentstreams.serde.IncidentDeserializer");
        List<ConsumerRecord<String, Incident>> read = new ArrayList<>();
        try (KafkaConsumer<String, Incident> consumer = new KafkaConsumer<>(c)) {
            consumer.subscribe(List.of(config.topics().incidents.name()));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                return read.size() >= 2;
            });
        }

        assertThat(read).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("inc-plain", "inc-gone");
        assertThat(read).filteredOn(r -> r.key().equals("inc-plain")).singleElement()
                .satisfies(r -> assertThat(r.value()).isEqualTo(incident));
        assertThat(read).filteredOn(r -> r.key().equals("inc-gone")).singleElement()
                .satisfies(r -> assertThat(r.value()).isNull());
    }
}
