package io.incidentstreams.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.enrich.testing.ArticleBuilder;
import org.junit.jupiter.api.Test;

class SimHashTest {
    static final String STORY = ArticleBuilder.WIRE_STORY;

    @Test
    void aRepublishedStoryWithOneSentenceReworkedIsANearDuplicate() {
        String edited = STORY.replace("The base hosts trainers from several countries and has been targeted before.",
                "The facility, which hosts foreign trainers, has been hit before.");

        assertThat(SimHash.distance(SimHash.of(STORY), SimHash.of(edited))).isLessThanOrEqualTo(SimHash.NEAR_DUPLICATE_BITS);
    }

    @Test
    void differentStoriesAreFarApart() {
        String other = "The central bank kept its exchange rate unchanged on Sunday and said reserves had grown over "
                + "the quarter, as oil exports through the southern terminals held steady and the budget debate "
                + "in parliament dragged on into a third week without agreement on provincial allocations.";

        assertThat(SimHash.nearDuplicates(SimHash.of(STORY), SimHash.of(other))).isFalse();
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        assertThat(SimHash.of(STORY.toUpperCase())).isEqualTo(SimHash.of(STORY));
        assertThat(SimHash.of(STORY.replace(",", " ;"))).isEqualTo(SimHash.of(STORY));
    }

    @Test
    void theHexFormRoundTrips() {
        long h = SimHash.of(STORY);

        assertThat(SimHash.parse(SimHash.hex(h))).isEqualTo(h);
    }
}
