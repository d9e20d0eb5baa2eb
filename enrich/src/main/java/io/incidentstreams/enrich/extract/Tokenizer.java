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

    /**
     * Tokens with their dictionary masks, word ids and word set bits from {@code lexicon} (all mask bits set, ids
     * {@link Token#UNKNOWN} and no word set bits when it is null).
     */
    static List<Token> tokenize(String text, int from, int to, Lexicon lexicon) {
        char[] cs = new char[Math.max(0, to)];
        text.getChars(0, Math.max(0, to), cs, 0);
        return tokenize(text, cs, from, to, lexicon);
    }

    /**
     * As {@link #tokenize(String, int, int, Lexicon)}, reading the characters from {@code cs}, which holds the text
     * from its start to at least {@code to}: a page is copied out of its String once, and every scan then reads an
     * array instead of testing the String's coder and bounds on every character.
     */
    static List<Token> tokenize(String text, char[] cs, int from, int to, Lexicon lexicon) {
        if (to <= from) {
            return index(new TokenList(8), lexicon);
        }
        TokenList out = new TokenList(Math.max(8, (to - from) / 5));
        StringBuilder norm = null;
        char[] scratch = null;
        int sep = 0;
        boolean hyphen = false;
        int i = from;
        while (i < to) {
            char c = cs[i];
            if (c == ' ') {
                i++; // no separator, no hyphen
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                boolean possessive = false;
                boolean acronym = false;
                if (norm == null) {
                    norm = new StringBuilder(16);
                } else {
                    norm.setLength(0);
                }
                if (Character.isLetter(c) && isAcronymStart(cs, i, to)) {
                    // U.S. / U.N. / a.m.
                    while (i + 1 < to && Character.isLetter(cs[i]) && cs[i + 1] == '.') {
                        norm.append(Character.toLowerCase(cs[i]));
                        i += 2;
                        if (i >= to || !Character.isLetter(cs[i]) || (i + 1 < to
                                && Character.isLetterOrDigit(cs[i + 1]))) {
                            break;
                        }
                    }
                    // "U.S" without the final dot
                    if (i < to && Character.isLetter(cs[i])
                            && (i + 1 >= to || !Character.isLetterOrDigit(cs[i + 1]))) {
                        norm.append(Character.toLowerCase(cs[i]));
                        i++;
                    }
                    acronym = true;
                } else if (Character.isDigit(c)) {
                    while (i < to) {
                        char d = cs[i];
                        if (Character.isDigit(d)) {
                            norm.append(d);
                            i++;
                        } else if (d == ',' && i + 3 < to + 1 && isDigitGroup(cs, i + 1, to)) {
                            i++; // thousands separator: 3,000
                        } else if ((d == ':' || d == '.') && i + 1 < to && Character.isDigit(cs[i + 1])) {
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
                    while (k < to && (((ch = cs[k]) >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
                            || (ch >= '0' && ch <= '9') || ch > 0x7F && Character.isLetterOrDigit(ch))) {
                        if (ch > 0x7F) {
                            ascii = false;
                        }
                        hash = 31 * hash + (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
                        k++;
                    }
                    boolean plain = k >= to || !isApostrophe(cs[k]);
                    if (plain) {
                        String w;
                        Lexicon.Word word = lexicon == null ? Lexicon.UNKNOWN
                                : ascii ? lexicon.find(cs, i, k, hash) : null;
                        if (word != null && word.id >= 0) {
                            w = word.text; // the rules' own string: no copy, hash already known
                        } else {
                            if (ascii && (scratch == null || scratch.length < k - i)) {
                                scratch = new char[Math.max(32, k - i)];
                            }
                            String lower = ascii ? lowerCase(cs, i, k, scratch)
                                    : new String(cs, i, k - i).toLowerCase(Locale.ROOT);
                            w = word != null && word.id == Token.NO_WORD ? lower
                                    : needsFolding(lower) ? fold(lower) : lower;
                            if (word == null) {
                                word = lexicon.get(w);
                            }
                        }
                        out.add(new Token(w, text, start, k, sep, Character.isUpperCase(c), false,
                                Character.isDigit(c) ? parseNumber(w) : Token.NOT_A_NUMBER, hyphen, word));
                        sep = 0;
                        hyphen = false;
                        i = k;
                        continue;
                    }
                    while (i < to) {
                        char d = cs[i];
                        if (Character.isLetterOrDigit(d)) {
                            norm.append(Character.toLowerCase(d));
                            i++;
                        } else if (isApostrophe(d)) {
                            if (i + 1 < to && (cs[i + 1] == 's' || cs[i + 1] == 'S')
                                    && (i + 2 >= to || !Character.isLetterOrDigit(cs[i + 2]))) {
                                possessive = true;
                                break;
                            }
                            if (i + 1 < to && Character.isLetter(cs[i + 1])) {
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
                    i = Math.min(to, isApostrophe(cs[i]) && i + 1 < to && (cs[i + 1] == 's' || cs[i + 1] == 'S')
                            ? i + 2 : i + 1);
                }
                String w = norm.toString();
                if (!acronym && needsFolding(w)) {
                    w = fold(w);
                }
                out.add(new Token(w, text, start, end, sep, Character.isUpperCase(c), possessive,
                        parseNumber(w), hyphen, lexicon == null ? Lexicon.UNKNOWN : lexicon.get(w)));
                sep = 0;
                hyphen = false;
            } else {
                if (c != '.' || out.isEmpty() || out.get(out.size() - 1).end() != i
                        || !isAbbreviation(out.get(out.size() - 1), cs)) {
                    sep |= separatorKind(cs, i, to);
                }
                if (c == '-' && i > from && i + 1 < to && Character.isLetterOrDigit(cs[i - 1])
                        && Character.isLetterOrDigit(cs[i + 1])) {
                    hyphen = true;
                }
                i++;
            }
        }
        return index(out, lexicon);
    }

    private static TokenList index(TokenList tokens, Lexicon lexicon) {
        if (lexicon != null) {
            tokens.index(lexicon);
        }
        return tokens;
    }

    /** The characters {@code cs[from, to)} in lower case, built in {@code scratch} (ASCII letters only). */
    private static String lowerCase(char[] cs, int from, int to, char[] scratch) {
        for (int k = from; k < to; k++) {
            char ch = cs[k];
            scratch[k - from] = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
        }
        return new String(scratch, 0, to - from);
    }

    /** {@link Abbreviations#isAbbreviation(String)} of the token as written, read from {@code cs}. */
    private static boolean isAbbreviation(Token t, char[] cs) {
        return Abbreviations.isAbbreviation(cs, t.start(), t.start() + t.rawLength());
    }

    private static boolean isAcronymStart(char[] cs, int i, int to) {
        // A single letter followed by a dot and another letter-dot: U.S. / a.m.
        if (i > 0 && Character.isLetterOrDigit(cs[i - 1])) {
            return false;
        }
        return i + 2 < to && cs[i + 1] == '.' && Character.isLetter(cs[i + 2])
                && (i + 3 >= to || !Character.isLetterOrDigit(cs[i + 3]));
    }

    private static boolean isDigitGroup(char[] cs, int i, int to) {
        if (i + 3 > to) {
            return false;
        }
        for (int k = i; k < i + 3; k++) {
            if (!Character.isDigit(cs[k])) {
                return false;
            }
        }
        return i + 3 >= to || !Character.isDigit(cs[i + 3]);
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '\u2018';
    }

    private static int separatorKind(char[] cs, int i, int to) {
        char c = cs[i];
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
                boolean spacedLeft = i == 0 || Character.isWhitespace(cs[i - 1]);
                boolean spacedRight = i + 1 >= to || Character.isWhitespace(cs[i + 1]);
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
