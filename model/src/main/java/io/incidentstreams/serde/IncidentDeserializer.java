package io.incidentstreams.serde;

import io.incidentstreams.model.Incident;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a {@link Incident} record value, for consumers configured by class name
 * ({@code value.deserializer=IncidentDeserializer} with the fully qualified name). A null value (a tombstone) reads as null.
 */
public final class IncidentDeserializer implements Deserializer<Incident> {
    private final JsonSerde<Incident> serde = new JsonSerde<>(Incident.class);

    @Override
    public Incident deserialize(String topic, byte[] data) {
        return serde.fromBytes(data);
    }
}
