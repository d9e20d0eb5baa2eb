package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleCleanerTest {

    private static final Rules RULES = Rules.builtIn();
    private final ArticleCleaner cleaner = new ArticleCleaner(RULES.gazetteer, RULES.triggers, RULES.lexicon);

    private ParsedArticle parse(String text, LocalDate published) {
        return cleaner.parse(text, published);
    }

    private static List<String> sentences(ParsedArticle p) {
        return p.pieces().stream().flatMap(x -> x.sentences().stream()).map(Sentence::text).toList();
    }

    @Test
    void dropsEmbeddedPostsAndTheirAttributionLines() {
        String text = String.join("\n\n",
                "Mortar rounds hit a checkpoint in Samarra on Friday.",
                "Huge blast heard across town https://t.co/AbC123 pic.twitter.com/XyZ987 \u2014 Sara Ali (@sara_ali) "
                        + "March 6, 2020",
                "\"Stay indoors,\" writes @localreporter as sirens continue.",
                "Police said two officers were hurt.");
        assertThat(sentences(parse(text, LocalDate.of(2020, 3, 7))))
                .containsExactly("Mortar rounds hit a checkpoint in Samarra on Friday.",
                        "Police said two officers were hurt.");
    }

    @Test
    void dropsCaptionsCreditsBylinesAndBoilerplate() {
        String text = String.join("\n",
                "Blast rocks Kirkuk market",
                "By Layla Hassan, Northern Courier",
                "Hamid Jaber",
                "Shoppers flee the scene. Photo: Courier / Karim Saleh",
                "A view of the square. (Northern Courier / File)",
                "Police at the gate, via Getty Images",
                "Loading...",
                "Advertisement",
                "CLICK HERE FOR MORE COVERAGE",
                "A bomb exploded in a market in Kirkuk on Tuesday, killing three people.",
                "This is a developing story. Refresh for the latest.",
                "- AP");
        assertThat(sentences(parse(text, LocalDate.of(2021, 6, 2))))
                .containsExactly("Blast rocks Kirkuk market",
                        "A bomb exploded in a market in Kirkuk on Tuesday, killing three people.");
    }

    @Test
    void stripsDatelinesAndSectionLabelsButKeepsTheSentence() {
        String text = "BAGHDAD (Tigris Wire) \u2014 Two rockets landed near the airport.\n"
                + "Why it matters: Nobody claimed the attack.";
        List<String> s = sentences(parse(text, LocalDate.of(2020, 1, 4)));
        assertThat(s).containsExactly("Two rockets landed near the airport.", "Nobody claimed the attack.");
    }

    @Test
    void stripsALeadingImageCreditFromTheHeadline() {
        String text = "Image Source : PTI Drone hits base near Erbil airport\n\nThe drone struck late on Monday.";
        ParsedArticle p = parse(text, LocalDate.of(2021, 7, 6));
        Sentence first = p.pieces().get(0).sentences().get(0);
        assertThat(first.text()).isEqualTo("Drone hits base near Erbil airport");
        assertThat(first.headline()).isTrue();
    }

    @Test
    void marksTheFirstLineWithoutFullStopAsHeadline() {
        ParsedArticle p = parse("Rockets slam into Camp Taji\n\nAt least three rockets hit the base.",
                LocalDate.of(2020, 3, 12));
        assertThat(p.pieces().get(0).sentences()).extracting(Sentence::headline).containsExactly(true, false);
    }

    @Test
    void givesEachRelatedTeaserItsOwnDateAndNeverThePageDate() {
        String text = String.join("\n\n",
                "Main report body. Rockets hit Balad Air Base on Saturday.",
                "Go deeper",
                "Jane Doe",
                "Mortars hit a base in Anbar",
                "Mortar rounds struck a base in Anbar late Friday, officials said.",
                "Go deeperArrowJun 5, 2020 - World",
                "Oil prices slide",
                "Crude fell again on Monday.",
                "Go deeperArrowMay 11, 2020 - Economy");
        ParsedArticle p = parse(text, LocalDate.of(2020, 6, 20));
        assertThat(p.pieces()).hasSize(3);
        assertThat(p.pieces().get(0).teaser()).isFalse();
        assertThat(p.pieces().get(0).anchor()).isEqualTo(LocalDate.of(2020, 6, 20));
        assertThat(p.pieces().get(1).teaser()).isTrue();
        assertThat(p.pieces().get(1).anchor()).isEqualTo(LocalDate.of(2020, 6, 5));
        assertThat(p.pieces().get(1).sentences()).extracting(Sentence::text)
                .containsExactly("Mortars hit a base in Anbar",
                        "Mortar rounds struck a base in Anbar late Friday, officials said.");
        assertThat(p.pieces().get(2).anchor()).isEqualTo(LocalDate.of(2020, 5, 11));
    }

    @Test
    void leavesATeaserWithoutItsOwnDateUndated() {
        String text = "Body text here. A drone hit the airport.\n\nRelated Content\n\nTruck bombing in Ramadi kills four";
        ParsedArticle p = parse(text, LocalDate.of(2020, 6, 20));
        assertThat(p.pieces()).hasSize(2);
        assertThat(p.pieces().get(1).anchor()).isNull();
    }

    @Test
    void usesAPageDatelineOnlyWhenThePublicationDateIsMissing() {
        String text = "Mar 4, 2021 - World\n\nRockets hit the base on Wednesday.";
        assertThat(parse(text, null).pieces().get(0).anchor()).isEqualTo(LocalDate.of(2021, 3, 4));
        assertThat(parse(text, LocalDate.of(2021, 3, 5)).pieces().get(0).anchor())
                .isEqualTo(LocalDate.of(2021, 3, 5));
    }

    @Test
    void skipsADateLinePrefixLeftInTheText() {
        ParsedArticle p = parse(" date 2020-11-17 Rockets hit Baghdad. More follows.", LocalDate.of(2020, 11, 17));
        assertThat(sentences(p)).containsExactly("Rockets hit Baghdad.", "More follows.");
    }

    @Test
    void everySentenceIsAnExactSpanOfTheOriginalText() {
        String text = "Image Source : Reuters Mortars hit Mosul airport\n\nMOSUL \u2014 Shells landed. Nobody was hurt.\n"
                + "Details: An inquiry began.";
        ParsedArticle p = parse(text, LocalDate.of(2020, 1, 9));
        assertThat(p.pieces()).flatExtracting(Piece::sentences).allSatisfy(s ->
                assertThat(text.substring(s.start(), s.end())).isEqualTo(s.text()));
    }
}
