package io.incidentstreams.ingest.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * How the feed poller behaves.
 *
 * @param interval        time between two polls of one feed
 * @param fetchPages      fetch each new item's page and publish its text instead of the feed's summary
 * @param hostDelay       least time between two requests to one host (feeds and pages alike)
 * @param maxFeedBytes    largest feed body read
 * @param maxPageBytes    largest page body read
 * @param pageAttempts    tries per page before the summary is published instead
 * @param backoffBase     first backoff after a 429/503 without Retry-After, or a failed page try; doubles each time
 * @param maxBackoff      longest a host is left alone after a 429/503, whatever its Retry-After says
 * @param maxPageWait     a page whose host is closed for longer than this is given up at once (summary published)
 * @param maxArticleBytes largest article text published, in UTF-8 bytes
 */
public record FeedSettings(Duration interval, boolean fetchPages, Duration hostDelay, long maxFeedBytes,
                           long maxPageBytes, int pageAttempts, Duration backoffBase, Duration maxBackoff,
                           Duration maxPageWait, int maxArticleBytes) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    public static final Duration DEFAULT_HOST_DELAY = Duration.ofSeconds(1);
    public static final long DEFAULT_MAX_FEED_BYTES = 5L * 1024 * 1024;
    public static final long DEFAULT_MAX_PAGE_BYTES = 3L * 1024 * 1024;
    public static final int DEFAULT_PAGE_ATTEMPTS = 3;

    public FeedSettings {
        positive(interval, "interval");
        Objects.requireNonNull(hostDelay, "hostDelay");
        if (hostDelay.isNegative()) {
            throw new IllegalArgumentException("hostDelay must not be negative, got " + hostDelay);
        }
        if (maxFeedBytes < 1 || maxPageBytes < 1 || maxArticleBytes < 1) {
            throw new IllegalArgumentException("size limits must be positive");
        }
        if (pageAttempts < 1) {
            throw new IllegalArgumentException("pageAttempts must be at least 1, got " + pageAttempts);
        }
        positive(backoffBase, "backoffBase");
        positive(maxBackoff, "maxBackoff");
        positive(maxPageWait, "maxPageWait");
    }

    public static FeedSettings defaults() {
        return new FeedSettings(DEFAULT_INTERVAL, false, DEFAULT_HOST_DELAY, DEFAULT_MAX_FEED_BYTES,
                DEFAULT_MAX_PAGE_BYTES, DEFAULT_PAGE_ATTEMPTS, Duration.ofSeconds(2), Duration.ofHours(1),
                Duration.ofSeconds(30), io.incidentstreams.ingest.IngestOptions.DEFAULT_MAX_ARTICLE_BYTES);
    }

    public FeedSettings withInterval(Duration d) {
        return new FeedSettings(d, fetchPages, hostDelay, maxFeedBytes, maxPageBytes, pageAttempts, backoffBase,
                maxBackoff, maxPageWait, maxArticleBytes);
    }

    public FeedSettings withFetchPages(boolean fetch) {
        return new FeedSettings(interval, fetch, hostDelay, maxFeedBytes, maxPageBytes, pageAttempts, backoffBase,
                maxBackoff, maxPageWait, maxArticleBytes);
    }

    public FeedSettings withHostDelay(Duration d) {
        return new FeedSettings(interval, fetchPages, d, maxFeedBytes, maxPageBytes, pageAttempts, backoffBase,
                maxBackoff, maxPageWait, maxArticleBytes);
    }

    public FeedSettings withLimits(long feedBytes, long pageBytes) {
        return new FeedSettings(interval, fetchPages, hostDelay, feedBytes, pageBytes, pageAttempts, backoffBase,
                maxBackoff, maxPageWait, maxArticleBytes);
    }

    public FeedSettings withPageRetries(int attempts, Duration base) {
        return new FeedSettings(interval, fetchPages, hostDelay, maxFeedBytes, maxPageBytes, attempts, base,
                maxBackoff, maxPageWait, maxArticleBytes);
    }

    private static void positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + d);
        }
    }
}
