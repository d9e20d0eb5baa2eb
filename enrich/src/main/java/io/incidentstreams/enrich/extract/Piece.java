package io.incidentstreams.enrich.extract;

import java.time.LocalDate;
import java.util.List;

/**
 * A separately dated part of a page: the main report, or a related-story teaser that carries its own date.
 *
 * <p>Teasers are kept apart because their relative dates ("early Sunday") refer to their own publication date, not
 * the page's.
 *
 * @param index     position on the page
 * @param teaser    true for a related-story teaser
 * @param anchor    the date relative expressions resolve against; null when unknown
 * @param sentences its sentences in text order
 */
record Piece(int index, boolean teaser, LocalDate anchor, List<Sentence> sentences) {
}
