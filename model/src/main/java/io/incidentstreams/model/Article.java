package io.incidentstreams.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A raw article as published on the raw-articles topic: the source of truth for replay.
 *
 * @param id          stable article id: the given id, else the URL, else {@code sha256:} of the normalised text
 * @param url         where the article came from, if known
 * @param title       headline, if known
 * @param publishedAt publication date as ISO-8601 {@code YYYY-MM-DD} or an offset date-time; null when the
 *                    page carries none (then relative dates in the text stay unresolved)
 * @param outlet      the publishing outlet, if known (counts distinct outlets per incident)
 * @param text        the body text as ingested, not yet cleaned
 * @param origin      where ingest read it: a file path or a feed URL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Article(String id, String url, String title, String publishedAt, String outlet, String text,
                      String origin) {

    /** The publication date, if {@link #publishedAt} holds a parseable date or date-time. */
    @JsonIgnore
    public Optional<LocalDate> publishedDate() {
        return parsePublished(publishedAt);
    }

    /** Parses {@code YYYY-MM-DD} or an ISO offset date-time (its local date) ; empty when absent or invalid. */
    public static Optional<LocalDate> parsePublished(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                return Optional.of(LocalDate.parse(v));
            }
            return Optional.of(OffsetDateTime.parse(v).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public Article withId(String newId) {
        return new Article(newId, url, title, publishedAt, outlet, text, origin);
    }
}
