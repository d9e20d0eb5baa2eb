package io.incidentstreams.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How precisely an incident's date is known. Serialised lower-case: {@code day}, {@code month}, {@code year}. */
public enum DatePrecision {
    DAY, MONTH, YEAR;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DatePrecision of(String value) {
        return value == null ? null : valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** True if this precision is finer than {@code other} (day is finer than month). */
    public boolean finerThan(DatePrecision other) {
        return other == null || ordinal() < other.ordinal();
    }
}
