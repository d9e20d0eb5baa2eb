package io.incidentstreams.ingest.feed;

/** Headers on raw-articles records that came from a feed, besides the schema version. */
public final class FeedHeaders {
    /** The feed's URL. */
    public static final String FEED = "incidents.feed.url";
    /** {@code true} when the text is the feed's summary because the page could not be used (with --fetch-pages). */
    public static final String SUMMARY_ONLY = "incidents.feed.summary-only";
    /** Why the page could not be used, when {@link #SUMMARY_ONLY} is set. */
    public static final String PAGE_ERROR = "incidents.feed.page-error";

    private FeedHeaders() {
    }
}
