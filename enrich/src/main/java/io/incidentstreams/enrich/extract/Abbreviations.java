package io.incidentstreams.enrich.extract;

import java.util.Arrays;
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
        int key = 0;
        for (int i = from; i < to; i++) {
            char c = cs[i];
            char l = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            if (l < 'a' || l > 'z') {
                return false; // every abbreviation is letters only
            }
            key = key * 32 + (l - 'a' + 1);
        }
        return Arrays.binarySearch(KEYS, key) >= 0;
    }

    /** {@link #WORDS} as numbers, five bits a letter, sorted: a word of up to six letters is looked up uncopied. */
    private static final int[] KEYS = WORDS.stream().filter(w -> w.length() <= 6).mapToInt(w -> {
        int key = 0;
        for (int i = 0; i < w.length(); i++) {
            key = key * 32 + (w.charAt(i) - 'a' + 1);
        }
        return key;
    }).sorted().toArray();
}
