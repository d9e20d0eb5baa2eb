package io.incidentstreams.enrich.merge;

import static io.incidentstreams.enrich.testing.MentionBuilder.attack;
import static io.incidentstreams.enrich.testing.MentionBuilder.truce;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.enrich.testing.MentionBuilder;
import io.incidentstreams.model.Actor;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MentionMatcherTest {
    private static boolean same(MentionBuilder a, MentionBuilder b) {
        boolean ab = MentionMatcher.matches(a.article("a").build(), b.article("b").build());
        boolean ba = MentionMatcher.matches(b.article("b").build(), a.article("a").build());
        assertThat(ab).as("the relation is symmetric").isEqualTo(ba);
        return ab;
    }

    @Test
    void reportsOneDayApartMatchBecauseTimeZonesDisagree() {
        assertThat(same(attack().date("2020-01-08"), attack().date("2020-01-09"))).isTrue();
        assertThat(same(attack().date("2020-01-08"), attack().date("2020-01-10"))).isFalse();
    }

    @Test
    void aMonthPrecisionReportMatchesADayInsideThatMonthOnly() {
        assertThat(same(attack().date("2020-11", DatePrecision.MONTH), attack().date("2020-11-17"))).isTrue();
        assertThat(same(attack().date("2020-10", DatePrecision.MONTH), attack().date("2020-11-17"))).isFalse();
    }

    @Test
    void aPlaceOutsideTheGazetteerMatchesACountryLevelReportOnlyWhenTheTollCorroboratesIt() {
        MentionBuilder tower22 = attack().type(IncidentType.AIR_DRONE_STRIKE).date("2024-01-28")
                .location(io.incidentstreams.model.Location.unknown("Tower 22")).killed(3).wounded(34);
        assertThat(same(tower22, attack().type(IncidentType.AIR_DRONE_STRIKE).date("2024-01-28")
                .location(MentionBuilder.IRAQ).killed(3).wounded(25))).isTrue();
        assertThat(same(tower22, attack().type(IncidentType.AIR_DRONE_STRIKE).date("2024-01-28")
                .location(MentionBuilder.IRAQ).killed(null).wounded(null))).isFalse();
        assertThat(same(tower22, attack().type(IncidentType.AIR_DRONE_STRIKE).date("2024-01-28")
                .location(io.incidentstreams.model.Location.unknown("Rukban")).killed(3).wounded(34))).isFalse();
    }

    @Test
    void typesOfDifferentMeansNeverMatch() {
        assertThat(same(attack(), attack().type(IncidentType.IED_ATTACK))).isFalse();
        assertThat(same(attack(), attack().type(IncidentType.ARMED_CLASH))).isFalse();
        assertThat(same(attack(), truce())).isFalse();
    }

    @Test
    void reportsNamingOneMeansDifferentlyOrOnlyTheirVictimsMayMatch() {
        assertThat(same(attack(), attack().type(IncidentType.AIR_DRONE_STRIKE))).as("missiles and an air strike").isTrue();
        assertThat(same(attack().type(IncidentType.IED_ATTACK), attack().type(IncidentType.SUICIDE_BOMB_ATTACK)))
                .as("a car bomb and a suicide bombing").isTrue();
        assertThat(same(attack().type(IncidentType.DRONE_ATTACK), attack().type(IncidentType.AIR_DRONE_STRIKE)))
                .as("a drone attack and a drone strike").isTrue();
        assertThat(same(attack().type(IncidentType.IED_ATTACK), attack().type(IncidentType.ATTACK_ON_CIVILIANS)))
                .as("a bombing and an attack on civilians").isTrue();
    }

    @Test
    void twoNamedSitesMoreThanAFewKilometresApartAreDifferentPlaces() {
        assertThat(same(attack(), attack().location(MentionBuilder.BAGHDAD_AIRPORT))).isFalse();
        assertThat(same(attack(), attack().location(MentionBuilder.ERBIL))).isFalse();
    }

    @Test
    void revisedFiguresStillMatchButNoCasualtiesAndAMassacreDoNot() {
        assertThat(same(attack().killed(1), attack().killed(2))).isTrue();
        assertThat(same(attack().wounded(1), attack().wounded(9))).as("a rising toll").isTrue();
        assertThat(same(attack().killed(0).wounded(0), attack().killed(10))).isFalse();
        assertThat(same(attack().killed(2), attack().killed(40))).isFalse();
    }

    @Test
    void aSiteAndTheTownItLiesInAreOnePlace() {
        Location erbilAirport = new Location("Erbil airport", "Erbil", "Erbil", "Iraq", 36.2376, 43.9632, 1);
        Location erbilTown = new Location("Erbil", "Erbil", "Erbil", "Iraq", 36.1911, 44.0092, 1);
        assertThat(same(attack().location(erbilAirport), attack().location(erbilTown))).isTrue();
    }

    @Test
    void aCountryLevelReportMatchesALocatedOneOnlyWhenTheTollOrThePerpetratorCorroborates() {
        MentionBuilder december = attack().date("2019-12", DatePrecision.MONTH).location(MentionBuilder.IRAQ);
        MentionBuilder k1 = attack().date("2019-12-27").location(MentionBuilder.CAMP_TAJI);
        assertThat(same(december.killed(1), k1.killed(1))).isTrue();
        assertThat(same(december.killed(null).perpetrator("Kataib Hezbollah", "blamed", "iran-aligned-militias"),
                k1.killed(null).perpetrator("Kataib Hezbollah", "suspected", "iran-aligned-militias"))).isTrue();
        assertThat(same(attack().date("2019-12", DatePrecision.MONTH).location(MentionBuilder.IRAQ).killed(null),
                attack().date("2019-12-27").location(MentionBuilder.CAMP_TAJI).killed(null))).isFalse();
        assertThat(same(attack().date("2019-12", DatePrecision.MONTH).location(
                        new Location("Syria", null, null, "Syria", 35.0, 38.0, 3)).killed(1),
                attack().date("2019-12-27").location(MentionBuilder.CAMP_TAJI).killed(1))).isFalse();
    }

    @Test
    void claimsByDifferentFamiliesAreDifferentEvents() {
        assertThat(same(attack().perpetrator("Islamic State", "claimed", "islamic-state"),
                attack().perpetrator("Kataib Hezbollah", "claimed", "iran-aligned-militias"))).isFalse();
        assertThat(same(attack().perpetrator("Islamic State", "claimed", "islamic-state"),
                attack().perpetrator("Kataib Hezbollah", "suspected", "iran-aligned-militias"))).isTrue();
    }

    private static final MentionMatcher.Window OPEN = new MentionMatcher.Window(null, null);

    @Test
    void anUndatedReportHasNoEdgesOnlyCandidates() {
        assertThat(same(attack().date(null, null), attack())).isFalse();
        assertThat(MentionMatcher.attachable(attack().date(null, null).article("a").build(),
                attack().article("b").build(), OPEN)).isTrue();
    }

    @Test
    void anUndatedReportIsACandidateOnlyWhereFiguresAndClaimsAgree() {
        assertThat(MentionMatcher.attachable(attack().date(null, null).killed(0).wounded(0).article("a").build(),
                attack().killed(3).article("b").build(), OPEN)).isFalse();
        assertThat(MentionMatcher.attachable(attack().date(null, null).article("a").build(),
                attack().type(IncidentType.IED_ATTACK).article("b").build(), OPEN)).isFalse();
        assertThat(MentionMatcher.attachable(attack().date(null, null).article("a").build(),
                attack().article("a").index(1).build(), OPEN)).as("same article").isFalse();
    }

    @Test
    void anUndatedTruceIsACandidateOnlyForATruceOfTheSameFamily() {
        assertThat(MentionMatcher.attachable(truce().date(null, null).article("a").build(),
                truce().article("b").build(), OPEN)).isTrue();
        assertThat(MentionMatcher.attachable(truce().date(null, null).article("a").build(),
                truce().article("b").date("2021-03", DatePrecision.MONTH).withoutActors()
                        .actor(new Actor("Islamic State", "party", null, "islamic-state")).build(), OPEN)).isFalse();
    }

    @Test
    void theWindowOfAnUndatedMainReportEndsAtPublicationAndStartsAtTheLatestIncidentItsArticleRecalls() {
        IncidentMention main = attack().date(null, null).published("2021-02-23").article("a").build();
        IncidentMention recalled = attack().date("2020-11-17").article("a").index(1).build();
        MentionMatcher.Window w = MentionMatcher.Window.of(main, List.of(recalled));
        assertThat(w.notBefore()).isEqualTo(LocalDate.of(2020, 11, 17));
        assertThat(w.notAfter()).isEqualTo(LocalDate.of(2021, 2, 24));
        assertThat(w.admits(DateRange.of("2021-02-22", DatePrecision.DAY))).isTrue();
        assertThat(w.admits(DateRange.of("2020-01-08", DatePrecision.DAY))).isFalse();
        assertThat(w.admits(DateRange.of("2021-03-01", DatePrecision.DAY))).isFalse();

        IncidentMention recalledItself = attack().date(null, null).published(null).background().article("a").build();
        MentionMatcher.Window open = MentionMatcher.Window.of(recalledItself, List.of(recalled));
        assertThat(open).as("a recalled incident may be older than the others").isEqualTo(OPEN);
    }

    @Test
    void truceReportsOfOneMonthMatchOnlyWithinTheSameActorFamily() {
        assertThat(same(truce(), truce())).isTrue();
        assertThat(same(truce(), truce().date("2020-11", DatePrecision.MONTH))).isFalse();
    }

    @Test
    void twoMentionsOfOneArticleAreNeverMerged() {
        assertThat(MentionMatcher.matches(attack().article("x").index(0).build(),
                attack().article("x").index(1).build())).isFalse();
    }
}
