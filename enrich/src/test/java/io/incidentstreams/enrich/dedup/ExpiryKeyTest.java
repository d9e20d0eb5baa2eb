package io.incidentstreams.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ExpiryKeyTest {
    @Test
    void keysAreTheTimestampZeroPaddedToNineteenDigitsSoTheySortByTime() {
        for (long t : new long[] {0, 7, 1_700_000_000_000L, 999_999_999_999_999_999L, Long.MAX_VALUE}) {
            assertThat(ArticleDedupProcessor.expiryKey(t, "a1"))
                    .isEqualTo(String.format(Locale.ROOT, "%019d", t) + "|a1").hasSize(22);
        }
        assertThat(ArticleDedupProcessor.expiryKey(-5, "a1")).as("clamped").isEqualTo("0000000000000000000|a1");
        List<String> keys = List.of(ArticleDedupProcessor.expiryKey(9, "z"), ArticleDedupProcessor.expiryKey(10, "a"),
                ArticleDedupProcessor.expiryKey(1_700_000_000_000L, "m"));
        assertThat(keys).isSorted();
    }

    @Test
    void theFingerprintIsSixteenLowercaseHexDigits() {
        for (long v : new long[] {0, 255, -1, Long.MIN_VALUE, 0x0123456789abcdefL}) {
            assertThat(SimHash.hex(v)).isEqualTo(String.format(Locale.ROOT, "%016x", v));
        }
    }
}
