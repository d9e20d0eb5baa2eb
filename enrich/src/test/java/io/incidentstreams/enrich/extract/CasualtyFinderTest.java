package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CasualtyFinderTest {

    private static final CasualtyFinder C = Rules.builtIn().casualties;

    private static List<CasualtyFinder.Statement> find(String s) {
        return C.find(Tokenizer.tokenize(s, 0, s.length()));
    }

    private static Integer killed(String s) {
        return figure(s, CasualtyFinder.Category.KILLED);
    }

    private static Integer wounded(String s) {
        return figure(s, CasualtyFinder.Category.WOUNDED);
    }

    private static Integer figure(String s, CasualtyFinder.Category c) {
        Integer total = null;
        for (CasualtyFinder.Statement st : find(s)) {
            if (st.category() == c) {
                total = total == null ? st.count() : total + st.count();
            }
        }
        return total;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mortars hit the market, killing a teenager and wounding at least six people.|1|6",
            "A boy was killed and four shoppers were wounded, the ministry said.|1|4",
            "Three Marines and one other member of the task force were killed.|4|",
            "3 US soldiers killed in mortar strike on border post|3|",
            "Two Americans, one Briton killed as rockets strike the base|3|",
            "The blast killed three soldiers, two police officers and a civilian worker.|6|",
            "The bombers struck, killing at least 28 people and wounding 73, officials said.|28|73",
            "A Katyusha slammed into a home, killing two women and three children and badly wounding two more children.|5|2",
            "Another engineer was injured when a shell struck the depot.||1",
            "the attack left a child dead and five civilians injured|1|5",
            "leading to the deaths of two foreign engineers|2|",
            "the shelling caused the death of 40 people|40|",
            "the health minister said the toll rose to 32|32|",
            "bringing the number of wounded to seven||7",
            "Three dead after shelling near the dam|3|",
            "An American civilian contractor died after rockets were fired at the base.|1|"})
    void readsFiguresFromWordsAndDigits(String sentence, Integer killed, Integer wounded) {
        assertThat(killed(sentence)).as("killed in: " + sentence).isEqualTo(killed);
        assertThat(wounded(sentence)).as("wounded in: " + sentence).isEqualTo(wounded);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "There were no casualties.|0|0",
            "Police had no immediate reports of casualties from the blast.|0|0",
            "Four vehicles were damaged, but no casualties were reported.|0|0",
            "Neither the coalition nor Iraqi officials reported any casualties.|0|0",
            "The drone damaged a hangar, hurting no one.|0|0",
            "Nobody was injured.|0|0",
            "No Americans or Iraqis were killed or hurt.|0|0",
            "No deaths were reported.|0|",
            "No fatalities yet reported.|0|"})
    void readsExplicitAbsenceOfCasualtiesAsZero(String sentence, Integer killed, Integer wounded) {
        assertThat(killed(sentence)).as(sentence).isEqualTo(killed);
        assertThat(wounded(sentence)).as(sentence).isEqualTo(wounded);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "More than 20 mortar rounds hit the base.",
            "Three rockets landed outside the zone, four landing inside.",
            "Four civilian vehicles were damaged.",
            "Two Iraqi security officials said the rockets came from the east.",
            "Residents heard three loud blasts and sirens.",
            "Around 18 Katyusha rockets of 107mm calibre fell on the camp.",
            "The statement did not yet give a number of wounded.",
            "The attack wounded several US service members.",
            "A double suicide bombing killed dozens of people.",
            "Troop levels will fall from 3,000 to 2,500."})
    void neverReadsCountsOfThingsOrVagueAmountsAsCasualties(String sentence) {
        assertThat(find(sentence).stream().filter(s -> s.count() > 0)).as(sentence).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The embassy said two of its citizens were among the dead.",
            "A local reporter was among those killed.",
            "Three children were among the injured, doctors said."})
    void neverReadsAPartOfTheTollAsTheToll(String sentence) {
        assertThat(find(sentence)).as(sentence).isEmpty();
    }

    @Test
    void marksAlsoAsAnAdditionalGroup() {
        List<CasualtyFinder.Statement> s = find("Medics said three Iraqi police personnel were also "
                + "wounded near the gate.");
        assertThat(s).singleElement().satisfies(st -> {
            assertThat(st.count()).isEqualTo(3);
            assertThat(st.additive()).isTrue();
            assertThat(st.category()).isEqualTo(CasualtyFinder.Category.WOUNDED);
        });
    }

    @Test
    void combinesRestatementsOnceAndAddsExtraGroups() {
        List<Draft.Figure> figures = List.of(
                figure(5, false, false), figure(5, false, false), figure(2, true, false));
        assertThat(Draft.combine(figures)).isEqualTo(7);
        assertThat(Draft.combine(List.of(figure(5, false, false), figure(7, false, true)))).isEqualTo(7);
        assertThat(Draft.combine(List.of(figure(0, false, false)))).isZero();
        assertThat(Draft.combine(List.of())).isNull();
    }

    @Test
    void prefersTheBodyOverTheHeadline() {
        Draft.Figure headline = new Draft.Figure(new CasualtyFinder.Statement(CasualtyFinder.Category.KILLED, 2,
                false, false, "", 0, 1), true, null);
        assertThat(Draft.combine(List.of(headline, figure(3, false, false)))).isEqualTo(3);
        assertThat(Draft.combine(List.of(headline))).isEqualTo(2);
    }

    private static Draft.Figure figure(int n, boolean additive, boolean total) {
        return new Draft.Figure(new CasualtyFinder.Statement(CasualtyFinder.Category.WOUNDED, n, additive, total, "",
                0, 1), false, null);
    }
}
