package io.incidentstreams.ingest.feed;

/** A response that is not a feed we can read; the message says why, without the URL. */
public final class FeedParseException extends Exception {
    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
