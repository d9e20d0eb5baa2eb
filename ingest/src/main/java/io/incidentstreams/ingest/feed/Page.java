package io.incidentstreams.ingest.feed;

/**
 * An article page reduced to what the pipeline needs.
 *
 * @param title       the headline: {@code og:title}, else the first {@code h1}, else {@code <title>}; null when none
 * @param publishedAt the page's own date, as {@code YYYY-MM-DD} or an ISO offset date-time; null when none
 * @param text        the article body as paragraphs separated by blank lines; empty when none was found
 */
public record Page(String title, String publishedAt, String text) {
}
