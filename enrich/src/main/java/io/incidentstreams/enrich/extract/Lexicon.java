package io.incidentstreams.enrich.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Every word the rules use, with the phrase dictionaries it can start a phrase in as one bit per dictionary.
 *
 * <p>Each token looks its word up here once; a dictionary then skips every token whose bit is clear. With a dozen
 * dictionaries this turns a dozen hash lookups per word into one, which is most of the matching cost. The table is
 * open-addressed over the lower-case characters, so that the tokenizer can look a word up straight from the text and
 * reuse the rules' own string for it: no lower-case copy is made and later hash lookups of the word hit a cached
 * hash. Each word also has a number, its id, given in the order words are added, so that dictionaries can index
 * their entries by it instead of hashing strings. Filled while the rules are built and only read afterwards.
 */
final class Lexicon {
    private String[] words = new String[1024];
    /** The lower-case characters of each word, compared with the text without going through String. */
    private char[][] chars = new char[1024][];
    private int[] hashes = new int[1024];
    private long[] masks = new long[1024];
    private int[] ids = new int[1024];
    private long[] classes = new long[1024];
    /** Word set bits are filled in; until then tokens read with this lexicon test word sets by string. */
    private boolean classesKnown;
    private int size;

    /** The mask bit that dictionaries from the 64th on share; it only costs speed (they cannot use the index). */
    static final int SHARED_BIT = 63;

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

    void addFirstWord(String word, long bit) {
        int slot = slotOf(word);
        if (words[slot] == null) {
            insert(slot, word, bit);
        } else {
            masks[slot] |= bit;
        }
    }

    /**
     * Registers a word the rules use, so that tokens of it share one string; returns that string, which callers use
     * as their key too, so that comparing a token with a key is mostly an identity check.
     */
    String addWord(String word) {
        int slot = slotOf(word);
        if (words[slot] == null) {
            insert(slot, word, 0L);
            return word;
        }
        return words[slot];
    }

    /** The slot of a word (compared exactly), or -1 when the rules do not use it. */
    int slot(String word) {
        int slot = slotOf(word);
        return words[slot] == null ? -1 : slot;
    }

    /** The id of a word (compared exactly), or {@link Token#NO_WORD}. */
    int id(String word) {
        int slot = slotOf(word);
        return words[slot] == null ? Token.NO_WORD : ids[slot];
    }

    /**
     * Adds the words of these sets and marks each with its set's bit, which tokens then carry (see {@link WordSet}).
     * Called once the rules are read.
     */
    void addWordSets(List<WordSet> sets) {
        for (WordSet set : sets) {
            for (String w : set.words()) {
                addWord(w);
                classes[slotOf(w)] |= set.bit();
            }
        }
        classesKnown = true;
    }

    /** The word set bits of the word in {@code slot}, or of a word the rules lack when slot is -1; 0 when unknown. */
    long classesAt(int slot) {
        if (!classesKnown) {
            return 0L;
        }
        return Token.CLASSES_KNOWN | (slot < 0 ? 0L : classes[slot]);
    }

    /** Number of words; ids run from 0 to {@code size() - 1}. */
    int size() {
        return size;
    }

    /**
     * The slot of the word {@code cs[from, to)} compared in lower case, or -1 when the rules do not use it, given
     * the word's lower-case hash as {@link String#hashCode} computes it. Only for ASCII text: other words are folded
     * first (diacritics) and go through {@link #slot(String)}.
     */
    int find(char[] cs, int from, int to, int h) {
        int len = to - from;
        int m = words.length - 1;
        for (int slot = spread(h) & m; ; slot = (slot + 1) & m) {
            char[] w = chars[slot];
            if (w == null) {
                return -1;
            }
            if (hashes[slot] == h && w.length == len && sameLower(w, cs, from)) {
                return slot;
            }
        }
    }

    String word(int slot) {
        return words[slot];
    }

    long maskAt(int slot) {
        return masks[slot];
    }

    int idAt(int slot) {
        return ids[slot];
    }

    private static boolean sameLower(char[] w, char[] cs, int from) {
        for (int i = 0; i < w.length; i++) {
            if (w[i] != lower(cs[from + i])) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16);
    }

    private int slotOf(String word) {
        int m = words.length - 1;
        int slot = spread(word.hashCode()) & m;
        while (words[slot] != null && !words[slot].equals(word)) {
            slot = (slot + 1) & m;
        }
        return slot;
    }

    private void insert(int slot, String word, long mask) {
        words[slot] = word;
        chars[slot] = word.toCharArray();
        hashes[slot] = word.hashCode();
        masks[slot] = mask;
        ids[slot] = size;
        classes[slot] = 0L;
        if (++size * 2 > words.length) {
            String[] oldWords = words;
            char[][] oldChars = chars;
            int[] oldHashes = hashes;
            long[] oldMasks = masks;
            int[] oldIds = ids;
            long[] oldClasses = classes;
            words = new String[oldWords.length * 2];
            chars = new char[oldWords.length * 2][];
            hashes = new int[oldWords.length * 2];
            masks = new long[oldWords.length * 2];
            ids = new int[oldWords.length * 2];
            classes = new long[oldWords.length * 2];
            for (int i = 0; i < oldWords.length; i++) {
                if (oldWords[i] != null) {
                    int s = slotOf(oldWords[i]);
                    words[s] = oldWords[i];
                    chars[s] = oldChars[i];
                    hashes[s] = oldHashes[i];
                    masks[s] = oldMasks[i];
                    ids[s] = oldIds[i];
                    classes[s] = oldClasses[i];
                }
            }
        }
    }
}
