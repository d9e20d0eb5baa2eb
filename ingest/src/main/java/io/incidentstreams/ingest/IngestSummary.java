package io.incidentstreams.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of an ingest run, taken after every send was acknowledged.
 *
 * @param read         inputs read: each article and each rejected file or line counts once
 * @param published    articles acknowledged by the broker on the raw-articles topic
 * @param rejected     inputs not published, each sent to the dead-letter topic
 * @param deadLettered dead letters acknowledged by the broker; equals {@code rejected} when nothing was lost
 * @param rejections   the source and reason of every rejection, in reading order
 * @param elapsed      time from start, connection included, to the last acknowledgement
 */
public record IngestSummary(long read, long published, long rejected, long deadLettered, List<Rejection> rejections,
                            Duration elapsed) {

    /** Why one input was not published. */
    public record Rejection(String source, String reason) {
        public Rejection {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }

        public static Rejection of(ReadResult.Rejected rejected) {
            return new Rejection(rejected.source(), rejected.reason());
        }
    }

    public IngestSummary {
        rejections = List.copyOf(rejections);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** True when every input read was either published or dead-lettered, both acknowledged. */
    public boolean complete() {
        return published + rejected == read && deadLettered == rejected;
    }

    /**
     * A report for a terminal: a count line, then one line per rejection.
     * <pre>
     * read 12, published 10, rejected 2, dead-lettered 2 (1.4 s)
     *   rejected data/a.jsonl:3: line 3: no text
     * </pre>
     */
    public String describe() {
        StringBuilder out = new StringBuilder()
                .append("read ").append(read)
                .append(", published ").append(published)
                .append(", rejected ").append(rejected)
                .append(", dead-lettered ").append(deadLettered)
                .append(" (").append(seconds(elapsed)).append(')');
        if (!complete()) {
            out.append(" INCOMPLETE: ").append(read - published - rejected).append(" inputs neither published nor "
                    + "rejected, ").append(rejected - deadLettered).append(" rejections not dead-lettered");
        }
        for (Rejection rejection : rejections) {
            out.append(System.lineSeparator()).append("  rejected ").append(rejection.source()).append(": ")
                    .append(rejection.reason());
        }
        return out.toString();
    }

    /** {@code 2 s}, {@code 1.5 s}, {@code 0.25 s}. */
    static String seconds(Duration duration) {
        BigDecimal seconds = BigDecimal.valueOf(duration.toMillis()).movePointLeft(3);
        if (seconds.compareTo(BigDecimal.TEN) >= 0) {
            seconds = seconds.setScale(0, RoundingMode.HALF_UP);
        } else {
            seconds = seconds.setScale(seconds.compareTo(BigDecimal.ONE) >= 0 ? 1 : 2, RoundingMode.HALF_UP);
        }
        return seconds.stripTrailingZeros().toPlainString() + " s";
    }
}
