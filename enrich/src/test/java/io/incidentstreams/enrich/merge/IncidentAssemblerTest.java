package io.incidentstreams.enrich.merge;

import static io.incidentstreams.enrich.testing.MentionBuilder.attack;
import static io.incidentstreams.enrich.testing.MentionBuilder.truce;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentMention;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentAssemblerTest {
    private static Incident assemble(IncidentMention... ms) {
        return IncidentAssembler.assemble("inc", List.of(ms), List.of(), List.of());
    }

    @Test
    void theMostReportedFigureWinsAndEverySourceKeepsItsOwn() {
        Incident i = assemble(attack().article("a").killed(1).build(), attack().article("b").killed(1).build(),
                attack().article("c").killed(2).published("2020-11-20").build());

        assertThat(i.killed()).isEqualTo(1);
        assertThat(i.sources()).extracting(s -> s.killed()).containsExactlyInAnyOrder(1, 1, 2);
    }

    @Test
    void onATieTheLatestReportWins() {
        Incident i = assemble(attack().article("a").killed(1).published("2020-11-17").build(),
                attack().article("b").killed(2).published("2020-11-19").build());

        assertThat(i.killed()).isEqualTo(2);
    }

    @Test
    void theMostSpecificDateWins() {
        Incident i = assemble(attack().article("a").date("2020-11", DatePrecision.MONTH).build(),
                attack().article("b").date("2020-11-17").build());

        assertThat(i.date()).isEqualTo("2020-11-17");
        assertThat(i.datePrecision()).isEqualTo(DatePrecision.DAY);
    }

    @Test
    void aLaterClaimOverridesAnEarlierUnclaimedStatus() {
        Incident i = assemble(attack().article("a").perpetrator("Kataib Hezbollah", "unclaimed", "iran-aligned-militias").build(),
                attack().article("b").perpetrator("Kataib Hezbollah", "claimed", "iran-aligned-militias").build());

        assertThat(i.actors()).singleElement().satisfies(a -> assertThat(a.status()).isEqualTo("claimed"));
    }

    @Test
    void actorsWithoutAnAttributionStatusMergeToo() {
        Incident i = assemble(truce().article("a").build(), truce().article("b").build());

        assertThat(i.actors()).singleElement().satisfies(a -> {
            assertThat(a.role()).isEqualTo("party");
            assertThat(a.status()).isNull();
        });
    }

    @Test
    void outletsAreCountedOnceAndArticlesWithoutOutletCountAsTheirOwn() {
        Incident i = assemble(attack().article("a").outlet("Wire").build(), attack().article("b").outlet("Wire").build(),
                attack().article("c").build());

        assertThat(i.articleCount()).isEqualTo(3);
        assertThat(i.outletCount()).isEqualTo(2);
    }

    @Test
    void theResultDoesNotDependOnTheOrderOfTheMentions() {
        List<IncidentMention> ms = new ArrayList<>(List.of(
                attack().article("a").killed(1).published("2020-11-17").outlet("A").build(),
                attack().article("b").killed(2).published("2020-11-18").outlet("B").build(),
                attack().article("c").date("2020-11", DatePrecision.MONTH).killed(null).build()));
        Incident first = IncidentAssembler.assemble("inc", ms, List.of(), List.of());
        Collections.reverse(ms);

        assertThat(IncidentAssembler.assemble("inc", ms, List.of(), List.of())).isEqualTo(first);
    }
}
