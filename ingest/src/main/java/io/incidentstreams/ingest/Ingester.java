package io.incidentstreams.ingest;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.ingest.files.ArticleFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ingests files and directories: each article to the raw-articles topic, each rejection to the dead-letter topic,
 * and a summary taken once the broker has acknowledged everything.
 *
 * <pre>{@code
 * IngestSummary summary = new Ingester(config).ingest(List.of(Path.of("articles")),
 *         progress -> System.err.println(progress.describe()));
 * }</pre>
 */
public final class Ingester {
    private static final Logger log = LoggerFactory.getLogger(Ingester.class);

    private final PipelineConfig config;
    private final IngestOptions options;

    public Ingester(PipelineConfig config) {
        this(config, IngestOptions.defaults());
    }

    public Ingester(PipelineConfig config, IngestOptions options) {
        this.config = Objects.requireNonNull(config, "config");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Reads every file under {@code inputs} (see {@link ArticleFiles}) and publishes it.
     *
     * @return the counts once every record is acknowledged; {@link IngestSummary#published()} counts only
     *         acknowledged articles
     * @throws IngestException when Kafka cannot be reached within the startup timeout, the topics cannot be
     *                         prepared, or a send fails for good; the message is fit to show as it is, and
     *                         {@link IngestException#partialSummary()} tells how far the run got
     */
    public IngestSummary ingest(List<Path> inputs, ProgressListener progress) {
        long start = System.nanoTime();
        try (ArticlePublisher publisher = ArticlePublisher.open(config, options);
             Stream<ReadResult> results = new ArticleFiles(options).read(inputs)) {
            return run(results.iterator(), publisher, progress, options, start, System::nanoTime);
        }
    }

    /** The ingest loop, apart from Kafka and the clock so that its counting can be tested on its own. */
    static IngestSummary run(Iterator<ReadResult> results, ArticleSink sink, ProgressListener progress,
                             IngestOptions options, long startNanos, LongSupplier nanoTime) {
        Progress tracker = new Progress(progress == null ? ProgressListener.NONE : progress, options, startNanos,
                nanoTime);
        long read = 0;
        List<IngestSummary.Rejection> rejections = new ArrayList<>();
        try {
            while (results.hasNext()) {
                ReadResult result = results.next();
                read++;
                if (result instanceof ReadResult.Accepted accepted) {
                    sink.publish(accepted.article());
                } else if (result instanceof ReadResult.Rejected rejected) {
                    log.debug("rejected {}: {}", rejected.source(), rejected.reason());
                    rejections.add(IngestSummary.Rejection.of(rejected));
                    sink.deadLetter(rejected);
                }
                sink.takeRefused().forEach(r -> rejections.add(IngestSummary.Rejection.of(r)));
                tracker.maybeReport(read, sink.published(), rejections.size());
            }
            sink.flush();
            sink.takeRefused().forEach(r -> rejections.add(IngestSummary.Rejection.of(r)));
        } catch (IngestException e) {
            throw e.withPartialSummary(summary(read, sink, rejections, tracker.elapsed()));
        }
        IngestSummary summary = summary(read, sink, rejections, tracker.elapsed());
        if (!summary.complete()) {
            log.warn("ingest summary does not add up: {}", summary.describe());
        }
        return summary;
    }

    private static IngestSummary summary(long read, ArticleSink sink, List<IngestSummary.Rejection> rejections,
                                         Duration elapsed) {
        return new IngestSummary(read, sink.published(), rejections.size(), sink.deadLettered(), rejections, elapsed);
    }

    /** Reports every N inputs or every interval, whichever comes first. */
    private static final class Progress {
        private final ProgressListener listener;
        private final int everyRecords;
        private final long intervalNanos;
        private final long startNanos;
        private final LongSupplier nanoTime;
        private long lastRead;
        private long lastNanos;

        Progress(ProgressListener listener, IngestOptions options, long startNanos, LongSupplier nanoTime) {
            this.listener = listener;
            this.everyRecords = options.progressEveryRecords();
            this.intervalNanos = options.progressInterval().toNanos();
            this.startNanos = startNanos;
            this.nanoTime = nanoTime;
            this.lastNanos = startNanos;
        }

        void maybeReport(long read, long published, long rejected) {
            long now = nanoTime.getAsLong();
            if (read - lastRead < everyRecords && now - lastNanos < intervalNanos) {
                return;
            }
            lastRead = read;
            lastNanos = now;
            try {
                listener.onProgress(new IngestProgress(read, published, rejected, Duration.ofNanos(now - startNanos)));
            } catch (RuntimeException e) {
                log.warn("progress listener failed; ingest goes on", e);
            }
        }

        Duration elapsed() {
            return Duration.ofNanos(nanoTime.getAsLong() - startNanos);
        }
    }
}
