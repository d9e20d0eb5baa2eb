package io.incidentstreams.enrich.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A dictionary of token sequences matched longest-first at each position.
 *
 * <p>Matching walks one trie node per token, so scanning a sentence costs time linear in its length times the
 * longest phrase, however many phrases the rules hold. This is why rules are phrase lists rather than one large
 * regular expression.
 *
 * @param <T> the payload of a phrase
 */
final class PhraseTrie<T> {

    private static final class Node<T> {
        final Map<String, Node<T>> next = new HashMap<>(4);
        List<T> values;
    }

    /** A phrase found at tokens {@code [from, to)}. */
    record Match<T>(int from, int to, List<T> values) {
        T value() {
            return values.get(0);
        }
    }

    private final Node<T> root = new Node<>();
    private final Lexicon lexicon;
    private final long bit;
    private int size;

    PhraseTrie() {
        this(null);
    }

    /** A dictionary that registers its first words in {@code lexicon}, so that tokens can skip it cheaply. */
    PhraseTrie(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.bit = lexicon == null ? Token.ALL : lexicon.newBit();
    }

    /** Adds a phrase written in plain text; it is normalised like article text. Returns false for an empty one. */
    boolean add(String phrase, T value) {
        List<String> words = Tokenizer.normalizePhrase(phrase);
        if (words.isEmpty()) {
            return false;
        }
        Node<T> n = root;
        if (lexicon != null) {
            lexicon.addFirstWord(words.get(0), bit);
        }
        for (String w : words) {
            String key = lexicon == null ? w : lexicon.addWord(w);
            n = n.next.computeIfAbsent(key, k -> new Node<>());
        }
        if (n.values == null) {
            n.values = new ArrayList<>(1);
        }
        if (!n.values.contains(value)) {
            n.values.add(value);
        }
        size++;
        return true;
    }

    int size() {
        return size;
    }

    /** The longest phrase starting at token {@code i}, or null. */
    Match<T> longestAt(List<Token> tokens, int i) {
        if (i < 0 || i >= tokens.size() || (tokens.get(i).mask() & bit) == 0) {
            return null;
        }
        Node<T> n = root;
        Match<T> best = null;
        for (int k = i; k < tokens.size(); k++) {
            n = n.next.get(tokens.get(k).norm());
            if (n == null) {
                break;
            }
            if (n.values != null) {
                best = new Match<>(i, k + 1, n.values);
            }
        }
        return best;
    }

    /** All non-overlapping longest matches, left to right. */
    List<Match<T>> findAll(List<Token> tokens) {
        List<Match<T>> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Match<T> m = longestAt(tokens, i);
            if (m != null) {
                out.add(m);
                i = m.to();
            } else {
                i++;
            }
        }
        return out;
    }
}
