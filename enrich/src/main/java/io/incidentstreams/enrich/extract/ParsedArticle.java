package io.incidentstreams.enrich.extract;

import java.util.List;

/** An article split into dated pieces and sentences, with offsets into the original text. */
record ParsedArticle(String text, List<Piece> pieces) {
}
