package io.incidentstreams.enrich.extract;

import java.util.HashMap;
import java.util.Map;

/**
 * Which phrase dictionaries a word can start a phrase in, as one bit per dictionary.
 *
 * <p>Each token looks its word up here once; a dictionary then skips every token whose bit is clear. With a dozen
 * dictionaries this turns a dozen hash lookups per word into one, which is most of the matching cost. Filled while
 * the rules are built and only read afterwards.
 */
final class Lexicon {
    private final Map<String, Long> firstWords = new HashMap<>();
    private int nextBit;

    /** A bit for a new dictionary; beyond 63 dictionaries the bit is shared, which only costs speed. */
    long newBit() {
        long bit = 1L << Math.min(nextBit, 63);
        nextBit++;
        return bit;
    }

    void addFirstWord(String word, long bit) {
        firstWords.merge(word, bit, (a, b) -> a | b);
    }

    long mask(String word) {
        Long m = firstWords.get(word);
        return m == null ? 0L : m;
    }
}
