package io.incidentstreams.serde;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The Jackson mapper for Smile, the binary form of JSON, configured as {@link Json#MAPPER}: the same fields, the
 * same deterministic output. For records that never leave the pipeline (internal topics and state stores): smaller
 * than JSON and cheaper to write and read. Every value starts with Smile's header, so bytes of another format are
 * refused, never misread.
 */
public final class Smile {
    public static final ObjectMapper MAPPER = SmileMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Smile() {
    }
}
