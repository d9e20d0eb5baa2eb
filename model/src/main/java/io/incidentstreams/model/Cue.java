package io.incidentstreams.model;

/**
 * A textual cue that one incident relates to another, found by the extractor and resolved by the linker.
 *
 * @param relation the relation it suggests: {@link Relation#BREAKS_TRUCE}, {@link Relation#RETALIATION_FOR},
 *                 {@link Relation#FOLLOWS}
 * @param sentence the sentence that carries the cue
 * @param start    the sentence's offset in the article text
 */
public record Cue(String relation, String sentence, int start) {
}
