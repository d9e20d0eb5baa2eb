package io.incidentstreams.model;

/**
 * The sentence that supports one field of an incident, with character offsets into the article text.
 *
 * @param field    the incident field it supports: {@code type}, {@code date}, {@code location}, {@code killed},
 *                 {@code wounded}, {@code weapons}, {@code actors}, {@code targets}, {@code relation}
 * @param value    the value read for that field, as text
 * @param text     the exact span the value was read from (for a date: "last Monday")
 * @param sentence the whole sentence
 * @param start    offset of the sentence's first character in {@link Article#text()}
 * @param end      offset one past the sentence's last character
 */
public record Evidence(String field, String value, String text, String sentence, int start, int end) {
}
