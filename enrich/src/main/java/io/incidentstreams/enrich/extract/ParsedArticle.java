package io.incidentstreams.enrich.extract;

import java.util.List;

/**
 * An article split into dated pieces and sentences, with offsets into the original text.
 *
 * @param text   the article text
 * @param chars  the same text as an array, which the tokenizer reads (copied once per article); not to be changed
 * @param pieces the main report and teasers
 */
record ParsedArticle(String text, char[] chars, List<Piece> pieces) {
}
