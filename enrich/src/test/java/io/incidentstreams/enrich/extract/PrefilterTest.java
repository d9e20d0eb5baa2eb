package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cheap tests that run before a regular expression never turn away text the expression accepts, on every line
 * and word of the sample and seed pages and on lines written to match each expression. A prefilter that rejected a
 * match would silently change what is extracted.
 */
class PrefilterTest {

    private static final Rules R = Rules.builtIn();
    private static final List<String> TEXTS = new ArrayList<>();
    private static final List<String> LINES = new ArrayList<>();
    /** Lines that each expression accepts, so that no property below holds for want of a match. */
    private static final List<String> WRITTEN = List.of(
            "Photo: Reuters", "A convoy near Basra. Photograph by a local stringer", "Smoke rises (AP Photo/Hadi Mizban)",
            "Caption: the damaged gate", "Image Source : AP", "via Getty Images", "Credit: Iraqi Security Media Cell",
            "A child in Baghdad. File photo", "Picture: the base", "Rockets hit the zone (Getty Images",
            "BAGHDAD (Reuters) \u2014 Rockets struck", "ERBIL, Iraq \u2014 A drone", "KABUL - Gunmen opened fire",
            "Mogadishu (AFP) - A car bomb", "U.S. SAYS \u2013 strikes", "NEW YORK/BAGHDAD -- The statement",
            "Go deeperArrowFeb 16, 2020 - World", "Mar 9, 2020 - World", "Updated Jan. 8, 2021 at 10:02",
            "Wednesday, 8 January 2020", "  Feb 16, 2020", "16 Feb 2020 | Middle East",
            "Advertisement", "Loading...", "CLICK HERE to subscribe", "Related Content", "Read more: the truce",
            "\u2014 AP", "(Reuters)", "This story is developing and will be updated", "Watch: footage");

    @BeforeAll
    static void readPages() throws IOException {
        List<Path> dirs = new ArrayList<>(List.of(Path.of("../samples/articles"), Path.of("../samples/heldout/articles"),
                Path.of("../samples/heldout/fresh/articles")));
        if (Files.isDirectory(Path.of("../../shared/seeds"))) {
            dirs.add(Path.of("../../shared/seeds"));
        }
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                    String text = Files.readString(f, StandardCharsets.UTF_8);
                    TEXTS.add(text);
                    for (String line : text.split("\n")) {
                        LINES.add(line.strip());
                    }
                }
            }
        }
        LINES.addAll(WRITTEN);
        TEXTS.add(String.join("\n", WRITTEN));
        TEXTS.add("The rockets landed late Wednesday night local time. Drones were launched early Friday "
                + "(Pakistan time). They hit on Wednesday, GMT. Jan. 8 at 11:45 p.m (local time) and 8 January at 10 ET, "
                + "three days after the attack, 5 of March, 12 months later.");
        assertThat(LINES).hasSizeGreaterThan(500);
    }

    @Test
    void captionsAreFoundWhereverThePatternFindsThem() {
        int captions = 0;
        for (String line : LINES) {
            boolean pattern = ArticleCleaner.CAPTION.matcher(line).find();
            assertThat(ArticleCleaner.isCaption(line)).as(line).isEqualTo(pattern);
            captions += pattern ? 1 : 0;
        }
        assertThat(captions).isGreaterThanOrEqualTo(10);
    }

    @Test
    void noDatelineBoilerplateOrDateLineIsTurnedAway() {
        int datelines = 0;
        int boilerplate = 0;
        int dateLines = 0;
        for (String line : LINES) {
            if (line.isEmpty()) {
                continue;
            }
            if (ArticleCleaner.DATELINE.matcher(line).lookingAt()) {
                assertThat(ArticleCleaner.mayBeDateline(line, 0)).as(line).isTrue();
                datelines++;
            }
            if (ArticleCleaner.BOILERPLATE.matcher(line).matches()) {
                assertThat(ArticleCleaner.mayBeBoilerplate(line)).as(line).isTrue();
                boilerplate++;
            }
            if (ArticleCleaner.DATE_LINE.matcher(line).matches()) {
                assertThat(ArticleCleaner.mayOpenDateLine(line)).as(line).isTrue();
                dateLines++;
            }
        }
        assertThat(datelines).isGreaterThanOrEqualTo(6);
        assertThat(boilerplate).isGreaterThanOrEqualTo(10);
        assertThat(dateLines).isGreaterThanOrEqualTo(6);
    }

    @Test
    void noTimeZoneAfterAnyWordIsTurnedAway() {
        int zones = 0;
        for (String text : TEXTS) {
            for (Token t : Tokenizer.tokenize(text, 0, text.length(), R.lexicon)) {
                int to = Math.min(text.length(), t.end() + 48);
                Matcher z = DateFinder.ZONE.matcher(text.substring(t.end(), to).toLowerCase(Locale.ROOT));
                if (z.lookingAt()) {
                    assertThat(DateFinder.mayNameZone(text, t.end(), to)).as(text.substring(t.start(), to)).isTrue();
                    zones++;
                }
            }
        }
        assertThat(zones).isGreaterThanOrEqualTo(5);
    }

    @Test
    void noDateOpeningWithANumberIsTurnedAway() {
        int dates = 0;
        for (String text : TEXTS) {
            List<Token> tokens = Tokenizer.tokenize(text, 0, text.length(), R.lexicon);
            Matcher m = DateFinder.DATES.matcher(text).useTransparentBounds(true);
            for (int k = 0; k < tokens.size(); k++) {
                if (tokens.get(k).isNumber() && m.region(tokens.get(k).start(), text.length()).lookingAt()) {
                    assertThat(DateFinder.numberMayOpen(tokens, k)).as(m.group()).isTrue();
                    dates++;
                }
            }
        }
        assertThat(dates).isGreaterThanOrEqualTo(3);
    }

    @Test
    void lineHintsAreThereWheneverTheTextTheyStandForIs() {
        for (String line : LINES) {
            ArticleCleaner.Line f = new ArticleCleaner.Line(line.toCharArray(), 0, line.length());
            assertThat(f.slash || !line.contains("t.co/")).as(line).isTrue();
            assertThat(f.dotT || !line.contains("pic.twitter.com")).as(line).isTrue();
            assertThat(f.at).as(line).isEqualTo(line.indexOf('@') >= 0);
            assertThat(f.pipe).as(line).isEqualTo(line.indexOf('|') >= 0);
            assertThat(f.colon).as(line).isEqualTo(line.indexOf(':') >= 0);
            assertThat(f.digit).as(line).isEqualTo(line.chars().anyMatch(Character::isDigit));
            assertThat(f.captionHint || !ArticleCleaner.CAPTION.matcher(line).find()).as(line).isTrue();
            assertThat(f.ago || !line.contains(" ago")).as(line).isTrue();
            assertThat(f.suffixHint || !(line.contains("develop") || line.contains("check back")
                    || line.contains("Refresh"))).as(line).isTrue();
            assertThat(f.emDashInside).as(line).isEqualTo(line.indexOf('\u2014') > 0);
            assertThat(f.dashSpace || line.isEmpty() || !ArticleCleaner.DATELINE.matcher(line).lookingAt()).as(line)
                    .isTrue();
            if (line.length() <= 160) {
                assertThat(f.words).as(line).isEqualTo(words(line));
                assertThat(f.upper).as(line).isEqualTo((int) line.chars().filter(Character::isUpperCase).count());
                assertThat(f.lower).as(line).isEqualTo((int) line.chars().filter(Character::isLowerCase).count());
            }
        }
    }

    /** Runs of characters that are not white space. */
    private static int words(String line) {
        int words = 0;
        for (int i = 0; i < line.length(); i++) {
            boolean starts = !Character.isWhitespace(line.charAt(i))
                    && (i == 0 || Character.isWhitespace(line.charAt(i - 1)));
            words += starts ? 1 : 0;
        }
        return words;
    }
}
