package io.incidentstreams.enrich.extract;

/**
 * One word or number of a sentence, with offsets into the article text.
 *
 * <p>{@link #norm} is the matching form: lower case, apostrophes dropped, "U.S." folded to "us", so that rules written
 * once match the many spellings outlets use. {@link #sepBefore} records the punctuation between this token and the
 * previous one, which is all the clause structure the rules need. {@link #mask} tells which phrase dictionaries
 * the word can start a phrase in (see {@link Lexicon}).
 */
record Token(String norm, String raw, int start, int end, int sepBefore, boolean capitalized, boolean possessive,
             long number, boolean hyphenBefore, long mask) {

    /** Mask of a token read without a {@link Lexicon}: every dictionary looks at it. */
    static final long ALL = -1L;

    /** A comma separated this token from the previous one. */
    static final int COMMA = 1;
    /** A semicolon, colon, full stop, question or exclamation mark. */
    static final int STRONG = 2;
    /** A dash used as punctuation (not a hyphen inside a word). */
    static final int DASH = 4;
    /** An opening or closing parenthesis or bracket. */
    static final int PAREN = 8;
    /** A quotation mark. */
    static final int QUOTE = 16;
    /** A colon (also marked STRONG): what follows may be an apposition list ("two bases: A and B"). */
    static final int COLON = 32;

    /** Value when the token is not a number. */
    static final long NOT_A_NUMBER = Long.MIN_VALUE;

    boolean isNumber() {
        return number != NOT_A_NUMBER;
    }

    /** True if punctuation that ends a clause (comma, dash, parenthesis, strong stop) precedes this token. */
    boolean clauseBreakBefore() {
        return (sepBefore & (COMMA | STRONG | DASH | PAREN)) != 0;
    }

    boolean strongBreakBefore() {
        return (sepBefore & STRONG) != 0;
    }
}
