package io.incidentstreams.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HostGateTest {
    private final FakeTicker ticker = new FakeTicker();
    private final HostGate gate = new HostGate(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMinutes(10),
            ticker, new Random(42));

    @Test
    void twoRequestsToOneHostAreADelayApartAndOtherHostsDoNotWait() throws Exception {
        gate.acquire("news.example");
        gate.acquire("wire.example");
        assertThat(ticker.sleeps).isEmpty();

        gate.acquire("news.example");

        assertThat(ticker.sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterClosesTheHostAtLeastThatLongWithUpToATenthOfJitter() {
        Duration wait = gate.throttled("news.example", Duration.ofSeconds(120));

        assertThat(wait).isBetween(Duration.ofSeconds(120), Duration.ofSeconds(132));
        assertThat(gate.waitFor("news.example")).isEqualTo(wait);
        assertThat(gate.waitFor("wire.example")).isZero();
    }

    @Test
    void throttlesWithoutRetryAfterBackOffExponentiallyWithJitterUpToTheCap() {
        Duration first = gate.throttled("h", null);
        ticker.advance(first);
        Duration second = gate.throttled("h", null);
        ticker.advance(second);
        Duration third = gate.throttled("h", null);

        assertThat(first).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(second).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(third).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
        for (int i = 0; i < 40; i++) {
            assertThat(gate.throttled("h", null)).isLessThanOrEqualTo(Duration.ofMinutes(10));
        }
        assertThat(gate.throttled("other", Duration.ofDays(2))).isLessThanOrEqualTo(Duration.ofMinutes(11));
    }

    @Test
    void aSuccessStartsTheBackoffOver() {
        gate.throttled("h", null);
        gate.throttled("h", null);
        gate.succeeded("h");

        assertThat(gate.throttled("h", null)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
}
