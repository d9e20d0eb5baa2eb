package io.incidentstreams.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The range of publication dates accepted: from 1900-01-01 to one day after the reference time (ingest: now;
 * enrich: the record's timestamp, so that a replay decides as the first run did). A date outside it is a typo or
 * a broken feed (the year 3000, the year 1), and would place an incident where none can be.
 */
public final class PublicationDates {
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final Duration FUTURE_ALLOWANCE = Duration.ofDays(1);

    private PublicationDates() {
    }

    /**
     * Why {@code publishedAt} is out of range, or null when it is in range, absent or not a date at all (that is
     * judged elsewhere).
     *
     * @param publishedAt {@code YYYY-MM-DD} or an ISO offset date-time
     * @param reference   the time a date may not be more than a day after
     */
    public static String outOfRange(String publishedAt, Instant reference) {
        if (publishedAt == null || publishedAt.isBlank()) {
            return null;
        }
        String v = publishedAt.strip();
        Instant latest = reference.plus(FUTURE_ALLOWANCE);
        LocalDate date;
        boolean future;
        try {
            if (v.length() == 10) {
                date = LocalDate.parse(v);
                future = date.isAfter(latest.atOffset(ZoneOffset.UTC).toLocalDate());
            } else {
                OffsetDateTime time = OffsetDateTime.parse(v);
                date = time.toLocalDate();
                future = time.toInstant().isAfter(latest);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
        if (date.isBefore(EARLIEST)) {
            return "publishedAt '" + v + "' is before " + EARLIEST;
        }
        if (future) {
            return "publishedAt '" + v + "' is more than a day in the future (after " + latest + ")";
        }
        return null;
    }
}
