package io.incidentstreams.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.ingest.IngestSummary.Rejection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestSummaryTest {

    @Test
    void describesCountsThenEachRejection() {
        IngestSummary summary = new IngestSummary(3, 2, 1, 1,
                List.of(new Rejection("in/a.jsonl:2", "line 2: no text")), Duration.ofMillis(1420));

        assertThat(summary.describe().lines()).containsExactly(
                "read 3, published 2, rejected 1, dead-lettered 1 (1.4 s)",
                "  rejected in/a.jsonl:2: line 2: no text");
    }

    @Test
    void summaryWhereSomethingIsMissingSaysSo() {
        IngestSummary summary = new IngestSummary(5, 3, 1, 0, List.of(new Rejection("x", "empty file")),
                Duration.ofSeconds(12));

        assertThat(summary.complete()).isFalse();
        assertThat(summary.describe()).startsWith("read 5, published 3, rejected 1, dead-lettered 0 (12 s) INCOMPLETE: "
                + "1 inputs neither published nor rejected, 1 rejections not dead-lettered");
    }

    @Test
    void completeWhenEveryInputIsPublishedOrDeadLettered() {
        assertThat(new IngestSummary(4, 3, 1, 1, List.of(new Rejection("x", "y")), Duration.ZERO).complete()).isTrue();
    }

    @Test
    void rejectionListIsACopy() {
        List<Rejection> rejections = new java.util.ArrayList<>(List.of(new Rejection("x", "y")));
        IngestSummary summary = new IngestSummary(1, 0, 1, 1, rejections, Duration.ZERO);

        rejections.clear();

        assertThat(summary.rejections()).hasSize(1);
    }

    @Test
    void secondsAreShortAndReadable() {
        assertThat(IngestSummary.seconds(Duration.ofSeconds(10))).isEqualTo("10 s");
        assertThat(IngestSummary.seconds(Duration.ofMillis(2500))).isEqualTo("2.5 s");
        assertThat(IngestSummary.seconds(Duration.ofMillis(250))).isEqualTo("0.25 s");
        assertThat(IngestSummary.seconds(Duration.ofSeconds(3))).isEqualTo("3 s");
    }

    @Test
    void progressDescribesItselfOnOneLine() {
        assertThat(new IngestProgress(500, 480, 3, Duration.ofMillis(2100)).describe())
                .isEqualTo("read 500, published 480, rejected 3 (2.1 s)");
    }
}
