package io.incidentstreams.ingest.feed;

import java.time.Instant;

/**
 * One entry of a feed, as parsed.
 *
 * @param guid        the RSS {@code guid} or Atom {@code id}, stripped; null when absent
 * @param link        the entry's link, absolute; null when absent
 * @param title       plain text; null when absent
 * @param published   the entry's published date, else its updated date; null when absent
 * @param summary     the description or content as plain text; null when absent
 */
public record FeedItem(String guid, String link, String title, Instant published, String summary) {
}
