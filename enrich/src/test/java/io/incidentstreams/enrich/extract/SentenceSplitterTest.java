package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<String> sentences(String text) {
        return SentenceSplitter.split(text, 0, text.length()).stream()
                .map(s -> text.substring(s.start(), s.end())).toList();
    }

    @Test
    void splitsOnFullStopsFollowedByACapital() {
        assertThat(sentences("Two rockets fell near the airport. Nobody was hurt. Police sealed the road."))
                .containsExactly("Two rockets fell near the airport.", "Nobody was hurt.", "Police sealed the road.");
    }

    @Test
    void keepsTitlesMonthAbbreviationsAndInitialsInsideTheSentence() {
        assertThat(sentences("Col. Myles B. Caggins said the salvo hit on Jan. 8 at night. Gen. Qassem Soleimani was "
                + "named."))
                .containsExactly("Col. Myles B. Caggins said the salvo hit on Jan. 8 at night.",
                        "Gen. Qassem Soleimani was named.");
    }

    @Test
    void keepsDottedAcronymsAndClockTimesInsideTheSentence() {
        assertThat(sentences("The U.S. Embassy sirens sounded at 10:05 p.m. local time and U.N. staff sheltered."))
                .hasSize(1);
    }

    @Test
    void endsASentenceAfterAClosingQuote() {
        assertThat(sentences("\"We will respond,\" he said. \"Nobody is safe.\" The statement ended there."))
                .containsExactly("\"We will respond,\" he said.", "\"Nobody is safe.\"", "The statement ended there.");
    }

    @Test
    void doesNotSplitBeforeALowerCaseWord() {
        assertThat(sentences("The toll was 3.5 times higher than in Sept. last year, officials said."))
                .hasSize(1);
    }

    @Test
    void offsetsPointIntoTheOriginalText() {
        String text = "  BAGHDAD. Rockets hit the base.  ";
        for (SentenceSplitter.Span s : SentenceSplitter.split(text, 0, text.length())) {
            assertThat(Character.isWhitespace(text.charAt(s.start()))).isFalse();
            assertThat(Character.isWhitespace(text.charAt(s.end() - 1))).isFalse();
        }
        assertThat(sentences(text)).containsExactly("BAGHDAD.", "Rockets hit the base.");
    }

    @Test
    void cutsAnEndlessSentenceIntoBoundedPieces() {
        String text = "word ".repeat(5_000);
        List<SentenceSplitter.Span> spans = SentenceSplitter.split(text, 0, text.length());
        assertThat(spans).hasSizeGreaterThan(5);
        assertThat(spans).allSatisfy(s -> assertThat(s.end() - s.start())
                .isLessThanOrEqualTo(SentenceSplitter.MAX_SENTENCE));
    }
}
