package io.incidentstreams.ingest.feed;

import java.util.List;

/**
 * A feed as parsed.
 *
 * @param title the feed's title, used as the articles' outlet; null when absent
 * @param type  ROME's name of the format, e.g. {@code rss_2.0} or {@code atom_1.0}
 * @param items the entries in document order (usually newest first)
 */
public record ParsedFeed(String title, String type, List<FeedItem> items) {
    public ParsedFeed {
        items = List.copyOf(items);
    }
}
