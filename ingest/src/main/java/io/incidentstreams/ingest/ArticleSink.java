package io.incidentstreams.ingest;

import io.incidentstreams.model.Article;
import java.util.List;

/** Where the ingest loop sends what it reads; {@link ArticlePublisher} is the Kafka one. */
interface ArticleSink {

    /** Sends an article; throws {@link IngestException} once a send has failed for good. */
    void publish(Article article);

    /** Sends a rejection to the dead letters; throws {@link IngestException} once a send has failed for good. */
    void deadLetter(ReadResult.Rejected rejected);

    /** Waits until everything sent so far is acknowledged; throws {@link IngestException} on a failure. */
    void flush();

    /** Articles acknowledged. */
    long published();

    /** Dead letters acknowledged. */
    long deadLettered();

    /** Articles the broker refused (too large) since the last call, each already handed to the dead letters. */
    List<ReadResult.Rejected> takeRefused();
}
