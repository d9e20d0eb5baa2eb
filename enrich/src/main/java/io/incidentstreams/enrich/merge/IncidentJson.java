package io.incidentstreams.enrich.merge;

import io.incidentstreams.model.Incident;
import io.incidentstreams.topics.Topics;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serializer of the merge step's sink to the incidents topic. The merge step serialises each incident it
 * assembles, to compare its digest with the one last published ({@link PublishedIncident}); the sink then reuses
 * those bytes instead of serialising the incident a second time.
 *
 * <p>Reuse is by identity: the bytes are those of the last incident {@link #serialize(Incident)} serialised on this
 * thread (the sink runs on the stream thread that forwards to it), and any other incident is serialised as usual.
 * Incidents are immutable, so the bytes are exactly what {@link Topics#INCIDENT_SERDE} would write.
 */
public final class IncidentJson implements Serializer<Incident> {
    private static final ThreadLocal<Serialised> LAST = new ThreadLocal<>();

    private record Serialised(Incident incident, byte[] json) {
    }

    /** The incident's JSON, remembered for the sink. */
    static byte[] serialize(Incident incident) {
        byte[] json = Topics.INCIDENT_SERDE.toBytes(incident);
        LAST.set(new Serialised(incident, json));
        return json;
    }

    @Override
    public byte[] serialize(String topic, Incident incident) {
        Serialised last = LAST.get();
        if (last != null && last.incident() == incident) {
            return last.json();
        }
        return Topics.INCIDENT_SERDE.toBytes(incident);
    }
}
