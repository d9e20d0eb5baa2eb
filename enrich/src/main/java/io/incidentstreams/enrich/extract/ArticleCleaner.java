package io.incidentstreams.enrich.extract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what is not the article from a page and splits the rest into dated pieces and sentences.
 *
 * <p>Works line by line and never rewrites the text: every kept sentence is a span of the original, so evidence
 * offsets stay valid. Dropped: embedded posts with their attribution line, photo captions and credits, bylines,
 * datelines, "Advertisement"/"Loading..." and "developing story" notes, all-capital promotional lines, one-line
 * related links. Related-story teasers after a "Go deeper"/"Related" marker become separate pieces, each dated by the
 * date line that closes it and never by the page's date. Every check starts with a cheap character test so that
 * cleaning stays linear in the length of the page.
 */
final class ArticleCleaner {

    private static final Pattern DATE_PREFIX = Pattern.compile("\\s*date \\d{4}-\\d{2}-\\d{2} ");
    private static final Pattern HANDLE = Pattern.compile("(?<![\\w.@])@[A-Za-z0-9_]{2,15}\\b");
    static final Pattern CAPTION = Pattern.compile(
            "\\bPhoto(?:graph)?s?\\s*(?::|/|\\||by\\b)|\\bvia Getty Images|\\bGetty Images\\s*$|\\bCredit\\s*:|"
                    + "\\(AP Photo|^Caption\\s*:|^Image\\s*(?:Source)?\\s*:|\\bFile photo\\b|\\bPicture\\s*:");
    /** Outlet credit in parentheses closing a caption line: "(Tigris Post / File)". */
    private static final Pattern TRAILING_CREDIT = Pattern.compile(
            "\\((?:[A-Z][\\w.&'-]*\\s?){1,4}(?:/\\s*[A-Z][\\w ]{1,20})?\\)\\s*$");
    private static final Pattern IMAGE_SOURCE_PREFIX = Pattern.compile(
            "^Image\\s*Source\\s*:\\s*(?:AP|Reuters|AFP|PTI|ANI|IANS|Getty Images|File|Twitter|Representational"
                    + "(?: image)?)\\b\\s*");
    static final Pattern BOILERPLATE = Pattern.compile(
            "^(?:Advertisement|ADVERTISEMENT|Loading\\s*(?:\\.\\.\\.|\u2026)?|CLICK HERE\\b.*|Click here\\b.*|"
                    + "Related Content|Related [Ss]tories|Related [Aa]rticles|Related|More [Ss]tories|Most [Rr]ead|"
                    + "You may also like|Read [Mm]ore|Recommended|Sponsored|Share this article|Subscribe\\b.*|"
                    + "Sign up\\b.*|This (?:story|article) is developing\\b.*|This is a developing story\\b.*|"
                    + "Please check back\\b.*|Refresh for the latest\\b.*|This (?:article|story) was originally "
                    + "published\\b.*|More from\\b.*|Read [Mm]ore\\s*:.*|READ MORE\\s*:.*|Related\\s*:.*|"
                    + "Go deeper\\s*:.*|Also read\\s*:.*|Watch\\s*:.*|Listen\\s*:.*|[-\u2014\u2013]\\s*(?:AP|Reuters|"
                    + "AFP|PTI|ANI)|\\(?(?:AP|Reuters|AFP)\\)?)\\s*$");
    private static final Pattern SECTION_START = Pattern.compile(
            "^(?:Go deeper|Related Content|Related [Ss]tories|Related [Aa]rticles|Related|More [Ss]tories|"
                    + "You may also like|Most [Rr]ead|Read [Mm]ore|Recommended)\\s*$");
    private static final Pattern DEVELOPING = Pattern.compile(
            "\\b(?:This (?:story|article) is developing|This is a developing story|Please check back for updates|"
                    + "Refresh for the latest)\\b.*$");
    private static final Pattern TIME_AGO = Pattern.compile("\\b\\d+\\s+(?:mins?|minutes?|hours?|hrs?)\\s+ago\\b");
    private static final Pattern BYLINE = Pattern.compile("^By\\s+[A-Z][\\w.'-]+(?:\\s+[A-Z][\\w.'-]+){0,3}\\b.*");
    private static final Pattern LONE_NAME = Pattern.compile(
            "^[A-Z][a-z'\u2019-]+(?:\\s+(?:[A-Z]\\.|[A-Z][a-z'\u2019-]+|al-[A-Z][a-z]+|bin|van|de)){1,3}$");
    static final Pattern DATELINE = Pattern.compile(
            "^(?:[A-Z][A-Z'.-]+(?:[ /][A-Z][A-Z'.-]+){0,3}(?:,\\s*[A-Z][a-z]+)?(?:\\s*\\([^()]{1,40}\\))?"
                    + "|[A-Z][\\w.'-]+(?:[ /][A-Z][\\w.'-]+){0,3}(?:,\\s*[A-Z][a-z]+)?\\s*\\([^()]{1,40}\\))"
                    + "\\s*[\u2014\u2013-]{1,2}\\s+");
    private static final Pattern LABEL = Pattern.compile(
            "^(?:Why it matters|The big picture|What we know|What we're watching|Details|Between the lines|"
                    + "Driving the news|The latest|Context|Flashback|What's next|What\u2019s next|Yes, but|"
                    + "State of play|Catch up quick|Zoom in|Zoom out|The bottom line|Bottom line|Background|"
                    + "Analysis|Go deeper|Breaking|BREAKING|Update|UPDATE|NEW|Editor's note|The other side|"
                    + "Where it stands|By the numbers|What they're saying|Reality check|The backstory)\\s*:\\s*");
    private static final String MONTHS = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
    /** A line that is, or ends with, a date: "Go deeperArrowMay 2, 2021 - World", "Jun 9, 2021 - Politics". */
    static final Pattern DATE_LINE = Pattern.compile(
            "^(?:Go deeper)?\\s*(?:Arrow)?\\s*(?:Updated|Published|Posted)?\\s*(?:[A-Z][a-z]+day,?\\s+)?"
                    + "(?<date>" + MONTHS + "\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+" + MONTHS + ",?\\s+\\d{4})"
                    + "(?:\\s*(?:[-\u2013\u2014|,]|at)\\s*.{0,60})?$");
    private static final Set<String> AGENCY_ONLY = Set.of("AP", "Reuters", "AFP", "PTI", "ANI", "IANS");
    /** Length of the longest name in {@link #AGENCY_ONLY}. */
    private static final int AGENCY_MAX = 7;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /**
     * Every alternative of {@link #BOILERPLATE} starts with one of these, so that a line that starts with none of
     * them is not matched against the pattern at all.
     */
    private static final String[] BOILERPLATE_STARTS = {"Advertisement", "ADVERTISEMENT", "Loading", "CLICK HERE",
        "Click here", "Related", "More ", "Most ", "You may also like", "Read ", "READ MORE", "Recommended",
        "Sponsored", "Share this article", "Subscribe", "Sign up", "This ", "Please check back",
        "Refresh for the latest", "Go deeper", "Also read", "Watch", "Listen", "-", "\u2014", "\u2013", "(", "AP",
        "Reuters", "AFP"};
    /** {@link #BOILERPLATE_STARTS} by their first character, for ASCII characters. */
    private static final String[][] BOILERPLATE_BY_FIRST = new String[128][];

    static {
        for (String start : BOILERPLATE_STARTS) {
            char c = start.charAt(0);
            if (c < BOILERPLATE_BY_FIRST.length) {
                String[] old = BOILERPLATE_BY_FIRST[c];
                String[] grown = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
                grown[grown.length - 1] = start;
                BOILERPLATE_BY_FIRST[c] = grown;
            }
        }
    }

    private final Gazetteer gazetteer;
    private final TriggerRules triggers;

    private final Lexicon lexicon;

    ArticleCleaner(Gazetteer gazetteer, TriggerRules triggers, Lexicon lexicon) {
        this.gazetteer = gazetteer;
        this.triggers = triggers;
        this.lexicon = lexicon;
    }

    ParsedArticle parse(String text, LocalDate published) {
        List<Piece> pieces = new ArrayList<>();
        int from = 0;
        Matcher prefix = DATE_PREFIX.matcher(text);
        if (prefix.lookingAt()) {
            from = prefix.end();
        }
        PieceBuilder current = new PieceBuilder(0, false, published);
        boolean related = false;
        int lineNo = 0;
        int pos = from;
        int n = text.length();
        char[] cs = text.toCharArray(); // scans read the array, not the String
        int sentenceIndex = 0;
        while (pos <= n) {
            int nl = pos;
            while (nl < n && cs[nl] != '\n') {
                nl++;
            }
            if (nl == n) {
                nl = -1;
            }
            int lineEnd = nl < 0 ? n : nl;
            int s = pos;
            int e = lineEnd;
            while (s < e && Character.isWhitespace(cs[s])) {
                s++;
            }
            while (e > s && Character.isWhitespace(cs[e - 1])) {
                e--;
            }
            pos = lineEnd + 1;
            if (s >= e) {
                if (nl < 0) {
                    break;
                }
                continue;
            }
            String line = text.substring(s, e);
            lineNo++;
            Line f = new Line(cs, s, e);

            LocalDate lineDate = f.digit ? dateLine(line) : null;
            if (lineDate != null) {
                if (related) {
                    current.anchor = lineDate;
                    sentenceIndex = flush(pieces, current, sentenceIndex);
                    current = new PieceBuilder(pieces.size(), true, null);
                } else if (published == null && current.sentences.isEmpty() && lineNo <= 3) {
                    current.anchor = lineDate; // a page dateline anchors an undated page
                }
                continue;
            }
            if (line.length() <= SECTION_MAX && SECTION_START.matcher(line).matches()) {
                if (!related || !current.sentences.isEmpty()) {
                    sentenceIndex = flush(pieces, current, sentenceIndex);
                    current = new PieceBuilder(pieces.size(), true, null);
                }
                related = true;
                continue;
            }
            if (isFurniture(line, f, lineNo == 1 && !related)) {
                continue;
            }
            int contentStart = s + stripPrefix(line, f);
            int contentEnd = s + (f.suffixHint ? stripSuffix(line) : line.length());
            if (contentStart >= contentEnd) {
                continue;
            }
            boolean headline = current.sentences.isEmpty() && !current.hasBody
                    && looksLikeHeadline(text, contentStart, contentEnd);
            for (SentenceSplitter.Span span : SentenceSplitter.split(cs, contentStart, contentEnd)) {
                current.sentences.add(new Sentence(-1, current.index, text.substring(span.start(), span.end()),
                        span.start(), span.end(), headline));
            }
            if (!headline) {
                current.hasBody = true;
            }
            if (nl < 0) {
                break;
            }
        }
        flush(pieces, current, sentenceIndex);
        return new ParsedArticle(text, cs, List.copyOf(pieces));
    }

    /**
     * What the furniture checks ask of a line, read in one pass over its characters instead of a search per
     * question: which marks it holds, hints of the few phrases the checks look for, and for short lines its words
     * and capitals. Each hint is implied by the text it stands for, so a line without it is not searched.
     */
    static final class Line {
        boolean slash;
        /** ".t", in "pic.twitter.com". */
        boolean dotT;
        boolean at;
        boolean pipe;
        boolean colon;
        boolean digit;
        /** "Ph", "Pi", "Ge", "Cr" or "Fi", or a start of "Caption" or "Image": every caption marker holds one. */
        boolean captionHint;
        /** " ag", as in " ago". */
        boolean ago;
        /** "dev", "k b" or "Ref": in "developing", "check back", "Refresh", which open a developing-story note. */
        boolean suffixHint;
        /** An em dash after the first character. */
        boolean emDashInside;
        /** A dash after the first character followed by white space, as every dateline ends. */
        boolean dashSpace;
        /** For lines of at most {@link #SHORT_LINE} characters: words, capitals and small letters. */
        int words;
        int upper;
        int lower;

        Line(char[] cs, int s, int e) {
            boolean counts = e - s <= SHORT_LINE;
            boolean inWord = false;
            char p2 = 0;
            char p1 = 0;
            for (int i = s; i < e; i++) {
                char c = cs[i];
                switch (c) {
                    case '/' -> slash = true;
                    case '@' -> at = true;
                    case '|' -> pipe = true;
                    case ':' -> colon = true;
                    case 't' -> dotT |= p1 == '.';
                    case 'h' -> captionHint |= p1 == 'P';
                    case 'i' -> captionHint |= p1 == 'P' || p1 == 'F';
                    case 'e' -> captionHint |= p1 == 'G';
                    case 'r' -> captionHint |= p1 == 'C';
                    case 'v' -> suffixHint |= p1 == 'e' && p2 == 'd';
                    case 'b' -> suffixHint |= p1 == ' ' && p2 == 'k';
                    case 'f' -> suffixHint |= p1 == 'e' && p2 == 'R';
                    case 'g' -> ago |= p1 == 'a' && p2 == ' ';
                    case '\u2014' -> emDashInside |= i > s;
                    default -> {
                    }
                }
                if ((c == '-' || c == '\u2014' || c == '\u2013') && i > s && i + 1 < e
                        && Character.isWhitespace(cs[i + 1])) {
                    dashSpace = true;
                }
                if (!digit && Character.isDigit(c)) {
                    digit = true;
                }
                if (counts) {
                    boolean ws = Character.isWhitespace(c);
                    if (!ws && !inWord) {
                        words++;
                    }
                    inWord = !ws;
                    if (Character.isUpperCase(c)) {
                        upper++;
                    } else if (Character.isLowerCase(c)) {
                        lower++;
                    }
                }
                p2 = p1;
                p1 = c;
            }
            captionHint |= startsWith(cs, s, e, "Caption") || startsWith(cs, s, e, "Image");
        }

        private static boolean startsWith(char[] cs, int s, int e, String prefix) {
            if (e - s < prefix.length()) {
                return false;
            }
            for (int i = 0; i < prefix.length(); i++) {
                if (cs[s + i] != prefix.charAt(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class PieceBuilder {
        final int index;
        final boolean teaser;
        LocalDate anchor;
        boolean hasBody;
        final List<Sentence> sentences = new ArrayList<>();

        PieceBuilder(int index, boolean teaser, LocalDate anchor) {
            this.index = index;
            this.teaser = teaser;
            this.anchor = anchor;
        }
    }

    private static int flush(List<Piece> pieces, PieceBuilder b, int sentenceIndex) {
        if (b.sentences.isEmpty()) {
            return sentenceIndex;
        }
        int idx = pieces.size();
        List<Sentence> renumbered = new ArrayList<>(b.sentences.size());
        for (Sentence s : b.sentences) {
            renumbered.add(new Sentence(sentenceIndex++, idx, s.text(), s.start(), s.end(), s.headline()));
        }
        pieces.add(new Piece(idx, b.teaser, b.anchor, List.copyOf(renumbered)));
        return sentenceIndex;
    }

    /** The date of a line that holds only a date (with an optional section name), else null. */
    static LocalDate dateLine(String line) {
        if (line.length() > 90 || !mayOpenDateLine(line) || !hasDigit(line)) {
            return null;
        }
        Matcher m = DATE_LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return parseLooseDate(m.group("date"));
    }

    /** What {@link #DATE_LINE}, anchored at the start of a trimmed line, can open with. */
    private static final String[] DATE_LINE_STARTS = {"Go deeper", "Arrow", "Updated", "Published", "Posted", "Jan",
        "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

    /** A cheap test before the date line pattern: a digit, one of its opening words, or a weekday. */
    static boolean mayOpenDateLine(String line) {
        int b = 0;
        while (b < line.length() && " \t\n\u000B\f\r".indexOf(line.charAt(b)) >= 0) {
            b++; // the pattern's "\\s*"
        }
        if (b >= line.length()) {
            return false;
        }
        if (line.charAt(b) >= '0' && line.charAt(b) <= '9') {
            return true;
        }
        for (String s : DATE_LINE_STARTS) {
            if (line.startsWith(s, b)) {
                return true;
            }
        }
        int e = b;
        while (e < line.length() && (line.charAt(e) >= 'a' && line.charAt(e) <= 'z'
                || line.charAt(e) >= 'A' && line.charAt(e) <= 'Z')) {
            e++;
        }
        return e - b > 3 && line.startsWith("day", e - 3); // "Wednesday, Feb 16, 2020"
    }

    static LocalDate parseLooseDate(String s) {
        String v = SPACES.matcher(s.replace(".", "").replace(",", "")).replaceAll(" ").trim();
        String[] parts = v.split(" ");
        try {
            int day;
            int year;
            String month;
            if (Character.isDigit(parts[0].charAt(0))) {
                day = Integer.parseInt(parts[0]);
                month = parts[1];
                year = Integer.parseInt(parts[2]);
            } else {
                month = parts[0];
                day = Integer.parseInt(parts[1]);
                year = Integer.parseInt(parts[2]);
            }
            int m = DateFinder.monthNumber(month);
            if (m < 1) {
                return null;
            }
            return LocalDate.of(year, m, day);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Longest section marker ("Related Articles", "You may also like"). */
    private static final int SECTION_MAX = 24;
    /** Captions and credits are short; a longer line is body text even if it names a photo. */
    private static final int CAPTION_MAX = 400;
    /** Longest boilerplate line worth matching whole ("CLICK HERE ..." and "Subscribe ..." run to a sentence). */
    private static final int BOILERPLATE_MAX = 200;

    /** Longer lines are body text: the checks for bylines, labels and promotional lines are skipped for them. */
    private static final int SHORT_LINE = 160;

    private boolean isFurniture(String line, Line f, boolean firstLine) {
        if (f.slash && line.indexOf("t.co/") >= 0 || f.dotT && line.indexOf("pic.twitter.com") >= 0) {
            return true; // embedded post
        }
        if (f.at && HANDLE.matcher(line).find()) {
            return true; // embedded post text or its attribution line
        }
        if (line.length() <= BOILERPLATE_MAX && mayBeBoilerplate(line) && BOILERPLATE.matcher(line).matches()) {
            return true;
        }
        if (line.startsWith("Image") && IMAGE_SOURCE_PREFIX.matcher(line).lookingAt()) {
            return line.length() - IMAGE_SOURCE_PREFIX.matcher(line).results().findFirst().get().end() < 3;
        }
        if (line.length() <= CAPTION_MAX && f.captionHint && isCaption(line)) {
            return true;
        }
        char last = line.charAt(line.length() - 1);
        if (last == ')' && TRAILING_CREDIT.matcher(line).find() && line.indexOf('.') >= 0
                && line.indexOf('.') < line.lastIndexOf('(')) {
            return true; // "A caption sentence. (Outlet / File)"
        }
        boolean longLine = line.length() > SHORT_LINE;
        if (!longLine && f.ago && TIME_AGO.matcher(line).find() && f.words <= 10) {
            return true;
        }
        if (longLine) {
            return false;
        }
        int words = f.words;
        if (f.pipe && words <= 14 && !endsWithStop(line)) {
            return true; // "By Name | Outlet | Desk", "Staff | 22 mins ago | World"
        }
        if (line.startsWith("By ") && BYLINE.matcher(line).matches() && words <= 14
                && !endsWithStop(line)) {
            return true;
        }
        if (line.length() <= AGENCY_MAX && AGENCY_ONLY.contains(line)) {
            return true;
        }
        if (!firstLine && f.upper >= 8 && f.lower * 10 < f.upper && words >= 3) {
            return true; // promotional headline of another story
        }
        if (words >= 2 && words <= 4 && LONE_NAME.matcher(line).matches() && !mentionsIncidentWords(line)) {
            return true; // byline of two to four words
        }
        if (!firstLine && words <= 4 && !endsWithStop(line) && f.emDashInside
                && !mentionsIncidentWords(line)) {
            return true; // "Outlet — Section"
        }
        return false;
    }

    static boolean mayBeBoilerplate(String line) {
        char first = line.charAt(0);
        if (first < BOILERPLATE_BY_FIRST.length && BOILERPLATE_BY_FIRST[first] == null) {
            return false;
        }
        for (String start : first < BOILERPLATE_BY_FIRST.length ? BOILERPLATE_BY_FIRST[first] : BOILERPLATE_STARTS) {
            if (line.startsWith(start)) {
                return true;
            }
        }
        return false;
    }

    /** Every alternative of {@link #CAPTION} opens with one of these words (or "Caption", "Image" at the start). */
    private static final String[] CAPTION_WORDS = {"Photo", "via Getty Images", "Getty Images", "Credit",
        "(AP Photo", "File photo", "Picture"};

    /**
     * {@code CAPTION.matcher(line).find()}, trying the pattern only where one of its opening words stands instead of
     * at every character of the line.
     */
    static boolean isCaption(String line) {
        Matcher m = null;
        if (line.startsWith("Caption") || line.startsWith("Image")) {
            m = captionMatcher(line);
            if (m.region(0, line.length()).lookingAt()) {
                return true;
            }
        }
        for (String w : CAPTION_WORDS) {
            for (int p = line.indexOf(w); p >= 0; p = line.indexOf(w, p + 1)) {
                if (m == null) {
                    m = captionMatcher(line);
                }
                if (m.region(p, line.length()).lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A matcher that sees the whole line from any start: "\\b" looks behind it, "^" is only the line start. */
    private static Matcher captionMatcher(String line) {
        return CAPTION.matcher(line).useTransparentBounds(true).useAnchoringBounds(false);
    }

    private boolean mentionsIncidentWords(String line) {
        List<Token> tokens = Tokenizer.tokenize(line, 0, line.length(), lexicon);
        return gazetteer.findAny(tokens) || triggers.hasAnyTrigger(tokens);
    }

    /** Length of the dateline, label or credit prefix to skip. */
    private static int stripPrefix(String line, Line f) {
        int skip = 0;
        if (line.startsWith("Image")) {
            Matcher m = IMAGE_SOURCE_PREFIX.matcher(line);
            if (m.lookingAt()) {
                skip = m.end();
            }
        }
        if ((skip > 0 || f.dashSpace) && mayBeDateline(line, skip)) {
            Matcher d = DATELINE.matcher(line).region(skip, line.length());
            if (d.lookingAt()) {
                skip = d.end();
            }
        }
        if (f.colon && line.indexOf(':', skip) >= 0) { // every label ends with a colon
            Matcher l = LABEL.matcher(line).region(skip, line.length());
            if (l.lookingAt()) {
                skip = l.end();
            }
        }
        return skip;
    }

    /**
     * A cheap test before the dateline pattern: a dateline opens with a capital, then either a second capital (or
     * '.-) or a bracket further on ("Kabul (Reuters) -"), and ends with a dash before a space.
     */
    static boolean mayBeDateline(String line, int from) {
        if (from + 1 >= line.length() || line.charAt(from) < 'A' || line.charAt(from) > 'Z') {
            return false;
        }
        char second = line.charAt(from + 1);
        boolean capitals = second >= 'A' && second <= 'Z' || second == '\'' || second == '.' || second == '-';
        if (!capitals && line.indexOf('(', from) < 0) {
            return false;
        }
        for (int i = from + 1; i + 1 < line.length(); i++) {
            char c = line.charAt(i);
            if ((c == '-' || c == '\u2014' || c == '\u2013') && Character.isWhitespace(line.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    /** Where the content ends: drops a trailing "This story is developing..." note. */
    private static int stripSuffix(String line) {
        if (line.indexOf("develop") < 0 && line.indexOf("check back") < 0 && line.indexOf("Refresh") < 0) {
            return line.length();
        }
        Matcher m = DEVELOPING.matcher(line);
        return m.find() ? m.start() : line.length();
    }

    private static boolean looksLikeHeadline(String text, int s, int e) {
        char last = text.charAt(e - 1);
        if (last == '.' || last == '!' || last == '?' || last == '"' || last == '\u201D' || last == ':') {
            return false;
        }
        int words = 1;
        for (int i = s; i < e; i++) {
            if (text.charAt(i) == ' ') {
                words++;
            }
        }
        return words <= 25;
    }

    private static boolean endsWithStop(String line) {
        char c = line.charAt(line.length() - 1);
        return c == '.' || c == '!' || c == '?' || c == '"' || c == '\u201D';
    }

    private static boolean hasDigit(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isDigit(line.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
