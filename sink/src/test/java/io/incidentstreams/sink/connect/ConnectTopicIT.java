package io.incidentstreams.sink.connect;

import static io.incidentstreams.sink.testing.IncidentBuilder.ERBIL;
import static io.incidentstreams.sink.testing.IncidentBuilder.id;
import static io.incidentstreams.sink.testing.IncidentBuilder.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.serde.Json;
import io.incidentstreams.topics.SchemaVersion;
import io.incidentstreams.topics.TopicAdmin;
import io.incidentstreams.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Connect-ready copy on a real broker: incidents and a tombstone written as enrich writes them, copied by
 * {@link ConnectTopic}, and read back with Kafka Connect's own JsonConverter ({@code schemas.enable=true}).
 */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(120)
class ConnectTopicIT {
    static final String ATTACK = id(1);
    static final String TRUCE = id(2);
    static final String ABSORBED = id(3);

    @Test
    void everyIncidentIsCopiedAsAConnectEnvelopeWhoseSchemaMatchesItsPayloadAndTombstonesStayTombstones() throws Exception {
        PipelineConfig config = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, SharedKafkaBroker.bootstrapServers(),
                PipelineConfig.TOPIC_PREFIX, SharedKafkaBroker.uniqueName("connect") + ".",
                PipelineConfig.TOPIC_PARTITIONS, "2"));
        Topics topics = config.topics();
        try (Admin admin = Admin.create(config.clientProperties())) {
            new TopicAdmin(admin, Duration.ofSeconds(30)).ensure(List.of(topics.incidents), 2, (short) -1);
        }
        Incident attack = incident(ATTACK).at(ERBIL).date("2021-02-15").casualties(1, 9)
                .perpetrator("Saraya Awliya al-Dam").mergedFrom(ABSORBED).build();
        Incident truce = incident(TRUCE).type(IncidentType.TRUCE).date("2020-10").at(null).casualties(null, null)
                .party("Iran-backed militias").build();
        Properties pp = config.clientProperties();
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer())) {
            for (Incident i : List.of(attack, truce)) {
                producer.send(new ProducerRecord<>(topics.incidents.name(), null, i.id(), Topics.INCIDENT_SERDE.toBytes(i),
                        SchemaVersion.headers(SchemaVersion.INCIDENT)));
            }
            producer.send(new ProducerRecord<>(topics.incidents.name(), null, ABSORBED, null,
                    SchemaVersion.headers(SchemaVersion.INCIDENT))).get(30, TimeUnit.SECONDS);
        }

        String output = ConnectTopic.topicName(config, null);
        assertThat(output).isEqualTo(topics.incidents.name().replace("incidents", "incidents-connect"));
        List<ConsumerRecord<String, byte[]>> copied = new ArrayList<>();
        try (ConnectTopic copy = new ConnectTopic(config, output)) {
            CompletableFuture<Long> running = CompletableFuture.supplyAsync(copy::run);
            Properties cp = config.clientProperties();
            cp.put(ConsumerConfig.GROUP_ID_CONFIG, "connect-it-reader");
            cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(cp, new StringDeserializer(), new ByteArrayDeserializer())) {
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    if (running.isDone()) {
                        running.join();
                    }
                    try {
                        reader.subscribe(List.of(output));
                        reader.poll(Duration.ofMillis(500)).forEach(copied::add);
                    } catch (org.apache.kafka.common.KafkaException e) {
                        // the topic is not there yet
                    }
                    return copied.size() >= 3;
                });
            }
            copy.close();
            assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo(3);
        }

        JsonConverter connect = new JsonConverter();
        connect.configure(Map.of("schemas.enable", "true", "converter.type", "value"));
        Map<String, ConsumerRecord<String, byte[]>> byKey = new java.util.HashMap<>();
        copied.forEach(r -> byKey.put(r.key(), r));
        assertThat(byKey.keySet()).containsExactlyInAnyOrder(ATTACK, TRUCE, ABSORBED);

        assertThat(byKey.get(ABSORBED).value()).as("a tombstone stays a tombstone").isNull();
        assertThat(connect.toConnectData(output, byKey.get(ABSORBED).value())).isEqualTo(SchemaAndValue.NULL);

        for (String key : List.of(ATTACK, TRUCE)) {
            JsonNode envelope = Json.MAPPER.readTree(byKey.get(key).value());
            assertThat(envelope.fieldNames()).toIterable().containsExactly("schema", "payload");
            assertSchemaMatchesPayload(envelope.get("schema"), envelope.get("payload"));
        }

        SchemaAndValue read = connect.toConnectData(output, byKey.get(ATTACK).value());
        assertThat(read.schema().type()).isEqualTo(Schema.Type.STRUCT);
        assertThat(read.schema().name()).isEqualTo("io.incidentstreams.Incident");
        Struct row = (Struct) read.value();
        row.validate();
        assertThat(row.getString("id")).isEqualTo(ATTACK);
        assertThat(row.getString("type")).isEqualTo("shelling_missile_attack");
        assertThat(row.getString("date")).isEqualTo("2021-02-15");
        assertThat(row.getString("date_precision")).isEqualTo("day");
        assertThat(row.getString("city")).isEqualTo("Erbil");
        assertThat(row.getFloat64("lat")).isEqualTo(ERBIL.lat());
        assertThat(row.getInt32("geo_precision")).isEqualTo(2);
        assertThat(row.getInt32("killed")).isEqualTo(1);
        assertThat(row.getInt32("wounded")).isEqualTo(9);
        assertThat(row.getString("perpetrators")).contains("Saraya Awliya al-Dam");
        assertThat(row.getString("merged_from")).isEqualTo(ABSORBED);
        assertThat(row.getInt32("article_count")).isEqualTo(attack.articleCount());

        Struct truceRow = (Struct) connect.toConnectData(output, byKey.get(TRUCE).value()).value();
        truceRow.validate();
        assertThat(truceRow.getString("date_precision")).isEqualTo("month");
        assertThat(truceRow.get("lat")).isNull();
        assertThat(truceRow.get("killed")).isNull();
        assertThat(truceRow.getString("perpetrators")).isEmpty();
    }

    /** Field names in order, and each value of the JSON type its Connect type is written as; null only if optional. */
    static void assertSchemaMatchesPayload(JsonNode schema, JsonNode payload) {
        assertThat(schema.get("type").asText()).isEqualTo("struct");
        List<String> names = new ArrayList<>();
        schema.get("fields").forEach(f -> names.add(f.get("field").asText()));
        List<String> payloadNames = new ArrayList<>();
        payload.fieldNames().forEachRemaining(payloadNames::add);
        assertThat(payloadNames).isEqualTo(names);
        for (JsonNode f : schema.get("fields")) {
            JsonNode v = payload.get(f.get("field").asText());
            String type = f.get("type").asText();
            if (v.isNull()) {
                assertThat(f.get("optional").asBoolean()).as(f + " is null, so optional").isTrue();
                continue;
            }
            switch (type) {
                case "string" -> assertThat(v.isTextual()).as(f + ": " + v).isTrue();
                case "int32", "int64" -> assertThat(v.isIntegralNumber()).as(f + ": " + v).isTrue();
                case "double" -> assertThat(v.isNumber()).as(f + ": " + v).isTrue();
                case "boolean" -> assertThat(v.isBoolean()).as(f + ": " + v).isTrue();
                default -> throw new AssertionError("unexpected type " + type);
            }
        }
    }

    /** docs/connect.md: its JDBC sink config takes this topic, and its column table names exactly the schema's fields. */
    @Test
    void theDocumentedJdbcSinkConfigMatchesTheTopicAndTheFields() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "connect.md"));
        Matcher json = Pattern.compile("```json\\n(\\{.*?})\\n```", Pattern.DOTALL).matcher(doc);
        assertThat(json.find()).as("a JSON connector config in docs/connect.md").isTrue();
        JsonNode connector = Json.MAPPER.readTree(json.group(1));
        JsonNode c = connector.get("config");
        assertThat(c.get("connector.class").asText()).isEqualTo("io.confluent.connect.jdbc.JdbcSinkConnector");
        assertThat(c.get("topics").asText()).isEqualTo(ConnectTopic.DEFAULT_TOPIC);
        assertThat(c.get("pk.mode").asText()).isEqualTo("record_key");
        assertThat(c.get("pk.fields").asText()).isEqualTo("id");
        assertThat(c.get("delete.enabled").asText()).isEqualTo("true");
        assertThat(c.get("key.converter").asText()).isEqualTo("org.apache.kafka.connect.storage.StringConverter");
        assertThat(c.get("value.converter").asText()).isEqualTo("org.apache.kafka.connect.json.JsonConverter");
        assertThat(c.get("value.converter.schemas.enable").asText()).isEqualTo("true");

        Map<String, String> documented = new java.util.LinkedHashMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z0-9_]+)` \\| `([a-z0-9]+)` \\| (yes|no) \\|").matcher(doc);
        while (row.find()) {
            documented.put(row.group(1), row.group(2) + (row.group(3).equals("yes") ? "?" : ""));
        }
        Map<String, String> actual = new java.util.LinkedHashMap<>();
        for (Iterator<JsonNode> it = ConnectTopic.valueSchema().get("fields").elements(); it.hasNext(); ) {
            JsonNode f = it.next();
            actual.put(f.get("field").asText(), f.get("type").asText() + (f.get("optional").asBoolean() ? "?" : ""));
        }
        assertThat(documented).containsExactlyEntriesOf(actual);
    }
}
