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
    /**
     * Every dictionary's longest match at every token, in token order. The matches of
     * one dictionary are chained in order, from {@code first[d]} through {@code next}; -1 ends a chain. Most
     * sentences hold a few dozen matches, so that a chain is short and the index small.
     */
    private PhraseTrie.Match<?>[] matches;
    private int[] next;
    private int[] first;

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
        int dictionaries = Math.min(lexicon.dictionaries(), Lexicon.SHARED_BIT);
        int[] head = new int[dictionaries];
        int[] tail = new int[dictionaries];
        Arrays.fill(head, -1);
        PhraseTrie.Match<?>[] found = new PhraseTrie.Match<?>[Math.max(4, size / 2)];
        int[] chain = new int[found.length];
        int count = 0;
        for (int i = 0; i < size; i++) {
            long mask = tokens[i].mask();
            if (mask == 0L) {
                continue;
            }
            Object[] firstNodes = tokens[i].word().firstNodes;
            while (mask != 0L) {
                int d = Long.numberOfTrailingZeros(mask);
                mask &= mask - 1;
                if (d >= dictionaries) {
                    continue; // a bit shared by several dictionaries: they walk the tokens themselves
                }
                PhraseTrie.Match<?> m = lexicon.dictionary(d).walkAfterFirst(firstNodes[d], this, i);
                if (m == null) {
                    continue;
                }
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                    chain = Arrays.copyOf(chain, count * 2);
                }
                found[count] = m;
                chain[count] = -1;
                if (head[d] < 0) {
                    head[d] = count;
                } else {
                    chain[tail[d]] = count;
                }
                tail[d] = count;
                count++;
            }
        }
        next = chain;
        first = head;
        matches = found;
    }

    /** The first token at or after {@code from} where dictionary {@code d} has a match, or -1; only once indexed. */
    int nextStart(int d, int from) {
        for (int k = d < first.length ? first[d] : -1; k >= 0; k = next[k]) {
            if (matches[k].from() >= from) {
                return matches[k].from();
            }
        }
        return -1;
    }

    /** True if indexed with this lexicon, so that {@link #match} answers for its dictionaries below the shared bit. */
    boolean indexedWith(Lexicon lexicon) {
        return matches != null && this.lexicon == lexicon;
    }

    /** The longest match of dictionary {@code d} at token {@code i}, or null; only once indexed. */
    PhraseTrie.Match<?> match(int d, int i) {
        for (int k = d < first.length ? first[d] : -1; k >= 0; k = next[k]) {
            int from = matches[k].from();
            if (from >= i) {
                return from == i ? matches[k] : null;
            }
        }
        return null;
    }
}
