package io.incidentstreams.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A fixed set of words that rules test tokens against ("in", "at", "near"; titles; months).
 *
 * <p>The rules ask such questions of nearly every token, so a set made before the first {@link Rules} are built gets a
 * bit (at most {@link #BITS} sets do): the lexicon then holds all its words and marks them with that bit, and
 * {@link #contains(Token)} is one bit test on the token instead of a hash lookup of its string. A token read without
 * a finished lexicon, and a set without a bit, fall back to comparing strings; the answer is the same either way.
 */
final class WordSet {

    /** Sets with their own bit; the highest bit of a token's classes says that they are known. */
    static final int BITS = 63;

    private static final List<WordSet> WITH_BITS = new ArrayList<>();
    private static boolean closed;

    private final Set<String> words;
    private final long bit;

    private WordSet(Set<String> words) {
        this.words = words;
        synchronized (WordSet.class) {
            if (!closed && WITH_BITS.size() < BITS) {
                this.bit = 1L << WITH_BITS.size();
                WITH_BITS.add(this);
            } else {
                this.bit = 0L;
            }
        }
    }

    /** A set of lower-case words, as tokens normalise them. */
    static WordSet of(String... words) {
        return new WordSet(Set.of(words));
    }

    /**
     * Every set that has a bit. From the first call on, sets made later get none, so that every lexicon knows the
     * same sets.
     */
    static synchronized List<WordSet> withBits() {
        closed = true;
        return List.copyOf(WITH_BITS);
    }

    Set<String> words() {
        return words;
    }

    long bit() {
        return bit;
    }

    boolean contains(String word) {
        return words.contains(word);
    }

    boolean contains(Token t) {
        long c = t.classes();
        return bit != 0L && (c & Token.CLASSES_KNOWN) != 0L ? (c & bit) != 0L : words.contains(t.norm());
    }
}
