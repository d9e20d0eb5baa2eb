package io.incidentstreams.cli;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;

/**
 * Reads a point in time: an instant ({@code 2026-12-07T10:00:00Z}), a date and time with an offset
 * ({@code 2026-12-07T10:00+01:00}), a date and time taken as UTC ({@code 2026-12-07T10:00}), or a date, taken as
 * its start in UTC ({@code 2026-12-07}).
 */
final class InstantConverter implements CommandLine.ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
        String v = value.strip();
        try {
            return Instant.parse(v);
        } catch (DateTimeParseException ignored) {
            // Try the other forms.
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException ignored) {
            // Try the other forms.
        }
        try {
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException ignored) {
            // Try the other forms.
        }
        try {
            return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date or an instant"
                    + " (e.g. 2026-12-07 or 2026-12-07T10:00:00Z)");
        }
    }
}
