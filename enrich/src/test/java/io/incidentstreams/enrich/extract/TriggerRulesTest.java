package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.model.IncidentType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TriggerRulesTest {

    private static final TriggerRules T = Rules.builtIn().triggers;

    private static List<TriggerRules.Hit> hits(String s) {
        return T.find(Tokenizer.tokenize(s, 0, s.length()));
    }

    /** Hits that can report an incident: not generic, not hypothetical. */
    private static List<TriggerRules.Hit> reports(String s) {
        return hits(s).stream().filter(TriggerRules.Hit::canCreate).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A rocket attack struck the base before dawn.|shelling_missile_attack|rocket",
            "Katyusha rockets slammed into a house near the airport.|shelling_missile_attack|rocket",
            "Iran fired more than a dozen ballistic missiles at two bases.|shelling_missile_attack|missile",
            "Mortar rounds came down on the checkpoint.|shelling_missile_attack|mortar",
            "A drone packed with explosives struck the hangar.|air_drone_strike|drone",
            "US jets bombed facilities at the crossing.|air_drone_strike|airstrike",
            "An airstrike hit a convoy on the highway.|air_drone_strike|airstrike",
            "A roadside bomb exploded beside a supply convoy.|ied_attack|ied",
            "A car bomb tore through the market.|ied_attack|car bomb",
            "Two suicide bombers blew themselves up in the square.|suicide_bomb_attack|suicide vest",
            "Gunmen opened fire on a checkpoint near Tarmiyah.|attack_on_civilians|gun",
            "Heavy clashes broke out between the two factions.|armed_clash|gun"})
    void classifiesTypeAndWeaponFromTheTrigger(String sentence, String type, String weapon) {
        List<TriggerRules.Hit> r = reports(sentence);
        assertThat(r).as(sentence).isNotEmpty();
        assertThat(r.get(0).type()).isEqualTo(IncidentType.fromCode(type));
        assertThat(r.get(0).weapons()).contains(weapon);
    }

    @Test
    void keepsStrikeCodesForAirAndDroneStrikesAndAttackCodesForMissiles() {
        assertThat(reports("Iran's missile strikes on Iraqi bases").get(0).type().code()).contains("attack");
        assertThat(reports("a U.S. drone strike near the airport").get(0).type().code()).contains("strike");
        assertThat(reports("the militias announced a truce").get(0).type().code()).contains("truce");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Drone attacks on oil fields have become frequent in the north.",
            "Numerous mortar attacks have hit the district in recent weeks.",
            "The airport is frequently the target of rocket attacks.",
            "It is not the first time the port has been targeted by rocket attacks.",
            "Earlier mortar attacks like these were blamed on militias.",
            "The killing led to a string of retaliatory attacks.",
            "Suicide bombings have become rare since the war ended."})
    void treatsGenericStatementsAsNoReport(String sentence) {
        assertThat(reports(sentence)).as(sentence).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Officials fear a rocket attack could follow.",
            "The group threatened to launch drone strikes.",
            "He said he would not order an airstrike."})
    void treatsHypotheticalStatementsAsNoReport(String sentence) {
        assertThat(reports(sentence)).as(sentence).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The minister attacked the decision in parliament.",
            "Workers went on a general strike over unpaid wages.",
            "The central bank struck a deal with lenders.",
            "He suffered a heart attack on Monday.",
            "The C-RAM missile defense systems were switched on."})
    void ignoresNonViolentSenses(String sentence) {
        assertThat(reports(sentence)).as(sentence).isEmpty();
    }

    @Test
    void doesNotCountAWeaponWithoutAnImpactVerbAsAReport() {
        assertThat(reports("Investigators found 24 rockets set up on launch rails.")).isEmpty();
        assertThat(hits("Most of the missiles were shot down.")).extracting(TriggerRules.Hit::kind)
                .containsExactly(TriggerRules.Kind.WEAPON);
    }

    @Test
    void readsDeterminersForReferenceAndNovelty() {
        assertThat(hits("The attack comes a day later.").get(0).reference())
                .isEqualTo(TriggerRules.Reference.DEFINITE);
        assertThat(hits("Wednesday's attack could reopen the crisis.").get(0).reference())
                .isEqualTo(TriggerRules.Reference.DEFINITE);
        assertThat(reports("a similar rocket attack on Erbil").get(0).markedNew()).isTrue();
        assertThat(reports("three rockets landed outside the zone").get(0).numbered()).isTrue();
    }

    @Test
    void findsTruceAnnouncementsWithTheirVerb() {
        String s = "In May, the factions said they would suspend their attacks on foreign troops.";
        List<Token> tokens = Tokenizer.tokenize(s, 0, s.length());
        List<TriggerRules.Hit> h = T.find(tokens);
        assertThat(h).extracting(TriggerRules.Hit::kind).containsExactly(TriggerRules.Kind.TRUCE);
        assertThat(h.get(0).hypothetical()).isFalse();
        assertThat(T.hasAnnounceVerb(tokens, 0, tokens.size())).isTrue();
    }
}
