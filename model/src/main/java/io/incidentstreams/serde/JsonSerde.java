package io.incidentstreams.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Jackson serde for one type. Null maps to null both ways, so tombstones pass through; every Jackson error is
 * wrapped in {@link SerializationException}, which Kafka Streams routes to its exception handlers.
 *
 * <p>Built by name (Kafka Streams' {@code default.value.serde}), it takes its type from {@link #VALUE_TYPE_CONFIG}
 * or {@link #KEY_TYPE_CONFIG} in {@link #configure}. Consumers that name a deserializer class use
 * {@link IncidentDeserializer} or {@link ArticleDeserializer}.
 */
public final class JsonSerde<T> implements Serde<T> {
    /** The class name of the values this serde reads and writes, when it is built by name. */
    public static final String VALUE_TYPE_CONFIG = "json.value.type";
    /** The class name of the keys, when it is built by name as a key serde. */
    public static final String KEY_TYPE_CONFIG = "json.key.type";

    private Class<T> type;
    private ObjectWriter writer;
    private ObjectReader reader;

    /** For Kafka's reflective construction; {@link #configure} must name the type before use. */
    public JsonSerde() {
    }

    public JsonSerde(Class<T> type) {
        bind(type);
    }

    private void bind(Class<T> t) {
        this.type = t;
        this.writer = Json.MAPPER.writerFor(t);
        this.reader = Json.MAPPER.readerFor(t);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object name = configs.get(isKey ? KEY_TYPE_CONFIG : VALUE_TYPE_CONFIG);
        if (name == null) {
            if (type == null) {
                throw new ConfigException((isKey ? KEY_TYPE_CONFIG : VALUE_TYPE_CONFIG)
                        + " must name the class this JsonSerde reads, e.g. " + io.incidentstreams.model.Incident.class.getName());
            }
            return;
        }
        try {
            bind((Class<T>) (name instanceof Class<?> c ? c : Class.forName(name.toString())));
        } catch (ClassNotFoundException e) {
            throw new ConfigException(isKey ? KEY_TYPE_CONFIG : VALUE_TYPE_CONFIG, name, "no such class");
        }
    }

    private void requireType() {
        if (type == null) {
            throw new IllegalStateException("JsonSerde built without a type: configure " + VALUE_TYPE_CONFIG
                    + " or " + KEY_TYPE_CONFIG + " first");
        }
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    public byte[] toBytes(T value) {
        if (value == null) {
            return null;
        }
        requireType();
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new SerializationException("cannot serialise " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public T fromBytes(byte[] data) {
        if (data == null) {
            return null;
        }
        requireType();
        try {
            return reader.readValue(data);
        } catch (JsonProcessingException e) {
            throw new SerializationException("not a valid " + type.getSimpleName() + " record: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new SerializationException("cannot read " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, data) -> toBytes(data);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, data) -> fromBytes(data);
    }
}
