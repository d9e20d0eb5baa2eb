package io.incidentstreams.serde;

/**
 * A Smile serde for one type ({@link Smile#MAPPER}): for internal topics and state stores, never for the public
 * topics, whose contract is JSON.
 */
public final class SmileSerde<T> extends JacksonSerde<T> {
    public SmileSerde(Class<T> type) {
        super(type, Smile.MAPPER);
    }

    public static <T> SmileSerde<T> of(Class<T> type) {
        return new SmileSerde<>(type);
    }
}
