package io.incidentstreams.ingest.feed;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A value on the ingest state topic: what was done with one input, so that no later run does it again.
 *
 * @param kind        {@link #FEED_ITEM}, {@link #WATCH_FILE} or {@link #WATCH_ARTICLE}
 * @param source      the feed URL or the file path
 * @param articleId   the article published, or null when the input was dead-lettered
 * @param digest      SHA-256 of what was published (an article's fields, a file's bytes); null for feed items,
 *                    which are identified by their guid or link alone
 * @param summaryOnly true when a feed item went out with its summary because its page could not be used
 * @param at          when it was recorded, ISO-8601 UTC
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestMark(String kind, String source, String articleId, String digest, Boolean summaryOnly,
                         String at) {
    public static final String FEED_ITEM = "feed-item";
    public static final String WATCH_FILE = "watch-file";
    public static final String WATCH_ARTICLE = "watch-article";
}
