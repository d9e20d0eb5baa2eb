package io.incidentstreams.enrich.extract;

/**
 * A sentence of the article body, after page furniture has been removed.
 *
 * @param index    position among all kept sentences of the article
 * @param piece    index of the {@link Piece} (main report or related-story teaser) it belongs to
 * @param text     the sentence as it appears in the article text
 * @param start    offset of its first character in the article text
 * @param end      offset one past its last character
 * @param headline true for the headline line of a piece
 */
record Sentence(int index, int piece, String text, int start, int end, boolean headline) {
}
