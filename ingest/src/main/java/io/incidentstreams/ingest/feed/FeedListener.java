package io.incidentstreams.ingest.feed;

import io.incidentstreams.model.Article;
import java.net.URI;

/** Told what the poller does, on the polling thread: keep it quick. Every method does nothing by default. */
public interface FeedListener {
    FeedListener NONE = new FeedListener() { };

    /** A feed was fetched and parsed: {@code items} entries, {@code fresh} of them new and now committed. */
    default void polled(URI feed, int items, int fresh) {
    }

    /** The feed answered 304. */
    default void notModified(URI feed) {
    }

    /** The feed could not be fetched or parsed; the poller goes on with the others and tries again later. */
    default void failed(URI feed, String reason) {
    }

    /** An article was committed; {@code pageError} is non-null when its summary stands in for its page. */
    default void published(URI feed, Article article, String pageError) {
    }

    /** An item could not be published and went to the dead letters. */
    default void deadLettered(URI feed, String source, String reason) {
    }
}
