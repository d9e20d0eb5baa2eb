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
     *
     * <p>Reads a copy of the span as a char array: one bounds-checked copy instead of a coder test and a bounds
     * check on every character. Characters just outside the span are read from {@code text} where the rules need
     * them (a hyphen or an acronym right at its start).
     */
    static List<Token> tokenize(String text, int from, int to, Lexicon lexicon) {
        int n = to - from;
        if (n <= 0) {
            return index(new TokenList(8), lexicon);
        }
        char[] cs = new char[n];
        text.getChars(from, to, cs, 0);
        TokenList out = new TokenList(Math.max(8, n / 5));
        StringBuilder norm = null;
        int sep = 0;
        boolean hyphen = false;
        int i = 0;
        while (i < n) {
            char c = cs[i];
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                boolean possessive = false;
                boolean acronym = false;
                if (norm == null) {
                    norm = new StringBuilder(16);
                } else {
                    norm.setLength(0);
                }
                if (Character.isLetter(c) && isAcronymStart(text, cs, from, i, n)) {
                    // U.S. / U.N. / a.m.
                    while (i + 1 < n && Character.isLetter(cs[i]) && cs[i + 1] == '.') {
                        norm.append(Character.toLowerCase(cs[i]));
                        i += 2;
                        if (i >= n || !Character.isLetter(cs[i]) || (i + 1 < n
                                && Character.isLetterOrDigit(cs[i + 1]))) {
                            break;
                        }
                    }
                    // "U.S" without the final dot
                    if (i < n && Character.isLetter(cs[i]) && (i + 1 >= n || !Character.isLetterOrDigit(cs[i + 1]))) {
                        norm.append(Character.toLowerCase(cs[i]));
                        i++;
                    }
                    acronym = true;
                } else if (Character.isDigit(c)) {
                    while (i < n) {
                        char d = cs[i];
                        if (Character.isDigit(d)) {
                            norm.append(d);
                            i++;
                        } else if (d == ',' && i + 3 < n + 1 && isDigitGroup(cs, i + 1, n)) {
                            i++; // thousands separator: 3,000
                        } else if ((d == ':' || d == '.') && i + 1 < n && Character.isDigit(cs[i + 1])) {
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
                    while (k < n && (((ch = cs[k]) >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')
                            || (ch >= '0' && ch <= '9') || ch > 0x7F && Character.isLetterOrDigit(ch))) {
                        if (ch > 0x7F) {
                            ascii = false;
                        }
                        hash = 31 * hash + (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
                        k++;
                    }
                    boolean plain = k >= n || !isApostrophe(cs[k]);
                    if (plain) {
                        String w;
                        long mask;
                        int id;
                        long classes;
                        int slot = lexicon != null && ascii ? lexicon.find(cs, i, k, hash) : -2;
                        if (slot >= 0) {
                            w = lexicon.word(slot); // the rules' own string: no copy, hash already known
                            mask = lexicon.maskAt(slot);
                            id = lexicon.idAt(slot);
                            classes = lexicon.classesAt(slot);
                        } else {
                            String lower = ascii ? lowerCase(cs, i, k)
                                    : new String(cs, i, k - i).toLowerCase(Locale.ROOT);
                            w = slot == -1 ? lower : needsFolding(lower) ? fold(lower) : lower;
                            if (slot == -1) {
                                mask = 0L;
                                id = Token.NO_WORD;
                                classes = lexicon.classesAt(-1);
                            } else if (lexicon == null) {
                                mask = Token.ALL;
                                id = Token.UNKNOWN;
                                classes = 0L;
                            } else {
                                int s = lexicon.slot(w);
                                mask = s < 0 ? 0L : lexicon.maskAt(s);
                                id = s < 0 ? Token.NO_WORD : lexicon.idAt(s);
                                classes = lexicon.classesAt(s);
                            }
                        }
                        out.add(new Token(w, text, from + start, from + k, sep, Character.isUpperCase(c), false,
                                Character.isDigit(c) ? parseNumber(w) : Token.NOT_A_NUMBER, hyphen, mask, id,
                                classes));
                        sep = 0;
                        hyphen = false;
                        i = k;
                        continue;
                    }
                    while (i < n) {
                        char d = cs[i];
                        if (Character.isLetterOrDigit(d)) {
                            norm.append(Character.toLowerCase(d));
                            i++;
                        } else if (isApostrophe(d)) {
                            if (i + 1 < n && (cs[i + 1] == 's' || cs[i + 1] == 'S')
                                    && (i + 2 >= n || !Character.isLetterOrDigit(cs[i + 2]))) {
                                possessive = true;
                                break;
                            }
                            if (i + 1 < n && Character.isLetter(cs[i + 1])) {
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
                    i = Math.min(n, isApostrophe(cs[i]) && i + 1 < n && (cs[i + 1] == 's' || cs[i + 1] == 'S')
                            ? i + 2 : i + 1);
                }
                String w = norm.toString();
                if (!acronym && needsFolding(w)) {
                    w = fold(w);
                }
                long mask = Token.ALL;
                int id = Token.UNKNOWN;
                long classes = 0L;
                if (lexicon != null) {
                    int s = lexicon.slot(w);
                    mask = s < 0 ? 0L : lexicon.maskAt(s);
                    id = s < 0 ? Token.NO_WORD : lexicon.idAt(s);
                    classes = lexicon.classesAt(s);
                }
                out.add(new Token(w, text, from + start, from + end, sep, Character.isUpperCase(c), possessive,
                        parseNumber(w), hyphen, mask, id, classes));
                sep = 0;
                hyphen = false;
            } else {
                if (c != '.' || out.isEmpty() || out.get(out.size() - 1).end() != from + i
                        || !isAbbreviation(out.get(out.size() - 1), cs, from)) {
                    sep |= separatorKind(text, cs, from, i, n);
                }
                if (c == '-' && i > 0 && i + 1 < n && Character.isLetterOrDigit(cs[i - 1])
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

    /** The characters {@code cs[from, to)} in lower case (ASCII letters only: other words are folded later). */
    private static String lowerCase(char[] cs, int from, int to) {
        char[] lower = new char[to - from];
        for (int k = from; k < to; k++) {
            char ch = cs[k];
            lower[k - from] = ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch;
        }
        return new String(lower);
    }

    /** {@link Abbreviations#isAbbreviation(String)} of the token as written, read from {@code cs}. */
    private static boolean isAbbreviation(Token t, char[] cs, int from) {
        int s = t.start() - from;
        int len = t.rawLength();
        if (len == 1) {
            return Character.isUpperCase(cs[s]);
        }
        return len <= 6 && Abbreviations.isAbbreviation(new String(cs, s, len));
    }

    /** {@code cs[i]} is text offset {@code from + i}; the character before the span is read from text. */
    private static boolean isAcronymStart(String text, char[] cs, int from, int i, int n) {
        // A single letter followed by a dot and another letter-dot: U.S. / a.m.
        char before = i > 0 ? cs[i - 1] : from > 0 ? text.charAt(from - 1) : ' ';
        if ((i > 0 || from > 0) && Character.isLetterOrDigit(before)) {
            return false;
        }
        return i + 2 < n && cs[i + 1] == '.' && Character.isLetter(cs[i + 2])
                && (i + 3 >= n || !Character.isLetterOrDigit(cs[i + 3]));
    }

    private static boolean isDigitGroup(char[] cs, int i, int n) {
        if (i + 3 > n) {
            return false;
        }
        for (int k = i; k < i + 3; k++) {
            if (!Character.isDigit(cs[k])) {
                return false;
            }
        }
        return i + 3 >= n || !Character.isDigit(cs[i + 3]);
    }

    static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u02BC' || c == '\u2018';
    }

    private static int separatorKind(String text, char[] cs, int from, int i, int n) {
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
                boolean spacedLeft = i > 0 ? Character.isWhitespace(cs[i - 1])
                        : from == 0 || Character.isWhitespace(text.charAt(from - 1));
                boolean spacedRight = i + 1 >= n || Character.isWhitespace(cs[i + 1]);
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
