package io.incidentstreams.sink.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.model.Actor;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.Location;
import io.incidentstreams.model.Relation;
import io.incidentstreams.model.Source;
import io.incidentstreams.serde.Json;
import io.incidentstreams.topics.Topic;
import io.incidentstreams.topics.TopicAdmin;
import io.incidentstreams.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the incidents topic to a second, compacted topic in Kafka Connect's JSON format with schemas
 * ({@code JsonConverter}, {@code schemas.enable=true}): each value is {@code {"schema": ..., "payload": ...}}, a
 * flat struct of one incident, so that sink connectors that need a schema (JDBC, Elasticsearch) take it. The key
 * is the incident id, as a plain string; a tombstone stays a tombstone, so a sink with deletes enabled deletes
 * the row.
 *
 * <p>At least once: offsets of a consumer group are committed after the copies are written, so a restart may
 * write a record again, which an upsert by key makes harmless.
 */
public final class ConnectTopic implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectTopic.class);
    public static final String DEFAULT_TOPIC = "incidents-connect";
    static final String SCHEMA_NAME = "io.incidentstreams.Incident";
    static final int SCHEMA_VERSION = 1;

    /** One column: its name, its Connect type, whether it may be null, and how it is read from an incident. */
    record Field(String name, String type, boolean optional, Function<Incident, Object> value) {
    }

    /** The flat incident. Lists are joined with "; "; actors are "name (role, status)". */
    static final List<Field> FIELDS = List.of(
            new Field("id", "string", false, Incident::id),
            new Field("type", "string", false, i -> i.type() == null ? null : i.type().code()),
            new Field("event_type", "string", true, Incident::eventType),
            new Field("sub_event_type", "string", true, Incident::subEventType),
            new Field("date", "string", true, Incident::date),
            new Field("date_precision", "string", true, i -> i.datePrecision() == null ? null : i.datePrecision().json()),
            new Field("location_name", "string", true, i -> loc(i, Location::name)),
            new Field("city", "string", true, i -> loc(i, Location::city)),
            new Field("admin1", "string", true, i -> loc(i, Location::admin1)),
            new Field("country", "string", true, i -> loc(i, Location::country)),
            new Field("lat", "double", true, i -> loc(i, Location::lat)),
            new Field("lon", "double", true, i -> loc(i, Location::lon)),
            new Field("geo_precision", "int32", true, i -> loc(i, Location::precision)),
            new Field("killed", "int32", true, Incident::killed),
            new Field("wounded", "int32", true, Incident::wounded),
            new Field("weapons", "string", false, i -> join(i.weapons(), Function.identity())),
            new Field("perpetrators", "string", false, i -> join(actors(i, "perpetrator"), ConnectTopic::actor)),
            new Field("actors", "string", false, i -> join(i.actors(), ConnectTopic::actor)),
            new Field("targets", "string", false, i -> join(i.targets(), Function.identity())),
            new Field("relations", "string", false, i -> join(i.relations(), r -> r.type() + ":" + r.incidentId())),
            new Field("merged_from", "string", false, i -> join(i.mergedFrom(), Function.identity())),
            new Field("source_urls", "string", false, i -> join(i.sources(), Source::url)),
            new Field("article_count", "int32", false, Incident::articleCount),
            new Field("outlet_count", "int32", false, Incident::outletCount),
            new Field("first_seen", "string", true, Incident::firstSeen),
            new Field("last_seen", "string", true, Incident::lastSeen),
            new Field("rules_version", "string", true, Incident::rulesVersion));

    private static final ObjectNode SCHEMA = schema();

    private final PipelineConfig config;
    private final String outputTopic;
    private final String groupId;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile KafkaConsumer<String, byte[]> consumer;

    public ConnectTopic(PipelineConfig config, String outputTopic) {
        this.config = config;
        this.outputTopic = outputTopic;
        this.groupId = "incident-streams-connect-" + outputTopic;
    }

    /** The output topic's name: {@code outputTopic} as given, or {@link #DEFAULT_TOPIC} under the topic prefix. */
    public static String topicName(PipelineConfig config, String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String incidents = config.topics().incidents.name();
        return incidents.substring(0, incidents.length() - Topics.INCIDENTS.length()) + DEFAULT_TOPIC;
    }

    public String outputTopic() {
        return outputTopic;
    }

    public String groupId() {
        return groupId;
    }

    /** The Connect JSON of one incident: {@code {"schema": ..., "payload": ...}}. */
    public static ObjectNode envelope(Incident incident) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.set("schema", SCHEMA);
        ObjectNode payload = root.putObject("payload");
        for (Field f : FIELDS) {
            payload.set(f.name(), Json.MAPPER.valueToTree(f.value().apply(incident)));
        }
        return root;
    }

    public static byte[] toBytes(Incident incident) {
        try {
            return incident == null ? null : Json.MAPPER.writeValueAsBytes(envelope(incident));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Connect schema of the value: a struct of {@link #FIELDS}. */
    public static JsonNode valueSchema() {
        return SCHEMA;
    }

    /**
     * Creates the output topic when missing (compacted, as the incidents topic), then copies every record from where
     * the group left off (the beginning the first time) until {@link #close()}. Returns the records copied.
     */
    public long run() {
        return run(Long.MAX_VALUE);
    }

    /** As {@link #run()}, but stops once {@code max} records are copied (and their offsets committed). */
    public long run(long max) {
        ensureTopic();
        long copied = 0;
        Properties cp = config.clientProperties();
        cp.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        cp.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        cp.putIfAbsent(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        cp.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        Properties pp = config.clientProperties();
        pp.put(ProducerConfig.ACKS_CONFIG, "all");
        pp.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(cp, new StringDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer())) {
            consumer = c;
            if (closed.get()) {
                return 0;
            }
            c.subscribe(List.of(config.topics().incidents.name()));
            while (!closed.get() && copied < max) {
                ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, byte[]> r : records) {
                    if (copied >= max) {
                        break;
                    }
                    done.put(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1));
                    byte[] value;
                    try {
                        value = toBytes(Topics.INCIDENT_SERDE.fromBytes(r.value()));
                    } catch (SerializationException e) {
                        log.warn("skipped {}-{}@{} (key {}): {}", r.topic(), r.partition(), r.offset(), r.key(), e.getMessage());
                        continue;
                    }
                    producer.send(new ProducerRecord<>(outputTopic, null, r.timestamp(), r.key(), value));
                    copied++;
                }
                if (!done.isEmpty()) {
                    producer.flush();
                    c.commitSync(done);
                }
            }
        } catch (WakeupException e) {
            if (!closed.get()) {
                throw e;
            }
        }
        return copied;
    }

    private void ensureTopic() {
        Topic<String, byte[]> topic = new Topic<>(outputTopic, Serdes.String(), Serdes.ByteArray(),
                Map.of("cleanup.policy", "compact", "delete.retention.ms", "86400000"));
        try (Admin admin = Admin.create(config.clientProperties())) {
            new TopicAdmin(admin, config.startupTimeout()).ensure(List.of(topic),
                    config.getInt(PipelineConfig.TOPIC_PARTITIONS), config.getShort(PipelineConfig.TOPIC_REPLICATION_FACTOR))
                    .forEach(conflict -> log.warn("{}", conflict));
        }
    }

    @Override
    public void close() {
        closed.set(true);
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private static ObjectNode schema() {
        ObjectNode s = JsonNodeFactory.instance.objectNode();
        s.put("type", "struct");
        s.put("name", SCHEMA_NAME);
        s.put("version", SCHEMA_VERSION);
        s.put("optional", false);
        ArrayNode fields = s.putArray("fields");
        for (Field f : FIELDS) {
            fields.addObject().put("field", f.name()).put("type", f.type()).put("optional", f.optional());
        }
        return s;
    }

    private static <T> T loc(Incident i, Function<Location, T> part) {
        return i.location() == null ? null : part.apply(i.location());
    }

    private static List<Actor> actors(Incident i, String role) {
        return i.actors() == null ? List.of() : i.actors().stream().filter(a -> role.equals(a.role())).toList();
    }

    private static String actor(Actor a) {
        return a.status() == null ? a.name() + " (" + a.role() + ")" : a.name() + " (" + a.role() + ", " + a.status() + ")";
    }

    private static <T> String join(List<T> values, Function<T, String> text) {
        return values == null ? "" : values.stream().map(text).filter(Objects::nonNull).collect(Collectors.joining("; "));
    }
}
