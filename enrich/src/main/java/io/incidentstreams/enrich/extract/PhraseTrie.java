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
 * regular expression. With a {@link Lexicon}, a node finds its child by the token's word id in a small open-addressed
 * table; tokens read without one go through a map by word.
 *
 * @param <T> the payload of a phrase
 */
final class PhraseTrie<T> {

    private static final class Node<T> {
        /** Children by word, in a dictionary without a lexicon; null otherwise. */
        Map<String, Node<T>> next;
        /** Children by word id: an open-addressed table, {@code ids[k] == -1} when slot k is empty. */
        int[] ids;
        Node<T>[] kids;
        int count;
        List<T> values;

        Node<T> child(int id) {
            if (ids == null || id < 0) {
                return null;
            }
            int m = ids.length - 1;
            for (int k = spread(id) & m; ; k = (k + 1) & m) {
                int at = ids[k];
                if (at == id) {
                    return kids[k];
                }
                if (at == -1) {
                    return null;
                }
            }
        }

        /** Ids are given in sequence, so they are scattered before probing, or runs of them would make clusters. */
        private static int spread(int id) {
            int h = id * 0x9E3779B9;
            return h ^ (h >>> 16);
        }

        void putChild(int id, Node<T> child) {
            if (ids == null || (count + 1) * 2 > ids.length) {
                int[] oldIds = ids;
                Node<T>[] oldKids = kids;
                int size = ids == null ? 4 : ids.length * 2;
                ids = new int[size];
                java.util.Arrays.fill(ids, -1);
                @SuppressWarnings("unchecked")
                Node<T>[] fresh = (Node<T>[]) new Node<?>[size];
                kids = fresh;
                count = 0;
                if (oldIds != null) {
                    for (int k = 0; k < oldIds.length; k++) {
                        if (oldIds[k] != -1) {
                            putChild(oldIds[k], oldKids[k]);
                        }
                    }
                }
            }
            int m = ids.length - 1;
            int k = spread(id) & m;
            while (ids[k] != -1 && ids[k] != id) {
                k = (k + 1) & m;
            }
            if (ids[k] == -1) {
                count++;
            }
            ids[k] = id;
            kids[k] = child;
        }
    }

    /** A phrase found at tokens {@code [from, to)}. */
    record Match<T>(int from, int to, List<T> values) {
        T value() {
            return values.get(0);
        }
    }

    private final Node<T> root = new Node<>();
    private final Lexicon lexicon;
    /** Index among the lexicon's dictionaries, -1 without a lexicon. */
    private final int index;
    private final long bit;
    private int size;

    PhraseTrie() {
        this(null);
    }

    /** A dictionary that registers its first words in {@code lexicon}, so that tokens can skip it cheaply. */
    PhraseTrie(Lexicon lexicon) {
        this.lexicon = lexicon;
        this.index = lexicon == null ? -1 : lexicon.register(this);
        this.bit = lexicon == null ? Token.ALL : Lexicon.bit(index);
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
            Node<T> child;
            if (lexicon == null) {
                if (n.next == null) {
                    n.next = new HashMap<>(4);
                }
                child = n.next.computeIfAbsent(w, k -> new Node<>());
            } else {
                Lexicon.Word word = lexicon.add(w);
                child = n.child(word.id);
                if (child == null) {
                    child = new Node<>();
                    n.putChild(word.id, child);
                    if (n == root) {
                        Lexicon.setFirstNode(word, index, child);
                    }
                }
            }
            n = child;
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
    @SuppressWarnings("unchecked")
    Match<T> longestAt(List<Token> tokens, int i) {
        if (index >= 0 && index < Lexicon.SHARED_BIT && tokens instanceof TokenList tl && tl.indexedWith(lexicon)) {
            return i < 0 || i >= tl.size() ? null : (Match<T>) tl.match(index, i);
        }
        return walk(tokens, i);
    }

    /** As {@link #longestAt}, walking the trie from token {@code i}. */
    Match<T> walk(List<Token> tokens, int i) {
        if (i < 0 || i >= tokens.size() || (tokens.get(i).mask() & bit) == 0) {
            return null;
        }
        return walkFrom(root, tokens, i, i);
    }

    /**
     * As {@link #walk} for a dictionary made without a lexicon, whatever the token's mask says (a token read with
     * another dictionary's lexicon has no bit for this one).
     */
    Match<T> walkByWord(List<Token> tokens, int i) {
        if (lexicon != null) {
            throw new IllegalStateException("only for a dictionary without a lexicon");
        }
        return i < 0 || i >= tokens.size() ? null : walkFrom(root, tokens, i, i);
    }

    /**
     * As {@link #walk}, for a token whose first-word node the lexicon gave ({@code first}, the root's child for
     * token {@code i}).
     */
    @SuppressWarnings("unchecked")
    Match<T> walkAfterFirst(Object first, List<Token> tokens, int i) {
        Node<T> n = (Node<T>) first;
        return walkFrom(n, tokens, i, i + 1);
    }

    /** The longest phrase starting at token {@code i}, with node {@code n} reached after tokens {@code [i, k)}. */
    private Match<T> walkFrom(Node<T> n, List<Token> tokens, int i, int k) {
        List<T> bestValues = k > i ? n.values : null;
        int bestTo = k;
        for (; k < tokens.size(); k++) {
            if (lexicon != null ? n.ids == null : n.next == null) {
                break; // a leaf
            }
            Token t = tokens.get(k);
            // by word id; a token read without the lexicon is looked up in it by its word (a word the rules lack,
            // id -1, finds nothing)
            n = lexicon == null ? n.next.get(t.norm())
                    : n.child(t.id() != Token.UNKNOWN ? t.id() : lexicon.id(t.norm()));
            if (n == null) {
                break;
            }
            if (n.values != null) {
                bestValues = n.values;
                bestTo = k + 1;
            }
        }
        return bestValues == null ? null : new Match<>(i, bestTo, bestValues);
    }

    /**
     * The first token at or after {@code from} where a phrase starts, or -1: read from the token list's index, so
     * that callers visit only the few tokens that start a phrase.
     */
    int nextStart(List<Token> tokens, int from) {
        int start = Math.max(0, from);
        if (index >= 0 && index < Lexicon.SHARED_BIT && tokens instanceof TokenList tl && tl.indexedWith(lexicon)) {
            return tl.nextStart(index, start);
        }
        for (int i = start; i < tokens.size(); i++) {
            if (walk(tokens, i) != null) {
                return i;
            }
        }
        return -1;
    }

    /** All non-overlapping longest matches, left to right; read-only. */
    List<Match<T>> findAll(List<Token> tokens) {
        int i = nextStart(tokens, 0);
        if (i < 0) {
            return List.of(); // most dictionaries find nothing in most sentences
        }
        List<Match<T>> out = new ArrayList<>(4);
        while (i >= 0) {
            Match<T> m = longestAt(tokens, i);
            out.add(m);
            i = nextStart(tokens, m.to());
        }
        return out;
    }
}
