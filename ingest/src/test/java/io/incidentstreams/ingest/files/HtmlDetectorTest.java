package io.incidentstreams.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlDetectorTest {

    @Test
    void documentOpeningWithDoctypeIsHtml() {
        assertThat(HtmlDetector.looksLikeHtml("\n  <!doctype HTML>\nA long story follows with no more tags.")).isTrue();
    }

    @Test
    void proseWithAFewTagsIsNotHtml() {
        String prose = "Police said the <b>blast</b> hit a bus stop near the stadium on the eastern side of the city, "
                + "wounding six. Witnesses said the explosion shattered windows two streets away.";

        assertThat(HtmlDetector.looksLikeHtml(prose)).isFalse();
    }

    @Test
    void scriptAndStyleContentCountAsMarkup() {
        String page = "<head><style>body { color: red; margin: 0 auto; padding: 4px; }</style>"
                + "<script>window.track({ page: 'story', section: 'world', id: 42 });</script></head>"
                + "<body>Clashes continued overnight.</body>";

        assertThat(HtmlDetector.markupShare(page)).isGreaterThan(0.5);
        assertThat(HtmlDetector.looksLikeHtml(page)).isTrue();
    }

    @Test
    void comparisonSignsAreNotTags() {
        assertThat(HtmlDetector.markupShare("fewer than 5 < 7 killed, more > 3 hurt")).isZero();
    }
}
