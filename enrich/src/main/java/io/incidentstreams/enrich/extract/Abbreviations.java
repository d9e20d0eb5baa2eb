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
}
