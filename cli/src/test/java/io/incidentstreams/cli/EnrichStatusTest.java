package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;

class EnrichStatusTest {
    private static final Map<String, Long> CAUGHT_UP = Map.of("raw-articles", 0L, "app-repartition", -1L);

    @Test
    void healthIsDownWhileEnrichRebalancesWithLag() {
        EnrichStatus.Health h = EnrichStatus.health(KafkaStreams.State.REBALANCING, null,
                Map.of("raw-articles", 5000L), 100);
        assertThat(h.healthy()).isFalse();
        assertThat(h.reason()).contains("REBALANCING").contains("not RUNNING");
    }

    @Test
    void healthIsDownWhenRunningButFarBehind() {
        EnrichStatus.Health h = EnrichStatus.health(KafkaStreams.State.RUNNING, null,
                Map.of("raw-articles", 400L, "app-repartition", 20L), 100);
        assertThat(h.healthy()).isFalse();
        assertThat(h.reason()).isEqualTo("enrich is 420 records behind (at most 100 allowed)");
    }

    @Test
    void healthIsUpOnlyWhenRunningAndCaughtUpWithinTheBound() {
        assertThat(EnrichStatus.health(KafkaStreams.State.RUNNING, null, CAUGHT_UP, 100))
                .isEqualTo(new EnrichStatus.Health(true, "enrich is running and caught up"));
        assertThat(EnrichStatus.health(KafkaStreams.State.RUNNING, null, Map.of("raw-articles", 7L), 100).healthy())
                .isTrue();
        assertThat(EnrichStatus.health(KafkaStreams.State.RUNNING, null, null, 100).reason()).contains("cannot be read");
        assertThat(EnrichStatus.health(null, null, CAUGHT_UP, 100).reason()).contains("not started");
        assertThat(EnrichStatus.health(KafkaStreams.State.ERROR, new IllegalStateException("boom"), CAUGHT_UP, 100))
                .isEqualTo(new EnrichStatus.Health(false, "enrich stopped on an error: boom"));
    }

    @Test
    void progressSaysRecordsBehindAndRateThenCaughtUpOnce() {
        EnrichStatus.Progress p = new EnrichStatus.Progress();
        long s = 1_000_000_000L;
        assertThat(p.next(1000, 0, 0)).hasValue("1000 records behind");
        assertThat(p.next(500, 500, 10 * s)).hasValue("500 records behind, 50 records/s");
        assertThat(p.next(0, 1000, 20 * s)).hasValue("caught up: nothing left to process (50 records/s)");
        assertThat(p.next(0, 1000, 30 * s)).isEmpty();
        assertThat(p.next(20, 1000, 40 * s)).hasValue("20 records behind, 0 records/s");
        assertThat(p.next(0, 1020, 50 * s)).hasValue("caught up: nothing left to process (2 records/s)");
    }
}
