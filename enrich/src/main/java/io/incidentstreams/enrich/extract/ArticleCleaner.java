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
    private static final Pattern CAPTION = Pattern.compile(
            "\\bPhoto(?:graph)?s?\\s*(?::|/|\\||by\\b)|\\bvia Getty Images|\\bGetty Images\\s*$|\\bCredit\\s*:|"
                    + "\\(AP Photo|^Caption\\s*:|^Image\\s*(?:Source)?\\s*:|\\bFile photo\\b|\\bPicture\\s*:");
    /** Outlet credit in parentheses closing a caption line: "(Tigris Post / File)". */
    private static final Pattern TRAILING_CREDIT = Pattern.compile(
            "\\((?:[A-Z][\\w.&'-]*\\s?){1,4}(?:/\\s*[A-Z][\\w ]{1,20})?\\)\\s*$");
    private static final Pattern IMAGE_SOURCE_PREFIX = Pattern.compile(
            "^Image\\s*Source\\s*:\\s*(?:AP|Reuters|AFP|PTI|ANI|IANS|Getty Images|File|Twitter|Representational"
                    + "(?: image)?)\\b\\s*");
    private static final Pattern BOILERPLATE = Pattern.compile(
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
    private static final Pattern DATELINE = Pattern.compile(
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
    private static final Pattern DATE_LINE = Pattern.compile(
            "^(?:Go deeper)?\\s*(?:Arrow)?\\s*(?:Updated|Published|Posted)?\\s*(?:[A-Z][a-z]+day,?\\s+)?"
                    + "(?<date>" + MONTHS + "\\s+\\d{1,2},?\\s+\\d{4}|\\d{1,2}\\s+" + MONTHS + ",?\\s+\\d{4})"
                    + "(?:\\s*(?:[-\u2013\u2014|,]|at)\\s*.{0,60})?$");
    private static final Set<String> AGENCY_ONLY = Set.of("AP", "Reuters", "AFP", "PTI", "ANI", "IANS");
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
            int nl = text.indexOf('\n', pos);
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

            LocalDate lineDate = dateLine(line);
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
            if (isFurniture(line, lineNo == 1 && !related)) {
                continue;
            }
            int contentStart = s + stripPrefix(line);
            int contentEnd = s + stripSuffix(line);
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
        if (line.length() > 90 || !hasDigit(line)) {
            return null;
        }
        Matcher m = DATE_LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        return parseLooseDate(m.group("date"));
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

    private boolean isFurniture(String line, boolean firstLine) {
        if (line.indexOf("t.co/") >= 0 || line.indexOf("pic.twitter.com") >= 0) {
            return true; // embedded post
        }
        if (line.indexOf('@') >= 0 && HANDLE.matcher(line).find()) {
            return true; // embedded post text or its attribution line
        }
        if (line.length() <= BOILERPLATE_MAX && mayBeBoilerplate(line) && BOILERPLATE.matcher(line).matches()) {
            return true;
        }
        if (line.startsWith("Image") && IMAGE_SOURCE_PREFIX.matcher(line).lookingAt()) {
            return line.length() - IMAGE_SOURCE_PREFIX.matcher(line).results().findFirst().get().end() < 3;
        }
        if (line.length() <= CAPTION_MAX && mayBeCaption(line) && CAPTION.matcher(line).find()) {
            return true;
        }
        char last = line.charAt(line.length() - 1);
        if (last == ')' && TRAILING_CREDIT.matcher(line).find() && line.indexOf('.') >= 0
                && line.indexOf('.') < line.lastIndexOf('(')) {
            return true; // "A caption sentence. (Outlet / File)"
        }
        boolean longLine = line.length() > SHORT_LINE;
        if (!longLine && line.indexOf(" ago") >= 0 && TIME_AGO.matcher(line).find() && wordCount(line) <= 10) {
            return true;
        }
        if (longLine) {
            return false;
        }
        if (line.indexOf('|') >= 0 && wordCount(line) <= 14 && !endsWithStop(line)) {
            return true; // "By Name | Outlet | Desk", "Staff | 22 mins ago | World"
        }
        if (line.startsWith("By ") && BYLINE.matcher(line).matches() && wordCount(line) <= 14
                && !endsWithStop(line)) {
            return true;
        }
        if (AGENCY_ONLY.contains(line)) {
            return true;
        }
        if (!firstLine && isAllCaps(line)) {
            return true; // promotional headline of another story
        }
        int words = wordCount(line);
        if (words >= 2 && words <= 4 && LONE_NAME.matcher(line).matches() && !mentionsIncidentWords(line)) {
            return true; // byline of two to four words
        }
        if (!firstLine && words <= 4 && !endsWithStop(line) && line.indexOf('\u2014') > 0
                && !mentionsIncidentWords(line)) {
            return true; // "Outlet — Section"
        }
        return false;
    }

    private static boolean mayBeBoilerplate(String line) {
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

    /** A cheap test before the caption pattern: every caption marker contains one of these words. */
    private static boolean mayBeCaption(String line) {
        return line.indexOf("Photo") >= 0 || line.indexOf("Getty") >= 0 || line.indexOf("Credit") >= 0
                || line.indexOf("(AP") >= 0 || line.startsWith("Caption") || line.startsWith("Image")
                || line.indexOf("File photo") >= 0 || line.indexOf("Picture") >= 0;
    }

    private boolean mentionsIncidentWords(String line) {
        List<Token> tokens = Tokenizer.tokenize(line, 0, line.length(), lexicon);
        return gazetteer.findAny(tokens) || triggers.hasAnyTrigger(tokens);
    }

    /** Length of the dateline, label or credit prefix to skip. */
    private static int stripPrefix(String line) {
        int skip = 0;
        if (line.startsWith("Image")) {
            Matcher m = IMAGE_SOURCE_PREFIX.matcher(line);
            if (m.lookingAt()) {
                skip = m.end();
            }
        }
        if (mayBeDateline(line, skip)) {
            Matcher d = DATELINE.matcher(line).region(skip, line.length());
            if (d.lookingAt()) {
                skip = d.end();
            }
        }
        if (line.indexOf(':', skip) >= 0) { // every label ends with a colon
            Matcher l = LABEL.matcher(line).region(skip, line.length());
            if (l.lookingAt()) {
                skip = l.end();
            }
        }
        return skip;
    }

    /** A dateline opens with a capital and ends with a dash before a space: a cheap test before the pattern. */
    private static boolean mayBeDateline(String line, int from) {
        if (from >= line.length() || line.charAt(from) < 'A' || line.charAt(from) > 'Z') {
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

    private static boolean isAllCaps(String line) {
        int upper = 0;
        int lower = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        return upper >= 8 && lower * 10 < upper && wordCount(line) >= 3;
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

    private static int wordCount(String line) {
        int words = 0;
        boolean in = false;
        for (int i = 0; i < line.length(); i++) {
            boolean ws = Character.isWhitespace(line.charAt(i));
            if (!ws && !in) {
                words++;
            }
            in = !ws;
        }
        return words;
    }
}
