package io.incidentstreams.enrich.extract;

/**
 * Every word the rules use, with the phrase dictionaries it can start a phrase in as one bit per dictionary.
 *
 * <p>Each token looks its word up here once; a dictionary then skips every token whose bit is clear. With a dozen
 * dictionaries this turns a dozen hash lookups per word into one, which is most of the matching cost. The table is
 * open-addressed over the lower-case characters, so that the tokenizer can look a word up straight from the text and
 * reuse the rules' own string for it: no lower-case copy is made and later hash lookups of the word hit a cached
 * hash. Filled while the rules are built and only read afterwards.
 */
final class Lexicon {
    private String[] words = new String[1024];
    private long[] masks = new long[1024];
    private int size;
    private int nextBit;

    /** A bit for a new dictionary; beyond 63 dictionaries the bit is shared, which only costs speed. */
    long newBit() {
        long bit = 1L << Math.min(nextBit, 63);
        nextBit++;
        return bit;
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

    long mask(String word) {
        int slot = slotOf(word);
        return words[slot] == null ? 0L : masks[slot];
    }

    /**
     * The slot of the word {@code text[from, to)} compared in lower case, or -1 when the rules do not use it. Only
     * for ASCII text: other words are folded first (diacritics) and go through {@link #mask(String)}.
     */
    int find(String text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + lower(text.charAt(i));
        }
        return find(text, from, to, h);
    }

    /** As {@link #find(String, int, int)}, with the lower-case hash of the word already computed by the caller. */
    int find(String text, int from, int to, int h) {
        int m = words.length - 1;
        for (int slot = spread(h) & m; ; slot = (slot + 1) & m) {
            String w = words[slot];
            if (w == null) {
                return -1;
            }
            if (w.length() == to - from && w.hashCode() == h && sameLower(w, text, from)) {
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

    private static boolean sameLower(String w, String text, int from) {
        for (int i = 0; i < w.length(); i++) {
            if (w.charAt(i) != lower(text.charAt(from + i))) {
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
        masks[slot] = mask;
        if (++size * 2 > words.length) {
            String[] oldWords = words;
            long[] oldMasks = masks;
            words = new String[oldWords.length * 2];
            masks = new long[oldWords.length * 2];
            for (int i = 0; i < oldWords.length; i++) {
                if (oldWords[i] != null) {
                    int s = slotOf(oldWords[i]);
                    words[s] = oldWords[i];
                    masks[s] = oldMasks[i];
                }
            }
        }
    }
}
