package io.incidentstreams.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {
    private static final String TEXT = "A drone struck a fuel depot near the airport at dawn, officials said.";

    @Test
    void givenIdWinsOverUrlAndText() {
        assertThat(ArticleIds.idFor("  wire-77 ", "https://news.example/x", TEXT)).isEqualTo("wire-77");
    }

    @Test
    void trimmedUrlIsTheIdWhenNoIdIsGiven() {
        assertThat(ArticleIds.idFor(null, " https://news.example/x\n", TEXT)).isEqualTo("https://news.example/x");
        assertThat(ArticleIds.idFor("   ", "https://news.example/x", TEXT)).isEqualTo("https://news.example/x");
    }

    @Test
    void textIsHashedWhenThereIsNeitherIdNorUrl() {
        // SHA-256 of "abc", a published test vector.
        assertThat(ArticleIds.idFor(null, "", "abc"))
                .isEqualTo("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void sameTextGivesTheSameIdEveryTime() {
        assertThat(ArticleIds.idFor(null, null, TEXT)).isEqualTo(ArticleIds.idFor(null, null, TEXT));
    }

    @Test
    void whitespaceDifferencesDoNotChangeTheId() {
        String reflowed = "\n  A drone struck a fuel depot\r\nnear the airport\tat dawn,\u00A0officials said.  \n";

        assertThat(ArticleIds.idFor(null, null, reflowed)).isEqualTo(ArticleIds.idFor(null, null, TEXT));
    }

    @Test
    void compatibilityFormsAreNormalised() {
        String fullWidth = "\uFF21 drone struck a fuel depot near the airport at dawn, officials said.";
        String decomposed = "Cafe\u0301 blast";

        assertThat(ArticleIds.idFor(null, null, fullWidth)).isEqualTo(ArticleIds.idFor(null, null, TEXT));
        assertThat(ArticleIds.idFor(null, null, decomposed)).isEqualTo(ArticleIds.idFor(null, null, "Caf\u00e9 blast"));
    }

    @Test
    void caseIsKeptSoDifferentlyCapitalisedTextsGetDifferentIds() {
        assertThat(ArticleIds.idFor(null, null, TEXT.toUpperCase())).isNotEqualTo(ArticleIds.idFor(null, null, TEXT));
    }

    @Test
    void differentTextsGetDifferentIds() {
        assertThat(ArticleIds.idFor(null, null, TEXT + " Two were hurt."))
                .isNotEqualTo(ArticleIds.idFor(null, null, TEXT));
    }

    @Test
    void normalisationCollapsesWhitespaceAndTrims() {
        assertThat(ArticleIds.normalise("  one\u2003two \n\n three\u00A0")).isEqualTo("one two three");
    }

    @Test
    void articleWithNothingToIdentifyItIsAnError() {
        assertThatThrownBy(() -> ArticleIds.idFor(null, " ", "\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id, a URL or a text");
    }
}
