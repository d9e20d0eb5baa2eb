package io.incidentstreams.enrich.extract;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The tokens of one sentence, with the longest phrase of every dictionary at every token, found in one pass.
 *
 * <p>The rules ask each dictionary about most positions of a sentence, some several times ("is there a casualty word",
 * then "which ones"). {@link #index} walks, for each token, only the dictionaries its {@link Token#mask} names, once,
 * and {@link PhraseTrie#longestAt} then reads the answer here. Made by the tokenizer and never changed afterwards.
 */
final class TokenList extends AbstractList<Token> implements RandomAccess {

    private Token[] tokens;
    private int size;
    private Lexicon lexicon;
    private boolean frozen;
    /** Longest match by dictionary index and token; null for a dictionary with no match in the sentence. */
    private PhraseTrie.Match<?>[][] matches;

    TokenList(int capacity) {
        tokens = new Token[Math.max(4, capacity)];
    }

    @Override
    public boolean add(Token t) {
        if (frozen) {
            throw new UnsupportedOperationException("tokens are read-only once indexed");
        }
        if (size == tokens.length) {
            tokens = Arrays.copyOf(tokens, size * 2);
        }
        tokens[size++] = t;
        modCount++;
        return true;
    }

    @Override
    public Token get(int i) {
        if (i >= size) {
            throw new IndexOutOfBoundsException("index " + i + ", size " + size);
        }
        return tokens[i];
    }

    @Override
    public int size() {
        return size;
    }

    /** Finds every dictionary's longest match at every token; the list cannot change afterwards. */
    void index(Lexicon lexicon) {
        frozen = true;
        this.lexicon = lexicon;
        PhraseTrie.Match<?>[][] found = new PhraseTrie.Match<?>[Math.min(lexicon.dictionaries(), Lexicon.SHARED_BIT)][];
        for (int i = 0; i < size; i++) {
            long mask = tokens[i].mask();
            if (mask == 0L) {
                continue;
            }
            Object[] first = tokens[i].word().firstNodes;
            while (mask != 0L) {
                int d = Long.numberOfTrailingZeros(mask);
                mask &= mask - 1;
                if (d >= found.length) {
                    continue; // a bit shared by several dictionaries: they walk the tokens themselves
                }
                PhraseTrie.Match<?> m = lexicon.dictionary(d).walkAfterFirst(first[d], this, i);
                if (m != null) {
                    if (found[d] == null) {
                        found[d] = new PhraseTrie.Match<?>[size];
                    }
                    found[d][i] = m;
                }
            }
        }
        matches = found;
    }

    /** True if indexed with this lexicon, so that {@link #match} answers for its dictionaries below the shared bit. */
    boolean indexedWith(Lexicon lexicon) {
        return matches != null && this.lexicon == lexicon;
    }

    /** The longest match of dictionary {@code d} at token {@code i}, or null; only once indexed. */
    PhraseTrie.Match<?> match(int d, int i) {
        PhraseTrie.Match<?>[] byToken = d < matches.length ? matches[d] : null;
        return byToken == null ? null : byToken[i];
    }
}
