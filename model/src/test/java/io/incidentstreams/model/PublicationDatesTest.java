package io.incidentstreams.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublicationDatesTest {
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"1900-01-01", "2020-11-17", "2026-12-07", "2026-12-08", "2026-12-08T11:59:59Z",
            "2026-12-08T14:00:00+03:00", "1900-01-01T00:00:00Z"})
    void datesFrom1900ToADayAheadAreInRange(String date) {
        assertThat(PublicationDates.outOfRange(date, NOW)).isNull();
    }

    @Test
    void theYear3000AndADateTwoDaysAheadAreInTheFuture() {
        assertThat(PublicationDates.outOfRange("3000-01-01", NOW))
                .isEqualTo("publishedAt '3000-01-01' is more than a day in the future (after 2026-12-08T12:00:00Z)");
        assertThat(PublicationDates.outOfRange("2026-12-09", NOW)).contains("more than a day in the future");
        assertThat(PublicationDates.outOfRange("2026-12-08T12:00:01Z", NOW)).contains("more than a day in the future");
    }

    @Test
    void theYear1AndTheNineteenthCenturyAreBefore1900() {
        assertThat(PublicationDates.outOfRange("0001-01-01", NOW)).isEqualTo("publishedAt '0001-01-01' is before 1900-01-01");
        assertThat(PublicationDates.outOfRange("1899-12-31T23:00:00Z", NOW)).contains("is before 1900-01-01");
    }

    @Test
    void absentAndUnparseableDatesAreLeftToTheOtherChecks() {
        assertThat(PublicationDates.outOfRange(null, NOW)).isNull();
        assertThat(PublicationDates.outOfRange(" ", NOW)).isNull();
        assertThat(PublicationDates.outOfRange("yesterday", NOW)).isNull();
    }
}
