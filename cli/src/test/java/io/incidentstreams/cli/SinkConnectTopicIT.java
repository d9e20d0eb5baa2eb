package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.serde.Json;
import io.incidentstreams.topics.SchemaVersion;
import io.incidentstreams.topics.TopicAdmin;
import io.incidentstreams.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code incidents sink connect-topic} from the command line on a real broker: an upsert and a tombstone. */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(120)
class SinkConnectTopicIT {
    static final String LIVE = "inc-00000000000000a1";
    static final String MERGED = "inc-00000000000000a2";
    static final String INCIDENT = """
            {"id": "%s", "type": "air_drone_strike", "eventType": "Explosions/Remote violence",
             "subEventType": "Air/drone strike", "date": "2020-01-03", "datePrecision": "day",
             "location": {"name": "Baghdad International Airport", "city": "Baghdad", "admin1": "Baghdad",
                          "country": "Iraq", "lat": 33.2625, "lon": 44.2346, "precision": 1},
             "weapons": ["drone", "missile"], "killed": 10, "wounded": null,
             "actors": [{"name": "United States", "role": "perpetrator", "status": "claimed", "family": null}],
             "targets": ["convoy"], "relations": [], "mergedFrom": ["%s"], "articleCount": 1, "outletCount": 1,
             "sources": [{"articleId": "a1", "title": "Strike", "publishedAt": "2020-01-03", "outlet": "Wire",
                          "url": "https://example.org/a1", "date": "2020-01-03", "killed": 10, "wounded": null,
                          "evidence": []}],
             "firstSeen": "2020-01-03", "lastSeen": "2020-01-03", "rulesVersion": "test"}
            """.formatted(LIVE, MERGED);

    final CapturedCli cli = new CapturedCli();

    @Test
    void theCommandCopiesAnIncidentAsAConnectEnvelopeAndATombstoneAsATombstone() throws Exception {
        String prefix = SharedKafkaBroker.uniqueName("connectcli") + ".";
        PipelineConfig config = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, SharedKafkaBroker.bootstrapServers(),
                PipelineConfig.TOPIC_PREFIX, prefix));
        String incidents = config.topics().incidents.name();
        try (Admin admin = Admin.create(config.clientProperties())) {
            new TopicAdmin(admin, Duration.ofSeconds(30)).ensure(List.of(config.topics().incidents), 1, (short) -1);
        }
        // As enrich writes them: the JSON reads back as an Incident.
        assertThat(Topics.INCIDENT_SERDE.fromBytes(INCIDENT.getBytes(StandardCharsets.UTF_8)).id()).isEqualTo(LIVE);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config.clientProperties(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(incidents, null, LIVE, INCIDENT.getBytes(StandardCharsets.UTF_8),
                    SchemaVersion.headers(SchemaVersion.INCIDENT)));
            producer.send(new ProducerRecord<>(incidents, null, MERGED, null, SchemaVersion.headers(SchemaVersion.INCIDENT)))
                    .get(30, TimeUnit.SECONDS);
        }

        assertThat(cli.run("sink", "connect-topic", "--bootstrap-servers", SharedKafkaBroker.bootstrapServers(),
                "--topic-prefix", prefix, "--max", "2")).as(cli.stderr()).isEqualTo(IncidentsCli.OK);
        assertThat(cli.stderr()).contains("to " + prefix + "incidents-connect").contains("copied 2 records");

        Properties cp = config.clientProperties();
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, "connect-cli-it");
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, ConsumerRecord<String, byte[]>> byKey = new HashMap<>();
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(cp, new StringDeserializer(), new ByteArrayDeserializer())) {
            reader.subscribe(List.of(prefix + "incidents-connect"));
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (byKey.size() < 2 && System.nanoTime() < until) {
                reader.poll(Duration.ofMillis(500)).forEach(r -> byKey.put(r.key(), r));
            }
        }
        assertThat(byKey.keySet()).containsExactlyInAnyOrder(LIVE, MERGED);
        assertThat(byKey.get(MERGED).value()).isNull();

        JsonNode envelope = Json.MAPPER.readTree(byKey.get(LIVE).value());
        assertThat(envelope.at("/schema/type").asText()).isEqualTo("struct");
        List<String> fields = new ArrayList<>();
        envelope.at("/schema/fields").forEach(f -> fields.add(f.get("field").asText()));
        List<String> payload = new ArrayList<>();
        envelope.get("payload").fieldNames().forEachRemaining(payload::add);
        assertThat(payload).isEqualTo(fields);
        JsonNode row = envelope.get("payload");
        assertThat(row.get("id").asText()).isEqualTo(LIVE);
        assertThat(row.get("killed").asInt()).isEqualTo(10);
        assertThat(row.get("wounded").isNull()).isTrue();
        assertThat(row.get("weapons").asText()).isEqualTo("drone; missile");
        assertThat(row.get("perpetrators").asText()).isEqualTo("United States (perpetrator, claimed)");
        assertThat(row.get("merged_from").asText()).isEqualTo(MERGED);
        assertThat(row.get("source_urls").asText()).isEqualTo("https://example.org/a1");
    }
}
