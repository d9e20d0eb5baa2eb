package io.incidentstreams.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.model.DatePrecision;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds date expressions in a sentence and resolves them against the date of the piece they appear in.
 *
 * <p>Rules, in short (details in {@code docs/extraction.md}): weekdays go to their most recent past occurrence, the
 * publication day itself included; a day or month without a year goes to its most recent past occurrence; "last
 * week" becomes the coarsest precision that covers every day it can mean; a stated foreign time zone marks the date
 * as less trustworthy than one given in local time. Without an anchor, only expressions that carry their own year
 * resolve. The system clock is never read. One precompiled pattern is matched once over the sentence.
 */
final class DateFinder {

    enum Zone { NONE, LOCAL, FOREIGN }

    /** How an expression relates to other dates. */
    enum Kind {
        /** A date in its own right ("Jan. 8", "Monday", "in December"). */
        ABSOLUTE,
        /** "N days after/before X": X lies N days before/after the incident the sentence is about. */
        OFFSET_TO_EVENT,
        /** "a week earlier", "the next month", "the day before": relative to another incident's date. */
        RELATIVE_TO_CONTEXT
    }

    /**
     * A date expression.
     *
     * @param start    offset in the article text
     * @param end      offset one past it
     * @param text     the expression as written
     * @param value    resolved or partial date (null for relations and unresolvable expressions)
     * @param zone     stated time zone
     * @param excluded preceded by "since", "until", "by"... : not an incident date
     * @param future   "next Monday", "next month": never an incident date
     * @param amount   signed offset for relative kinds (negative = earlier)
     * @param unit     unit of the offset
     */
    record Expr(int start, int end, String text, Kind kind, PartialDate value, Zone zone, boolean excluded,
                boolean future, long amount, ChronoUnit unit) {

        boolean usable() {
            return !excluded && !future;
        }
    }

    private static final String MONTH = "(?:January|February|March|April|May|June|July|August|September|October|"
            + "November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";
    private static final String NUMWORD = "(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
            + "\\d{1,2}|several|a few|a couple of|few)";
    /**
     * The date expressions, one alternative each. Every alternative opens with a look-ahead for the letters its
     * words can start with: it matches nothing more or less, but the engine skips an alternative at the first
     * character instead of trying each of its words (a month alone has 24 spellings).
     */
    static final Pattern DATES = Pattern.compile(
            "(?<mdy>(?=[JFMASOND])\\b(?<m1>" + MONTH + ")\\.?\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?\\b"
                    + "(?:,?\\s+(?<y1>(?:19|20)\\d{2})\\b)?)"
                    + "|(?<dmy>(?=\\d)\\b(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<m2>" + MONTH + ")\\b\\.?"
                    + "(?:,?\\s+(?<y2>(?:19|20)\\d{2})\\b)?)"
                    + "|(?<my>(?=[EeMmLlBbTtJFASOND])\\b(?:(?<q3>[Ee]arly|[Mm]id|[Ll]ate|[Ee]nd of|[Bb]eginning of|"
                    + "[Tt]he end of|[Tt]he middle of|[Tt]he start of)[\\s-]+)?(?<m3>" + MONTH + ")\\b\\.?"
                    + "(?!\\s+\\d{1,2}\\b)(?:,?\\s+(?<y3>(?:19|20)\\d{2})\\b)?)"
                    + "|(?<wd>(?=[EeLlTtNnPpCcMWFS])\\b(?:(?<q4>[Ee]arly|[Ll]ate|[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|"
                    + "[Cc]oming)\\s+(?:on\\s+)?)?(?<w4>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                    + "(?:\\s+(?:morning|afternoon|evening|night))?\\b)"
                    + "|(?<rel>(?=[EeLlTtYy])\\b(?:[Ee]arlier\\s+today|[Ll]ater\\s+today|[Tt]oday|[Tt]onight|"
                    + "[Tt]his\\s+(?:morning|afternoon|evening)|[Yy]esterday|[Ll]ast\\s+night|"
                    + "[Tt]he\\s+day\\s+before\\s+yesterday)\\b)"
                    + "|(?<per>(?=[EeLlTtNnPpCc])\\b(?:(?<q6>[Ee]arlier|[Ll]ater|[Ll]ate|[Ee]arly)\\s+)?"
                    + "(?<w6>[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast|[Cc]oming)\\s+(?<u6>week|month|year)\\b)"
                    + "|(?<yr>(?=[iIdDosSbut])\\b(?<p7>in|In|during|During|of|since|Since|by|until|throughout)\\s+"
                    + "(?:(?<q7>early|mid|late)[\\s-]+)?(?<y7>(?:19|20)\\d{2})\\b)"
                    + "|(?<off>(?=[aAoOtTfFsSeEnN\\d])\\b(?<n8>" + NUMWORD + ")\\s+"
                    + "(?<u8>day|days|week|weeks|month|months|year|years)\\s+(?<d8>after|before|earlier|later|ago)\\b)"
                    + "|(?<nxt>(?=[Ttnfp])\\b(?:[Tt]he\\s+)?(?<w9>next|following|previous|preceding)\\s+"
                    + "(?<u9>day|week|month|year)\\b)"
                    + "|(?<dba>(?=[Tt])\\b[Tt]he\\s+(?:day|night)\\s+(?<d10>before|after)\\b)"
                    + "|(?<hrs>(?=[hHmMsSbB])\\b(?i:hours|minutes|moments|shortly|soon|barely hours)\\s+"
                    + "(?<d11>after|before|later|earlier)\\b)");
    static final Pattern ZONE = Pattern.compile(
            "^[\\s,(]*(?:(?:at|around|about|shortly|just|before|after|night|morning|evening|afternoon|on)\\s+)*"
                    + "(?:\\d{1,2}(?:[:.]\\d{2})?\\s*(?:[ap]\\.?\\s?m\\b\\.?)?\\s*)?[\\s,(]*"
                    + "(?<tz>local time|local|[a-z]+ time|ist|gmt|utc|et|est|edt|bst|cet)\\b");

    private final Set<String> local;
    private final Set<String> foreign;
    private final Set<String> excluding;

    /** A named day of dates.json {@code holidays}: a fixed month and day, or a number of days from Easter Sunday. */
    record Holiday(String phrase, int month, int day, boolean fromEaster, int easterOffset) {

        /** The day in {@code year}. */
        LocalDate in(int year) {
            return fromEaster ? easterSunday(year).plusDays(easterOffset) : LocalDate.of(year, month, day);
        }
    }

    /** Named days by the first word of their name ("christmas", "new", "good"). */
    private final Map<String, List<Holiday>> holidays = new HashMap<>();

    DateFinder(JsonNode root) {
        local = lowerSet(RuleFiles.strings(root.path("localTimeMarkers")));
        foreign = lowerSet(RuleFiles.strings(root.path("foreignTimeMarkers")));
        excluding = lowerSet(RuleFiles.strings(root.path("excludingPrepositions")));
        root.path("holidays").fields().forEachRemaining(f -> {
            if (f.getKey().equals("about")) {
                return;
            }
            String phrase = apostrophes(f.getKey().toLowerCase(Locale.ROOT));
            String v = f.getValue().asText();
            Holiday h;
            if (v.startsWith("easter")) {
                h = new Holiday(phrase, 0, 0, true, v.length() > 6 ? Integer.parseInt(v.substring(6).replace("+", "")) : 0);
            } else {
                h = new Holiday(phrase, Integer.parseInt(v.substring(0, 2)), Integer.parseInt(v.substring(3, 5)), false, 0);
            }
            String first = phrase.split(" ")[0];
            holidays.computeIfAbsent(first.endsWith("'s") ? first.substring(0, first.length() - 2) : first,
                    k -> new ArrayList<>()).add(h);
        });
    }

    private static String apostrophes(String s) {
        return s.replace('\u2019', '\'').replace('\u02BC', '\'').replace('\u2018', '\'');
    }

    /** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm). */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    private static final Pattern HOLIDAY_YEAR = Pattern.compile("^,?\\s+((?:19|20)\\d{2})\\b");

    /**
     * A named day that opens at token {@code k} ("Christmas Day", "Easter Sunday 2019"), resolved as a day and
     * month without a year are: the most recent occurrence up to the anchor, or the context's year. Null when none.
     */
    private Expr holiday(String text, List<Token> tokens, int k, int to, LocalDate anchor, LocalDate context) {
        List<Holiday> candidates = holidays.get(tokens.get(k).norm());
        if (candidates == null || !tokens.get(k).capitalized()) {
            return null;
        }
        int s = tokens.get(k).start();
        for (Holiday h : candidates) {
            int e = s + h.phrase().length();
            if (e > to || !apostrophes(text.substring(s, e)).equalsIgnoreCase(h.phrase())
                    || e < text.length() && Character.isLetterOrDigit(text.charAt(e))) {
                continue;
            }
            Integer year = null;
            Matcher y = HOLIDAY_YEAR.matcher(text).region(e, to);
            if (y.lookingAt()) {
                year = Integer.parseInt(y.group(1));
                e = y.end();
            }
            PartialDate v = null;
            if (year != null) {
                v = PartialDate.ofDay(h.in(year));
            } else if (anchor != null) {
                LocalDate d = h.in(anchor.getYear());
                if (d.isAfter(anchor.plusDays(1))) {
                    d = h.in(anchor.getYear() - 1);
                }
                v = PartialDate.ofDay(d);
                if (context != null) {
                    v = nearHoliday(h, v, anchor, context);
                }
            }
            String before = previousWord(text, s);
            boolean future = before.equals("next") || before.equals("coming");
            return new Expr(s, e, text.substring(s, e), Kind.ABSOLUTE, v, zoneAfter(text, e, to),
                    excluding.contains(before), future, 0, null);
        }
        return null;
    }

    /** As {@link #nearContext}, for a named day whose date moves from year to year. */
    private static PartialDate nearHoliday(Holiday h, PartialDate v, LocalDate anchor, LocalDate context) {
        PartialDate best = v;
        long bestGap = Math.abs(ChronoUnit.DAYS.between(context, v.lo()));
        if (bestGap <= CONTEXT_DAYS) {
            return v;
        }
        for (int dy = -1; dy <= 1; dy++) {
            LocalDate c = h.in(context.getYear() + dy);
            long gap = Math.abs(ChronoUnit.DAYS.between(context, c));
            if (!c.isAfter(anchor.plusDays(1)) && gap < bestGap && gap <= CONTEXT_DAYS) {
                best = PartialDate.ofDay(c);
                bestGap = gap;
            }
        }
        return best;
    }

    private static Set<String> lowerSet(List<String> words) {
        Set<String> s = new HashSet<>();
        for (String w : words) {
            s.add(w.toLowerCase(Locale.ROOT));
        }
        return s;
    }

    /**
     * Date expressions in {@code text[from, to)}, resolved against {@code anchor} (may be null).
     *
     * <p>The pattern is tried only at the start of words that can open a date expression, which keeps the cost to a
     * few character comparisons for most words of a sentence.
     */
    List<Expr> find(String text, int from, int to, LocalDate anchor) {
        return find(text, Tokenizer.tokenize(text, from, to), to, anchor);
    }

    /** As {@link #find(String, int, int, LocalDate)}, over tokens already read from {@code text}. */
    List<Expr> find(String text, List<Token> tokens, int to, LocalDate anchor) {
        return find(text, tokens, to, anchor, null);
    }

    /**
     * As {@link #find(String, List, int, LocalDate)}, with {@code context}: the date with a year that the text gave
     * just before ("In January 2020 ... On Jan. 3 ..."). A day or month without a year resolves to its most recent
     * occurrence before the anchor, unless that lies more than half a year from the context and another occurrence
     * (not after the anchor) lies close to it: then the story is telling an older year.
     */
    List<Expr> find(String text, List<Token> tokens, int to, LocalDate anchor, LocalDate context) {
        return find(text, tokens, to, anchor, context, null);
    }

    /** A matcher of date expressions over {@code text}, for {@link #find} to reuse across the sentences of a page. */
    static Matcher matcher(String text) {
        return DATES.matcher(text).useTransparentBounds(true);
    }

    /**
     * As {@link #find(String, List, int, LocalDate, LocalDate)}, with a matcher from {@link #matcher} over the same
     * text (or null): a page's sentences share one instead of each allocating its own.
     */
    List<Expr> find(String text, List<Token> tokens, int to, LocalDate anchor, LocalDate context, Matcher reuse) {
        List<Expr> out = new ArrayList<>();
        Matcher m = reuse;
        int done = -1;
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            if (t.start() >= done && !holidays.isEmpty()) {
                Expr h = holiday(text, tokens, k, to, anchor, context);
                if (h != null) {
                    out.add(h);
                    done = h.end();
                    continue;
                }
            }
            if (t.start() < done || !(t.isNumber() ? numberMayOpen(tokens, k) : STARTS.contains(t) && plausible(tokens, k))) {
                continue;
            }
            if (m == null) {
                m = matcher(text);
            }
            m.region(t.start(), to);
            if (m.lookingAt()) {
                Expr e = build(m, text, to, anchor, context);
                if (e != null) {
                    out.add(e);
                }
                done = m.end();
                if (e != null && m.start("off") >= 0 && e.text().endsWith("ago") && k + 1 < tokens.size()) {
                    // "a year ago tonight": the evening belongs to the day a year ago, not to the page's day
                    int j = k + 1;
                    while (j < tokens.size() && tokens.get(j).start() < done) {
                        j++;
                    }
                    if (j < tokens.size() && (tokens.get(j).norm().equals("tonight")
                            || tokens.get(j).norm().equals("today"))) {
                        done = tokens.get(j).end();
                    }
                }
            }
        }
        return out;
    }

    private static final WordSet UNITS = WordSet.of("day", "days", "week", "weeks", "month", "months", "year",
            "years", "few", "couple", "hours", "night");
    private static final WordSet AFTER_THE = WordSet.of("next", "following", "previous", "preceding", "day", "night",
            "end", "middle", "start");
    private static final WordSet AFTER_QUALIFIER = WordSet.of("on", "last", "this", "next", "of", "in", "today");
    private static final WordSet SPAN_WORDS = WordSet.of("in", "during", "of", "since", "by", "until", "throughout");
    private static final WordSet AMOUNT_WORDS = WordSet.of("a", "an", "one", "two", "three", "four", "five", "six",
            "seven", "eight", "nine", "ten", "eleven", "twelve", "several", "few");

    /**
     * Whether the words after a common opener can still make a date ("the next month", "in 2019", "a week after"),
     * so that the pattern is not tried after every "the", "in" or "a" of a sentence.
     */
    private static boolean plausible(List<Token> tokens, int k) {
        String w = tokens.get(k).norm();
        Token next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
        String n = next == null ? "" : next.norm();
        if (w.equals("the")) {
            return next != null && AFTER_THE.contains(next);
        }
        if (SPAN_WORDS.contains(tokens.get(k))) {
            return next != null && (next.isNumber() || n.equals("early") || n.equals("mid") || n.equals("late"));
        }
        if (AMOUNT_WORDS.contains(tokens.get(k))) {
            return next != null && UNITS.contains(next) || n.equals("few") || n.equals("couple");
        }
        if (w.equals("early") || w.equals("late") || w.equals("mid") || w.equals("end") || w.equals("beginning")
                || w.equals("earlier") || w.equals("later") || w.equals("last") || w.equals("this")
                || w.equals("next") || w.equals("past") || w.equals("coming")) {
            return next != null && (next.capitalized() || UNITS.contains(next) || AFTER_QUALIFIER.contains(next)
                    || n.equals("morning") || n.equals("afternoon") || n.equals("evening") || n.equals("tonight"));
        }
        return true;
    }

    /** Words before "March" that make it the month. */
    private static final Set<String> MARCH_BEFORE = Set.of("in", "of", "since", "until", "by", "early", "late", "mid",
            "last");

    /** "since" opens a phrase about another time: its dates and places are not the incident's. */
    static final WordSet SINCE = WordSet.of("since");

    /** Words after a number that opens a date: "8 January", "8 of Jan.", "three days after". */
    private static final WordSet AFTER_NUMBER = WordSet.of("of", "january", "february", "march", "april", "may",
            "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "day", "days", "week", "weeks", "month", "months",
            "year", "years");

    /**
     * Whether a number can open a date: only "8 January" and "three days after" start with one, so the word after it
     * must be a month, "of" or a unit. Most numbers of a sentence are counts, and the pattern is not tried at them.
     */
    static boolean numberMayOpen(List<Token> tokens, int k) {
        return k + 1 < tokens.size() && AFTER_NUMBER.contains(tokens.get(k + 1));
    }

    /** Words that can open a date expression. */
    private static final WordSet STARTS = WordSet.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
            "sunday", "early", "mid", "late", "end", "beginning", "the", "last", "this", "next", "past", "coming",
            "earlier", "later", "today", "tonight", "yesterday", "in", "during", "of", "since", "by", "until",
            "throughout", "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "several", "few", "hours", "minutes", "moments", "shortly", "soon", "barely");

    private Expr build(Matcher m, String text, int limit, LocalDate anchor, LocalDate context) {
        int s = m.start();
        int e = m.end();
        String word = m.group();
        String before = previousWord(text, s);
        boolean excluded = excluding.contains(before);
        Zone zone = zoneAfter(text, e, limit);
        if (m.start("mdy") >= 0 || m.start("dmy") >= 0) {
            boolean mdy = m.start("mdy") >= 0;
            int month = monthNumber(m.group(mdy ? "m1" : "m2"));
            int day = Integer.parseInt(m.group(mdy ? "d1" : "d2"));
            String y = m.group(mdy ? "y1" : "y2");
            if (day < 1 || day > 31) {
                return null;
            }
            PartialDate v = monthDay(month, day, y == null ? null : Integer.parseInt(y), anchor);
            if (y == null && v != null && context != null) {
                v = nearContext(v, anchor, context);
            }
            if (v == null && y != null) {
                return null; // impossible date such as Feb 30
            }
            if (v == null) {
                v = new PartialDate(null, month, day, DatePrecision.DAY);
            }
            return new Expr(s, e, word, Kind.ABSOLUTE, v, zone, excluded, false, 0, null);
        }
        if (m.start("my") >= 0) {
            String mName = m.group("m3");
            if (mName.equals("May") && !maySignalsMonth(text, s, m)) {
                return null; // the verb "may"
            }
            if (mName.equals("March") && m.start("q3") < 0 && m.start("y3") < 0
                    && !MARCH_BEFORE.contains(before)
                    && !nextIsNoun(text, e)) {
                return null; // the verb or noun "march"
            }
            int month = monthNumber(mName);
            String y = m.group("y3");
            PartialDate v;
            if (y != null) {
                v = PartialDate.ofMonth(Integer.parseInt(y), month);
            } else if (anchor != null) {
                int year = anchor.getYear();
                if (month > anchor.getMonthValue()) {
                    year--;
                }
                v = PartialDate.ofMonth(year, month);
            } else {
                v = new PartialDate(null, month, null, DatePrecision.MONTH);
            }
            boolean future = before.equals("next") || before.equals("coming");
            return new Expr(s, e, word, Kind.ABSOLUTE, v, zone, excluded, future, 0, null);
        }
        if (m.start("wd") >= 0) {
            String q = lower(m.group("q4"));
            boolean future = q.equals("next") || q.equals("coming");
            PartialDate v = null;
            DayOfWeek target = DayOfWeek.valueOf(m.group("w4").toUpperCase(Locale.ROOT));
            if (anchor != null && !future) {
                int back = Math.floorMod(anchor.getDayOfWeek().getValue() - target.getValue(), 7);
                if (q.equals("last") && back == 0) {
                    back = 7;
                }
                v = PartialDate.ofDay(anchor.minusDays(back));
            } else if (!future) {
                v = PartialDate.ofWeekday(target); // no anchor: the weekday is all that is known
            }
            return new Expr(s, e, word, Kind.ABSOLUTE, v, zone, excluded, future, 0, null);
        }
        if (m.start("rel") >= 0) {
            String w = lower(word);
            int back = w.contains("day before yesterday") ? 2 : (w.contains("yesterday") || w.contains("last night"))
                    ? 1 : 0;
            PartialDate v = anchor == null ? null : PartialDate.ofDay(anchor.minusDays(back));
            return new Expr(s, e, word, Kind.ABSOLUTE, v, zone, excluded, false, 0, null);
        }
        if (m.start("per") >= 0) {
            String w = lower(m.group("w6"));
            String unit = m.group("u6");
            boolean future = w.equals("next") || w.equals("coming");
            PartialDate v = null;
            if (anchor != null && !future) {
                v = period(anchor, w, unit);
            }
            return new Expr(s, e, word, Kind.ABSOLUTE, v, zone, excluded, future, 0, null);
        }
        if (m.start("yr") >= 0) {
            String p = lower(m.group("p7"));
            boolean excl = excluded || excluding.contains(p);
            return new Expr(s, e, word, Kind.ABSOLUTE, PartialDate.ofYear(Integer.parseInt(m.group("y7"))), zone,
                    excl, false, 0, null);
        }
        if (m.start("off") >= 0) {
            long n = numberWord(m.group("n8"));
            ChronoUnit unit = unit(m.group("u8"));
            String dir = m.group("d8");
            if (dir.equals("ago")) {
                PartialDate v = anchor == null || n <= 0 ? null : PartialDate.ofDay(anchor).shift(-n, unit);
                return new Expr(s, e, word, Kind.ABSOLUTE, v, zone, false, false, 0, null);
            }
            boolean toEvent = dir.equals("after") || dir.equals("before");
            // "comes N days after X": X is N days earlier; "N days earlier": this one is N days earlier
            long signed = dir.equals("after") || dir.equals("earlier") ? -n : n;
            // "several days after": a relation whose amount is unknown (unit null)
            return new Expr(s, e, word, toEvent ? Kind.OFFSET_TO_EVENT : Kind.RELATIVE_TO_CONTEXT, null, zone,
                    false, false, signed, n == 0 ? null : unit);
        }
        if (m.start("nxt") >= 0) {
            String w = lower(m.group("w9"));
            long signed = w.equals("next") || w.equals("following") ? 1 : -1;
            if (w.equals("next") && !lower(word).startsWith("the")) {
                return new Expr(s, e, word, Kind.ABSOLUTE, null, zone, false, true, 0, null); // "next week"
            }
            return new Expr(s, e, word, Kind.RELATIVE_TO_CONTEXT, null, zone, false, false, signed,
                    unit(m.group("u9")));
        }
        if (m.start("dba") >= 0) {
            long signed = m.group("d10").equals("before") ? -1 : 1;
            return new Expr(s, e, word, Kind.RELATIVE_TO_CONTEXT, null, zone, false, false, signed, ChronoUnit.DAYS);
        }
        if (m.start("hrs") >= 0) {
            String d = m.group("d11");
            if (d.equals("later") || d.equals("earlier")) {
                // "Hours later a second bomb exploded": the same day as the incident just discussed
                return new Expr(s, e, word, Kind.RELATIVE_TO_CONTEXT, null, zone, false, false, 0, ChronoUnit.DAYS);
            }
            // "hours after X": same day as X, as far as day precision can tell
            return new Expr(s, e, word, Kind.OFFSET_TO_EVENT, null, zone, false, false, 0, ChronoUnit.DAYS);
        }
        return null;
    }

    /** Days from the context beyond which a year-less date is taken to belong to the context's year instead. */
    private static final int CONTEXT_DAYS = 183;

    private static PartialDate nearContext(PartialDate v, LocalDate anchor, LocalDate context) {
        if (!v.resolved() || Math.abs(ChronoUnit.DAYS.between(context, v.lo())) <= CONTEXT_DAYS) {
            return v;
        }
        PartialDate best = v;
        long bestGap = Math.abs(ChronoUnit.DAYS.between(context, v.lo()));
        for (int dy = -1; dy <= 1; dy++) {
            PartialDate c = v.shift(context.getYear() + dy - v.year(), ChronoUnit.YEARS);
            if (c == null || !c.resolved() || anchor != null && c.lo().isAfter(anchor.plusDays(1))) {
                continue;
            }
            long gap = Math.abs(ChronoUnit.DAYS.between(context, c.lo()));
            if (gap < bestGap && gap <= CONTEXT_DAYS) {
                best = c;
                bestGap = gap;
            }
        }
        return best;
    }

    /** The day an expression with its own year gives ("January 8, 2020", "8 Jan 2020"), else null. */
    static LocalDate explicitYear(Expr e) {
        if (e.value() == null || !e.value().resolved() || e.kind() != Kind.ABSOLUTE
                || e.value().precision() != DatePrecision.DAY) {
            return null;
        }
        String t = e.text();
        for (int i = 0; i + 3 < t.length(); i++) {
            if (Character.isDigit(t.charAt(i)) && Character.isDigit(t.charAt(i + 1))
                    && Character.isDigit(t.charAt(i + 2)) && Character.isDigit(t.charAt(i + 3))
                    && (t.charAt(i) == '1' || t.charAt(i) == '2')) {
                return e.value().lo();
            }
        }
        return null;
    }

    private static PartialDate period(LocalDate a, String which, String unit) {
        switch (unit) {
            case "week":
                if (which.equals("last")) {
                    // the previous calendar week or the seven days before: any day from 13 to 1 days earlier
                    return PartialDate.covering(a.minusDays(13), a.minusDays(1));
                }
                if (which.equals("past")) {
                    return PartialDate.covering(a.minusDays(7), a);
                }
                return PartialDate.covering(a.minusDays(a.getDayOfWeek().getValue() - 1L), a);
            case "month":
                if (which.equals("last")) {
                    LocalDate p = a.minusMonths(1);
                    return PartialDate.ofMonth(p.getYear(), p.getMonthValue());
                }
                if (which.equals("past")) {
                    return PartialDate.covering(a.minusMonths(1), a);
                }
                return PartialDate.ofMonth(a.getYear(), a.getMonthValue());
            default:
                if (which.equals("last")) {
                    return PartialDate.ofYear(a.getYear() - 1);
                }
                if (which.equals("past")) {
                    return PartialDate.covering(a.minusYears(1), a);
                }
                return PartialDate.ofYear(a.getYear());
        }
    }

    /** A month and day with an optional year: the most recent past occurrence when the year is missing. */
    private static PartialDate monthDay(int month, int day, Integer year, LocalDate anchor) {
        try {
            if (year != null) {
                return PartialDate.ofDay(LocalDate.of(year, month, day));
            }
            if (anchor == null) {
                return null;
            }
            LocalDate d = LocalDate.of(anchor.getYear(), month, day);
            if (d.isAfter(anchor.plusDays(1))) {
                d = LocalDate.of(anchor.getYear() - 1, month, day);
            }
            return PartialDate.ofDay(d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private Zone zoneAfter(String text, int end, int limit) {
        int to = Math.min(limit, end + 48);
        if (end >= to) {
            return Zone.NONE;
        }
        if (!mayNameZone(text, end, to)) {
            return Zone.NONE;
        }
        String tail = text.substring(end, to).toLowerCase(Locale.ROOT);
        Matcher z = ZONE.matcher(tail);
        if (!z.lookingAt()) {
            return Zone.NONE;
        }
        String tz = z.group("tz");
        if (local.contains(tz)) {
            return Zone.LOCAL;
        }
        if (foreign.contains(tz)) {
            return Zone.FOREIGN;
        }
        if (tz.endsWith(" time")) {
            String place = tz.substring(0, tz.length() - 5);
            return local.contains(place) ? Zone.LOCAL : Zone.FOREIGN;
        }
        return Zone.NONE;
    }

    /** Words that {@link #ZONE} lets stand before a clock time or zone. */
    private static final Set<String> ZONE_LEAD = Set.of("at", "around", "about", "shortly", "just", "before", "after",
            "night", "morning", "evening", "afternoon", "on");
    /** Zones that {@link #ZONE} names by one word. */
    private static final Set<String> ZONE_WORDS = Set.of("local", "ist", "gmt", "utc", "et", "est", "edt", "bst",
            "cet");

    /**
     * A cheap test before the {@link #ZONE} pattern, which is anchored: after spaces, commas and brackets the text
     * must go on with a digit, a word that may lead to a time, a one-word zone, or a word before " time". Text beyond
     * ASCII is left to the pattern.
     */
    static boolean mayNameZone(String text, int from, int to) {
        int i = from;
        while (i < to && isZoneSpace(text.charAt(i))) {
            i++;
        }
        if (i >= to) {
            return false;
        }
        char c = text.charAt(i);
        if (c > 0x7F || c >= '0' && c <= '9') {
            return true;
        }
        int run = i;
        while (i < to && isAsciiLetter(text.charAt(i))) {
            i++;
        }
        if (i == run) {
            return i < to && text.charAt(i) > 0x7F;
        }
        if (i < to && text.charAt(i) > 0x7F) {
            return true;
        }
        String word = text.substring(run, i).toLowerCase(Locale.ROOT);
        return ZONE_LEAD.contains(word) || ZONE_WORDS.contains(word) || text.regionMatches(true, i, " time", 0, 5);
    }

    private static boolean isZoneSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == ',' || c == '(';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean maySignalsMonth(String text, int s, Matcher m) {
        if (m.start("q3") >= 0 || m.start("y3") >= 0) {
            return true;
        }
        String before = previousWord(text, s);
        return before.equals("in") || before.equals("since") || before.equals("until") || before.equals("of")
                || before.equals("last") || before.equals("early") || before.equals("late") || before.equals("mid");
    }

    private static boolean nextIsNoun(String text, int e) {
        int i = e;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        int j = i;
        while (j < text.length() && Character.isLetter(text.charAt(j))) {
            j++;
        }
        String w = text.substring(i, j).toLowerCase(Locale.ROOT);
        return w.equals("attack") || w.equals("attacks") || w.equals("strike") || w.equals("strikes")
                || w.equals("bombing") || w.equals("rocket") || w.equals("truce") || w.equals("ceasefire");
    }

    static String previousWord(String text, int s) {
        int i = s;
        while (i > 0 && !Character.isLetterOrDigit(text.charAt(i - 1))) {
            if (text.charAt(i - 1) == '.' || text.charAt(i - 1) == '\n') {
                return "";
            }
            i--;
        }
        int j = i;
        while (j > 0 && Character.isLetter(text.charAt(j - 1))) {
            j--;
        }
        return text.substring(j, i).toLowerCase(Locale.ROOT);
    }

    static int monthNumber(String name) {
        if (name == null || name.length() < 3) {
            return -1;
        }
        switch (name.substring(0, 3).toLowerCase(Locale.ROOT)) {
            case "jan":
                return 1;
            case "feb":
                return 2;
            case "mar":
                return 3;
            case "apr":
                return 4;
            case "may":
                return 5;
            case "jun":
                return 6;
            case "jul":
                return 7;
            case "aug":
                return 8;
            case "sep":
                return 9;
            case "oct":
                return 10;
            case "nov":
                return 11;
            case "dec":
                return 12;
            default:
                return -1;
        }
    }

    private static long numberWord(String w) {
        String s = lower(w);
        switch (s) {
            case "a":
            case "an":
            case "one":
                return 1;
            case "two":
            case "a couple of":
                return 2;
            case "three":
                return 3;
            case "four":
                return 4;
            case "five":
                return 5;
            case "six":
                return 6;
            case "seven":
                return 7;
            case "eight":
                return 8;
            case "nine":
                return 9;
            case "ten":
                return 10;
            case "eleven":
                return 11;
            case "twelve":
                return 12;
            default:
                if (!s.isEmpty() && Character.isDigit(s.charAt(0))) {
                    return Long.parseLong(s);
                }
                return 0; // "several", "a few": a relation without a usable amount
        }
    }

    private static ChronoUnit unit(String u) {
        if (u.startsWith("day")) {
            return ChronoUnit.DAYS;
        }
        if (u.startsWith("week")) {
            return ChronoUnit.WEEKS;
        }
        if (u.startsWith("month")) {
            return ChronoUnit.MONTHS;
        }
        return ChronoUnit.YEARS;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
