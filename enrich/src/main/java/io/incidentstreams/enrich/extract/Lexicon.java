package io.incidentstreams.enrich.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every word the rules use, each with what a token of it needs to know: the phrase dictionaries it can start a
 * phrase in (one bit per dictionary), the {@link WordSet}s that hold it, and its number.
 *
 * <p>Each token looks its word up here once and keeps the {@link Word}; a dictionary then skips every token whose
 * bit is clear, and a word set is one bit test. With a dozen dictionaries and dozens of word sets this turns many hash
 * lookups per word into one. The table is open-addressed over the lower-case characters, so that the tokenizer can
 * look a word up straight from the text and reuse the rules' own string for it: no lower-case copy is made and later
 * comparisons with the word are mostly identity checks. Dictionaries find their entries by the word's number, its
 * id, given in the order words are added. Filled while the rules are built and only read afterwards.
 */
final class Lexicon {

    /** A word of the rules. Its fields are set while the rules are built and only read afterwards. */
    static final class Word {
        /** The word, as tokens normalise it. */
        final String text;
        /** Its characters, compared with the text without going through String. */
        final char[] chars;
        final int hash;
        /** Its number, or {@link Token#NO_WORD} / {@link Token#UNKNOWN} for the two stand-ins below. */
        final int id;
        /** The dictionaries it starts a phrase in, one bit each. */
        long mask;
        /** The bits of the word sets that hold it, with {@link Token#CLASSES_KNOWN} once they are known. */
        long classes;
        /** By dictionary index: the node the dictionary reaches from its root by this word. */
        Object[] firstNodes;

        Word(String text, int id, long mask) {
            this.text = text;
            this.chars = text == null ? null : text.toCharArray();
            this.hash = text == null ? 0 : text.hashCode();
            this.id = id;
            this.mask = mask;
        }
    }

    /** What a token read without a lexicon carries: every dictionary looks at it, word sets compare strings. */
    static final Word UNKNOWN = new Word(null, Token.UNKNOWN, Token.ALL);

    /** The mask bit that dictionaries from the 64th on share; it only costs speed (they cannot use the index). */
    static final int SHARED_BIT = 63;

    private Word[] table = new Word[1024];
    /** The hash of each word in {@link #table}, compared before the word itself is read. */
    private int[] hashes = new int[1024];
    private int size;
    /** What a token of a word the rules lack carries. */
    private final Word missing = new Word(null, Token.NO_WORD, 0L);
    private final List<PhraseTrie<?>> dictionaries = new ArrayList<>();

    /** Registers a dictionary; returns its index, whose bit (up to {@link #SHARED_BIT}) marks its first words. */
    int register(PhraseTrie<?> dictionary) {
        dictionaries.add(dictionary);
        return dictionaries.size() - 1;
    }

    static long bit(int dictionary) {
        return 1L << Math.min(dictionary, SHARED_BIT);
    }

    int dictionaries() {
        return dictionaries.size();
    }

    PhraseTrie<?> dictionary(int index) {
        return dictionaries.get(index);
    }

    /** Registers a word that starts a phrase of the dictionary with this bit. */
    void addFirstWord(String word, long bit) {
        add(word).mask |= bit;
    }

    /**
     * Registers a word the rules use, so that tokens of it share one string; returns its entry, whose string callers
     * use as their key too, so that comparing a token with a key is mostly an identity check.
     */
    Word add(String word) {
        int slot = slotOf(word);
        if (table[slot] == null) {
            Word w = new Word(word, size, 0L);
            insert(slot, w);
            return w;
        }
        return table[slot];
    }

    /** Records the node that dictionary {@code dictionary} reaches from its root by the word. */
    static void setFirstNode(Word word, int dictionary, Object node) {
        if (dictionary >= SHARED_BIT) {
            return;
        }
        if (word.firstNodes == null || word.firstNodes.length <= dictionary) {
            word.firstNodes = word.firstNodes == null ? new Object[dictionary + 1]
                    : Arrays.copyOf(word.firstNodes, dictionary + 1);
        }
        word.firstNodes[dictionary] = node;
    }

    /** The entry of a word (compared exactly), or the stand-in for a word the rules lack. */
    Word get(String word) {
        Word w = table[slotOf(word)];
        return w == null ? missing : w;
    }

    /** The id of a word (compared exactly), or {@link Token#NO_WORD}. */
    int id(String word) {
        return get(word).id;
    }

    /**
     * Adds the words of these sets and marks each with its set's bit, which tokens then carry (see {@link WordSet}).
     * Called once the rules are read.
     */
    void addWordSets(List<WordSet> sets) {
        for (WordSet set : sets) {
            for (String w : set.words()) {
                add(w).classes |= set.bit();
            }
        }
        for (Word w : table) {
            if (w != null) {
                w.classes |= Token.CLASSES_KNOWN;
            }
        }
        missing.classes = Token.CLASSES_KNOWN;
    }

    /** Number of words; ids run from 0 to {@code size() - 1}. */
    int size() {
        return size;
    }

    /**
     * The entry of the word {@code cs[from, to)} compared in lower case, or the stand-in for a word the rules lack,
     * given the word's lower-case hash as {@link String#hashCode} computes it. Only for ASCII text: other words are
     * folded first (diacritics) and go through {@link #get(String)}.
     */
    Word find(char[] cs, int from, int to, int h) {
        int len = to - from;
        Word[] t = table;
        int[] hs = hashes;
        int m = t.length - 1;
        for (int slot = spread(h) & m; ; slot = (slot + 1) & m) {
            if (hs[slot] == h) {
                Word w = t[slot];
                if (w == null) {
                    return missing; // an empty slot, and a hash of 0
                }
                if (w.chars.length == len && sameLower(w.chars, cs, from)) {
                    return w;
                }
            } else if (t[slot] == null) {
                return missing;
            }
        }
    }

    private static boolean sameLower(char[] w, char[] cs, int from) {
        for (int i = 0; i < w.length; i++) {
            char c = cs[from + i];
            if (w[i] != (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c)) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private int slotOf(String word) {
        int m = table.length - 1;
        int slot = spread(word.hashCode()) & m;
        while (table[slot] != null && !table[slot].text.equals(word)) {
            slot = (slot + 1) & m;
        }
        return slot;
    }

    private void insert(int slot, Word w) {
        table[slot] = w;
        hashes[slot] = w.hash;
        if (++size * 2 > table.length) {
            Word[] old = table;
            table = new Word[old.length * 2];
            hashes = new int[old.length * 2];
            for (Word o : old) {
                if (o != null) {
                    int s = slotOf(o.text);
                    table[s] = o;
                    hashes[s] = o.hash;
                }
            }
        }
    }
}
