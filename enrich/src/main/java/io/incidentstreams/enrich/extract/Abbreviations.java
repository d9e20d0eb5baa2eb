package io.incidentstreams.enrich.extract;

import java.util.Locale;
import java.util.Set;

/** Words whose trailing full stop does not end a sentence ("Gen.", "Jan.", "Col."), and single-letter initials. */
final class Abbreviations {
    private static final Set<String> WORDS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm",
            "brig", "cmdr", "gov", "sen", "rep", "rev", "st", "jr", "sr", "ft", "mt", "no", "nos", "vs", "inc",
            "ltd", "co", "corp", "dept", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
            "nov", "dec", "approx", "est", "fig", "pres", "gens", "lieut");

    private Abbreviations() {
    }

    /** True for a known abbreviation or a single capital letter (an initial). */
    static boolean isAbbreviation(String word) {
        if (word.length() == 1) {
            return Character.isUpperCase(word.charAt(0));
        }
        return word.length() <= 6 && WORDS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** As {@link #isAbbreviation(String)} for the word {@code text[from, to)}, copied only when it may be one. */
    static boolean isAbbreviation(String text, int from, int to) {
        if (to - from == 1) {
            return Character.isUpperCase(text.charAt(from));
        }
        return to - from <= 6 && isAbbreviation(text.substring(from, to));
    }

    /** As {@link #isAbbreviation(String)} for the word {@code cs[from, to)}; ASCII words are not copied. */
    static boolean isAbbreviation(char[] cs, int from, int to) {
        int len = to - from;
        if (len == 1) {
            return Character.isUpperCase(cs[from]);
        }
        if (len > 6) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (cs[i] > 0x7F) {
                return isAbbreviation(new String(cs, from, len));
            }
        }
        String[] candidates = BY_LENGTH[len];
        for (String w : candidates) {
            boolean same = true;
            for (int i = 0; i < len && same; i++) {
                char c = cs[from + i];
                same = w.charAt(i) == (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    /** {@link #WORDS} by length, up to six letters. */
    private static final String[][] BY_LENGTH = new String[7][];

    static {
        for (int len = 0; len < BY_LENGTH.length; len++) {
            final int l = len;
            BY_LENGTH[len] = WORDS.stream().filter(w -> w.length() == l).sorted().toArray(String[]::new);
        }
    }
}
