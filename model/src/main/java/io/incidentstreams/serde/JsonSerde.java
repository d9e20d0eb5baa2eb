package io.incidentstreams.serde;

/** A JSON serde for one type, with the project's one mapper ({@link Json#MAPPER}). */
public final class JsonSerde<T> extends JacksonSerde<T> {
    public JsonSerde(Class<T> type) {
        super(type, Json.MAPPER);
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }
}
