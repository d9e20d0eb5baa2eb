package io.incidentstreams.enrich.extract;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a span of text into {@link Token}s in one linear pass.
 *
 * <p>Hyphens split words ("Iran-backed" is "iran", "backed") so that "al-Salam", "al Salam" and "Al-Salam" match the
 * same rule. A trailing "'s" is dropped and remembered as a possessive. Dotted acronyms become one token ("U.S." is
 * "us"). Digit groups ("3,000") are read as numbers.
 */
final class Tokenizer {

    private Tokenizer() {
    }

    static List<Token> tokenize(String text, int from, int to) {
        return tokenize(text, from, to, null);
    }

    /** Tokens with their dictionary masks from {@code lexicon} (all bits set when it is null). */
    static List<Token> tokenize(String text, int from, int to, Lexicon lexicon) {
        List<Token> out = new ArrayList<>(Math.max(8, (to - from) / 5));
        int sep = 0;
        boolean hyphen = false;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                StringBuilder norm = new StringBuilder(12);
                boolean possessive = false;
                boolean acronym = false;
                if (Character.isLetter(c) && isAcronymStart(text, i, to)) {
                    // U.S. / U.N. / a.m.
                    while (i + 1 < to && Character.isLetter(text.charAt(i)) && text.charAt(i + 1) == '.') {
                        norm.append(Character.toLowerCase(text.charAt(i)));
                        i += 2;
                        if (i >= to || !Character.isLetter(text.charAt(i)) || (i + 1 < to
                                && Character.isLetterOrDigit(text.charAt(i + 1)))) {
                            break;
                        }
                    }
                    // "U.S" without the final dot
                    if (i < to && Character.isLetter(text.charAt(i)) && (i + 1 >= to
                            || !Character.isLetterOrDigit(text.charAt(i + 1)))) {
                        norm.append(Character.toLowerCase(text.charAt(i)));
                        i++;
                    }
                    acronym = true;
                } else if (Character.isDigit(c)) {
                    while (i < to) {
                        char d = text.charAt(i);
                        if (Character.isDigit(d)) {
                            norm.append(d);
                            i++;
                        } else if (d == ',' && i + 3 < to + 1 && isDigitGroup(text, i + 1, to)) {
                            i++; // thousands separator: 3,000
                        } else if ((d == ':' || d == '.') && i + 1 < to && Character.isDigit(text.charAt(i + 1))) {
                            norm.append(d);
                            i++;
                        } else if (Character.isLetter(d)) {
                            norm.append(Character.toLowerCase(d));
                            i++;
                        } else {
                            break;
                        }
                    }
                } else {
                    // fast path: a plain word without apostrophes; its lower-case hash is read in the same pass
                    int k = i;
                    int hash = 0;
                    boolean ascii = true;
                    char ch;
                    while (k < to && (((ch = text.charAt(k)) >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
                            || (ch >= '0' && ch <= '9') || ch > 0x7F && Character.isLetterOrDigit(ch))) {
                        if (ch > 0x7F) {
                            ascii = false;
                        }
                        hash = 31 * hash + (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
                        k++;
                    }
                    boolean plain = k >= to || !isApostrophe(text.charAt(k));
                    if (plain) {
                        String raw = text.substring(i, k);
                        String n;
                        long mask;
                        int slot = lexicon != null && ascii ? lexicon.find(text, i, k, hash) : -2;
                        if (slot >= 0) {
                            n = lexicon.word(slot); // the rules' own string: no copy, hash already known
                            mask = lexicon.maskAt(slot);
                        } else {
                            String lower = raw.toLowerCase(Locale.ROOT);
                            n = slot == -1 ? lower : needsFolding(lower) ? fold(lower) : lower;
                            mask = slot == -1 ? 0L : lexicon == null ? Token.ALL : lexicon.mask(n);
                        }
                        out.add(new Token(n, raw, start, k, sep, Character.isUpperCase(c), false,
                                Character.isDigit(c) ? parseNumber(n) : Token.NOT_A_NUMBER, hyphen, mask));
                        sep = 0;
                        hyphen = false;
                        i = k;
                        continue;
                    }
                    while (!plain && i < to) {
                        char d = text.charAt(i);
                        if (Character.isLetterOrDigit(d)) {
                            norm.append(Character.toLowerCase(d));
                            i++;
                        } else if (isApostrophe(d)) {
                            if (i + 1 < to && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                                    && (i + 2 >= to || !Character.isLetterOrDigit(text.charAt(i + 2)))) {
                                possessive = true;
                                break;
                            }
                            if (i + 1 < to && Character.isLetter(text.charAt(i + 1))) {
                                i++; // Kata'ib
                                continue;
                            }
                            if (norm.length() > 0 && norm.charAt(norm.length() - 1) == 's') {
                                possessive = true; // militias'
                            }
                            break;
                        } else {
                            break;
                        }
                    }
                }
                int end = i;
                if (possessive) {
                    i = Math.min(to, isApostrophe(text.charAt(i)) && i + 1 < to
                            && (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S') ? i + 2 : i + 1);
                }
                String n = norm.toString();
                if (!acronym && needsFolding(n)) {
                    n = fold(n);
                }
                out.add(new Token(n, text.substring(start, end), start, end, sep,
                        Character.isUpperCase(c), possessive, parseNumber(n), hyphen,
                        lexicon == null ? Token.ALL : lexicon.mask(n)));
                sep = 0;
                hyphen = false;
            } else {
                if (c != '.' || out.isEmpty() || !Abbreviations.isAbbreviation(out.get(out.size() - 1).raw())
                        || out.get(out.size() - 1).end() != i) {
                    sep |= separatorKind(text, i, to);
                }
                if (c == '-' && i > from && i + 1 < to && Character.isLetterOrDigit(text.charAt(i - 1))
                        && Character.isLetterOrDigit(text.charAt(i + 1))) {
                    hyphen = true;
                }
                i++;
            }
        }
        return out;
    }

    private static boolean isAcronymStart(String text, int i, int to) {
        // A single letter followed by a dot and another letter-dot: U.S. / a.m.
        if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))) {
            return false;
        }
        return i + 2 < to && text.charAt(i + 1) == '.' && Character.isLetter(text.charAt(i + 2))
                && (i + 3 >= to || !Character.isLetterOrDigit(text.charAt(i + 3)));
    }

    private static boolean isDigitGroup(String text, int i, int to) {
        if (i + 3 > to) {
            return false;
        }
        for (int k = i; k < i + 3; k++) {
            if (!Character.isDigit(text.charAt(k))) {
                return false;
            }
        }
        return i + 3 >= to || !Character.isDigit(text.charAt(i + 3));
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '\u2018';
    }

    private static int separatorKind(String text, int i, int to) {
        char c = text.charAt(i);
        switch (c) {
            case ',':
                return Token.COMMA;
            case ':':
                return Token.STRONG | Token.COLON;
            case ';':
            case '!':
            case '?':
            case '.':
                return Token.STRONG;
            case '\u2014':
            case '\u2013':
                return Token.DASH;
            case '-':
                // " - " is a dash; "x-y" is a hyphen
                boolean spacedLeft = i == 0 || Character.isWhitespace(text.charAt(i - 1));
                boolean spacedRight = i + 1 >= to || Character.isWhitespace(text.charAt(i + 1));
                return spacedLeft && spacedRight ? Token.DASH : 0;
            case '(':
            case ')':
            case '[':
            case ']':
                return Token.PAREN;
            case '"':
            case '\u201C':
            case '\u201D':
                return Token.QUOTE;
            default:
                return 0;
        }
    }

    private static long parseNumber(String n) {
        int len = n.length();
        if (len == 0 || len > 12) {
            return Token.NOT_A_NUMBER;
        }
        for (int k = 0; k < len; k++) {
            if (!Character.isDigit(n.charAt(k))) {
                return Token.NOT_A_NUMBER;
            }
        }
        return Long.parseLong(n);
    }

    private static boolean needsFolding(String s) {
        for (int k = 0; k < s.length(); k++) {
            if (s.charAt(k) > 0x7F) {
                return true;
            }
        }
        return false;
    }

    /** Strips diacritics so that "Kirkūk" matches "kirkuk". */
    static String fold(String s) {
        String d = Normalizer.normalize(s, Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int k = 0; k < d.length(); k++) {
            char ch = d.charAt(k);
            if (Character.getType(ch) != Character.NON_SPACING_MARK) {
                b.append(ch);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** Normalises a phrase from the rules data the same way as text, returning its token forms. */
    static List<String> normalizePhrase(String phrase) {
        List<Token> tokens = tokenize(phrase, 0, phrase.length());
        List<String> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            out.add(t.norm());
        }
        return out;
    }
}
