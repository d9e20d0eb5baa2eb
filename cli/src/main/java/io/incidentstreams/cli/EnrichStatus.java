package io.incidentstreams.cli;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Where enrich is: its Streams state and the records left on its input topics. Decides whether it is healthy
 * ({@code /health}) and what progress to print ({@code incidents enrich}).
 */
final class EnrichStatus {
    /** {@code /health} is UP only with at most this many records left to process (across enrich's input topics). */
    static final long HEALTHY_MAX_LAG = 100;

    private EnrichStatus() {
    }

    /** Healthy or not, and why, in words. */
    record Health(boolean healthy, String reason) {
    }

    /**
     * @param state the Streams state, or null before start
     * @param fatal the error that stopped it, or null
     * @param lag   records left per input topic (-1: not created yet), or null when it could not be read
     */
    static Health health(KafkaStreams.State state, Throwable fatal, Map<String, Long> lag, long maxLag) {
        if (fatal != null) {
            return new Health(false, "enrich stopped on an error: " + IncidentsCli.message(fatal));
        }
        if (state == null) {
            return new Health(false, "enrich has not started");
        }
        if (state != KafkaStreams.State.RUNNING) {
            return new Health(false, "enrich is " + state + (state == KafkaStreams.State.REBALANCING
                    ? " (waiting for its partitions)" : "") + ", not RUNNING");
        }
        if (lag == null) {
            return new Health(false, "enrich's lag cannot be read from the broker");
        }
        long behind = behind(lag);
        if (behind > maxLag) {
            return new Health(false, "enrich is " + behind + " records behind (at most " + maxLag + " allowed)");
        }
        return new Health(true, behind == 0 ? "enrich is running and caught up"
                : "enrich is running, " + behind + " records behind (at most " + maxLag + " allowed)");
    }

    /** Records left over all input topics; a topic not created yet holds none. */
    static long behind(Map<String, Long> lag) {
        return lag.values().stream().mapToLong(v -> Math.max(0, v)).sum();
    }

    /**
     * The progress lines of {@code incidents enrich}: records behind and the rate while behind, one "caught up"
     * when the lag reaches zero, then silence until it is behind again.
     */
    static final class Progress {
        private boolean caughtUp;
        private boolean first = true;
        private double lastProcessed = -1;
        private long lastNanos;

        /**
         * @param behind    records left to process
         * @param processed records processed so far (a running total), for the rate
         * @param nanos     when these were read ({@link System#nanoTime()})
         */
        Optional<String> next(long behind, double processed, long nanos) {
            double rate = lastProcessed < 0 || nanos <= lastNanos ? 0
                    : (processed - lastProcessed) / ((nanos - lastNanos) / 1e9);
            lastProcessed = processed;
            lastNanos = nanos;
            boolean wasFirst = first;
            first = false;
            if (behind == 0) {
                if (caughtUp) {
                    return Optional.empty();
                }
                caughtUp = true;
                return Optional.of("caught up: nothing left to process" + (wasFirst ? ""
                        : String.format(" (%.0f records/s)", Math.max(0, rate))));
            }
            caughtUp = false;
            return Optional.of(behind + " records behind" + (wasFirst ? ""
                    : String.format(", %.0f records/s", Math.max(0, rate))));
        }
    }
}
