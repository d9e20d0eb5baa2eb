package io.incidentstreams.ingest;

import java.time.Duration;

/**
 * A snapshot of a run in progress.
 *
 * @param read      inputs read so far (articles and rejections)
 * @param published articles the broker has acknowledged so far; lags {@code read} while sends are in flight
 * @param rejected  inputs rejected so far
 * @param elapsed   time since the run started
 */
public record IngestProgress(long read, long published, long rejected, Duration elapsed) {

    /** One line for a terminal, e.g. {@code read 500, published 480, rejected 3 (2.1 s)}. */
    public String describe() {
        return "read " + read + ", published " + published + ", rejected " + rejected + " ("
                + IngestSummary.seconds(elapsed) + ")";
    }
}
