package io.incidentstreams.ingest;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one ingest run that are not Kafka client settings.
 *
 * @param maxArticleBytes     largest article text accepted, in bytes of UTF-8. Larger inputs are rejected before
 *                            they are read into memory, and the producer's {@code max.request.size} is sized from it
 * @param progressEveryRecords report progress after this many inputs
 * @param progressInterval     and at least this often while inputs keep coming
 * @param followLinks          read symbolic links found inside folders; off by default, so a link cannot publish
 *                             a file from outside the folder
 */
public record IngestOptions(int maxArticleBytes, int progressEveryRecords, Duration progressInterval,
                            boolean followLinks) {
    /** 512 KiB: far above any news article, far below what would strain the broker. */
    public static final int DEFAULT_MAX_ARTICLE_BYTES = 512 * 1024;
    public static final int DEFAULT_PROGRESS_EVERY_RECORDS = 500;
    public static final Duration DEFAULT_PROGRESS_INTERVAL = Duration.ofSeconds(2);

    public IngestOptions {
        if (maxArticleBytes < 1) {
            throw new IllegalArgumentException("maxArticleBytes must be at least 1, got " + maxArticleBytes);
        }
        if (progressEveryRecords < 1) {
            throw new IllegalArgumentException("progressEveryRecords must be at least 1, got " + progressEveryRecords);
        }
        Objects.requireNonNull(progressInterval, "progressInterval");
        if (progressInterval.isNegative() || progressInterval.isZero()) {
            throw new IllegalArgumentException("progressInterval must be positive, got " + progressInterval);
        }
    }

    public static IngestOptions defaults() {
        return new IngestOptions(DEFAULT_MAX_ARTICLE_BYTES, DEFAULT_PROGRESS_EVERY_RECORDS, DEFAULT_PROGRESS_INTERVAL,
                false);
    }

    public IngestOptions withMaxArticleBytes(int bytes) {
        return new IngestOptions(bytes, progressEveryRecords, progressInterval, followLinks);
    }

    public IngestOptions withProgress(int everyRecords, Duration interval) {
        return new IngestOptions(maxArticleBytes, everyRecords, interval, followLinks);
    }

    public IngestOptions withFollowLinks(boolean follow) {
        return new IngestOptions(maxArticleBytes, progressEveryRecords, progressInterval, follow);
    }
}
