package io.incidentstreams.enrich.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one line of text into sentences, keeping offsets.
 *
 * <p>A full stop, question or exclamation mark ends a sentence when whitespace and then a capital, digit or quote
 * follow, unless the word before it is an abbreviation or an initial ("Gen. Soleimani", "Jan. 8", "Myles B.
 * Caggins"). Sentences longer than {@link #MAX_SENTENCE} characters are cut at a space so that every later step works
 * on bounded input, whatever the page looks like.
 */
final class SentenceSplitter {

    /** Longest sentence handed to the rules. */
    static final int MAX_SENTENCE = 2_000;

    /** A sentence span {@code [start, end)}. */
    record Span(int start, int end) {
    }

    private SentenceSplitter() {
    }

    static List<Span> split(String text, int from, int to) {
        return split(text.toCharArray(), from, to);
    }

    /** As {@link #split(String, int, int)}, over the characters of the text. */
    static List<Span> split(char[] cs, int from, int to) {
        List<Span> out = new ArrayList<>();
        int start = skipSpace(cs, from, to);
        int i = start;
        while (i < to) {
            // to the next stop, or to the length limit: nothing else needs a look
            int limit = Math.min(to, start + MAX_SENTENCE);
            while (i < limit && !isStop(cs[i])) {
                i++;
            }
            if (i >= to) {
                break;
            }
            char c = cs[i];
            if (isStop(c) && endsSentence(cs, i, to)) {
                int end = i + 1;
                while (end < to && isClosing(cs[end])) {
                    end++;
                }
                add(out, cs, start, end);
                start = skipSpace(cs, end, to);
                i = start;
                continue;
            }
            if (i - start >= MAX_SENTENCE) {
                int cut = i;
                while (cut > start + MAX_SENTENCE / 2 && !Character.isWhitespace(cs[cut])) {
                    cut--;
                }
                if (cut <= start + MAX_SENTENCE / 2) {
                    cut = i; // no space at all: a hard cut keeps the bound
                }
                add(out, cs, start, cut);
                start = skipSpace(cs, cut, to);
                i = start;
                continue;
            }
            i++;
        }
        add(out, cs, start, to);
        return out;
    }

    private static boolean endsSentence(char[] cs, int i, int to) {
        int j = i + 1;
        while (j < to && isClosing(cs[j])) {
            j++;
        }
        if (j >= to) {
            return true;
        }
        if (!Character.isWhitespace(cs[j])) {
            return false;
        }
        int k = skipSpace(cs, j, to);
        if (k >= to) {
            return true;
        }
        char next = cs[k];
        boolean opener = Character.isUpperCase(next) || Character.isDigit(next) || next == '"' || next == '\u201C'
                || next == '\'' || next == '\u2018' || next == '(' || next == '[';
        if (!opener) {
            return false;
        }
        if (cs[i] != '.') {
            return true;
        }
        // the word before the full stop
        int w = i;
        while (w > 0 && Character.isLetter(cs[w - 1])) {
            w--;
        }
        int length = i - w;
        if (length == 0) {
            return true;
        }
        if (w > 0 && cs[w - 1] == '.') {
            return length > 1; // "U.S." mid-sentence stays; "p.m." likewise
        }
        if (Abbreviations.isAbbreviation(cs, w, i)) {
            // "Jan. 8" or "Gen. Soleimani" never end; a lone initial ends only before a quote
            return false;
        }
        return true;
    }

    private static boolean isStop(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\u201D' || c == '\'' || c == '\u2019' || c == ')' || c == ']';
    }

    private static int skipSpace(char[] cs, int i, int to) {
        while (i < to && Character.isWhitespace(cs[i])) {
            i++;
        }
        return i;
    }

    private static void add(List<Span> out, char[] cs, int start, int end) {
        while (end > start && Character.isWhitespace(cs[end - 1])) {
            end--;
        }
        if (end > start) {
            out.add(new Span(start, end));
        }
    }
}
