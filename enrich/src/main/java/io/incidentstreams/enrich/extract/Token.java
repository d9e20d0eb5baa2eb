package io.incidentstreams.enrich.extract;

/**
 * One word or number of a sentence, with offsets into the article text.
 *
 * <p>{@link #norm} is the matching form: lower case, apostrophes dropped, "U.S." folded to "us", so that rules written
 * once match the many spellings outlets use. {@link #sepBefore} records the punctuation between this token and the
 * previous one, which is all the clause structure the rules need. Its {@link Lexicon.Word} tells which phrase
 * dictionaries the word can start a phrase in ({@link #mask}), which word sets hold it and which word of the rules it
 * is ({@link #id}).
 *
 * <p>A plain class rather than a record: the text as written ({@link #raw}) is copied out of the article only when a
 * rule asks for it, which few do, and tokens are made for every word of every sentence.
 */
final class Token {

    /** Mask of a token read without a {@link Lexicon}: every dictionary looks at it. */
    static final long ALL = -1L;
    /** {@link #id} of a word the rules do not use. */
    static final int NO_WORD = -1;
    /** {@link #id} of a token read without a {@link Lexicon}: dictionaries compare its {@link #norm} instead. */
    static final int UNKNOWN = -2;

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

    /** Set in {@link #classes} when the token's {@link WordSet} bits are known (it was read with a full lexicon). */
    static final long CLASSES_KNOWN = Long.MIN_VALUE;

    /** Value when the token is not a number. */
    static final long NOT_A_NUMBER = Long.MIN_VALUE;

    private final String norm;
    private final String text;
    private final int start;
    private final int end;
    /** {@link #sepBefore} in the low bits, then the three flags below. */
    private final int bits;
    private final long number;
    private final Lexicon.Word word;

    private static final int SEPARATORS = 0xFF;
    private static final int CAPITALIZED = 1 << 8;
    private static final int POSSESSIVE = 1 << 9;
    private static final int HYPHEN_BEFORE = 1 << 10;

    /**
     * @param norm         matching form
     * @param text         the text the token was read from; {@link #raw} is {@code text[start, end)}
     * @param start        offset of its first character in {@code text}
     * @param end          offset one past its last character (before a possessive "'s")
     * @param sepBefore    punctuation between the previous token and this one (bits below)
     * @param capitalized  written with a capital first letter
     * @param possessive   followed by "'s" or "s'"
     * @param number       its value when it is a number, else {@link #NOT_A_NUMBER}
     * @param hyphenBefore joined to the previous token by a hyphen
     * @param word         the rules' entry for the word, or a stand-in ({@link Lexicon#UNKNOWN} without a lexicon)
     */
    Token(String norm, String text, int start, int end, int sepBefore, boolean capitalized, boolean possessive,
          long number, boolean hyphenBefore, Lexicon.Word word) {
        this.norm = norm;
        this.text = text;
        this.start = start;
        this.end = end;
        this.bits = (sepBefore & SEPARATORS) | (capitalized ? CAPITALIZED : 0) | (possessive ? POSSESSIVE : 0)
                | (hyphenBefore ? HYPHEN_BEFORE : 0);
        this.number = number;
        this.word = word;
    }

    String norm() {
        return norm;
    }

    /** The token as written. */
    String raw() {
        return text.substring(start, end);
    }

    /** Length of {@link #raw}. */
    int rawLength() {
        return end - start;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }

    int sepBefore() {
        return bits & SEPARATORS;
    }

    boolean capitalized() {
        return (bits & CAPITALIZED) != 0;
    }

    boolean possessive() {
        return (bits & POSSESSIVE) != 0;
    }

    long number() {
        return number;
    }

    boolean hyphenBefore() {
        return (bits & HYPHEN_BEFORE) != 0;
    }

    Lexicon.Word word() {
        return word;
    }

    /** The dictionaries the word can start a phrase in, one bit each. */
    long mask() {
        return word.mask;
    }

    /** The rules' number for the word, {@link #NO_WORD} or {@link #UNKNOWN}. */
    int id() {
        return word.id;
    }

    /** The bits of the {@link WordSet}s that hold the word, with {@link #CLASSES_KNOWN}; 0 when not known. */
    long classes() {
        return word.classes;
    }

    boolean isNumber() {
        return number != NOT_A_NUMBER;
    }

    /** True if punctuation that ends a clause (comma, dash, parenthesis, strong stop) precedes this token. */
    boolean clauseBreakBefore() {
        return (bits & (COMMA | STRONG | DASH | PAREN)) != 0;
    }

    boolean strongBreakBefore() {
        return (bits & STRONG) != 0;
    }

    @Override
    public String toString() {
        return norm + "@" + start;
    }
}
