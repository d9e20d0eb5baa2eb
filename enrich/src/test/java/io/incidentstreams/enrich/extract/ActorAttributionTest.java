package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ActorAttributionTest {

    private static final Rules R = Rules.builtIn();

    private static List<ActorCatalog.Mention> actors(String s, List<ActorCatalog.Def> recent) {
        return R.actors.find(Tokenizer.tokenize(s, 0, s.length()), recent);
    }

    private static List<CueRules.Attribution> attributions(String s) {
        List<Token> t = Tokenizer.tokenize(s, 0, s.length());
        return R.cues.attributions(t, R.actors.find(t, new ArrayList<>()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Kataib Hezbollah|Kataib Hezbollah|iran-aligned-militias",
            "Kata'ib Hizballah|Kataib Hezbollah|iran-aligned-militias",
            "Kataib Hizbollah|Kataib Hezbollah|iran-aligned-militias",
            "KH|Kataib Hezbollah|iran-aligned-militias",
            "Asa'ib Ahl al-Haq|Asaib Ahl al-Haq|iran-aligned-militias",
            "Iranian-backed militias|Iran-backed militias|iran-aligned-militias",
            "Iran-aligned groups|Iran-backed militias|iran-aligned-militias",
            "armed groups aligned with Iran|Iran-backed militias|iran-aligned-militias",
            "Daesh|Islamic State|islamic-state",
            "ISIL|Islamic State|islamic-state",
            "the Islamic State group|Islamic State|islamic-state",
            "the U.S.-led coalition|US-led coalition|us-coalition",
            "the Pentagon|United States|us-coalition",
            "IRGC|Islamic Revolutionary Guard Corps|iran-state",
            "Hashd al-Shaabi|Popular Mobilization Forces|pmf",
            "Iraqi security forces|Iraqi security forces|iraq-state"})
    void resolvesAliasesToCanonicalNamesAndFamilies(String text, String name, String family) {
        List<ActorCatalog.Mention> m = actors(text, new ArrayList<>());
        assertThat(m).as(text).hasSize(1);
        assertThat(m.get(0).def().name()).isEqualTo(name);
        assertThat(m.get(0).def().family()).isEqualTo(family);
    }

    @Test
    void joinsAModifierWithADistantHead() {
        List<ActorCatalog.Mention> m = actors("Iran-backed, largely rural, militia factions agreed to stop.",
                new ArrayList<>());
        assertThat(m).extracting(x -> x.def().name()).containsExactly("Iran-backed militias");
    }

    @Test
    void doesNotReadAnAdjectiveAsTheCountry() {
        assertThat(actors("Iran-backed attacks on US forces continued.", new ArrayList<>()))
                .extracting(x -> x.def().name()).containsExactly("United States");
    }

    @Test
    void resolvesTheMilitiasToTheLastMilitiaNamed() {
        List<ActorCatalog.Def> recent = new ArrayList<>();
        actors("The zone is a favourite target of Iranian-backed militias.", recent);
        List<ActorCatalog.Mention> m = actors("In June, the militias declared a ceasefire.", recent);
        assertThat(m).singleElement().satisfies(x -> {
            assertThat(x.def().name()).isEqualTo("Iran-backed militias");
            assertThat(x.anaphoric()).isTrue();
        });
        assertThat(actors("the militias agreed", new ArrayList<>())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "The Islamic State group has claimed responsibility for the bombing.|Islamic State|claimed",
            "In a statement, ISIS claimed the attack.|Islamic State|claimed",
            "US officials blamed Kataib Hezbollah for the barrage.|Kataib Hezbollah|blamed",
            "The attack was blamed on the Iran-backed militia Kataib Hezbollah.|Kataib Hezbollah|blamed",
            "Washington would hold Iran responsible for any harm to its diplomats.|Iran|blamed",
            "Past attacks have been attributed to Asaib Ahl al-Haq.|Asaib Ahl al-Haq|blamed",
            "Suspicion quickly fell on Kataib Hezbollah.|Kataib Hezbollah|suspected",
            "Washington suspected Iranian-backed militias.|Iran-backed militias|suspected",
            "The blast bore the hallmarks of Daesh.|Islamic State|suspected",
            "Officials said they believed Iran launched the drones.|Iran|suspected",
            "Kataib Hezbollah denied any involvement.|Kataib Hezbollah|denied"})
    void readsAttributionStatus(String sentence, String actor, String status) {
        assertThat(attributions(sentence)).as(sentence)
                .anySatisfy(a -> {
                    assertThat(a.actor().name()).isEqualTo(actor);
                    assertThat(a.status()).isEqualTo(status);
                });
    }

    @Test
    void ignoresHedgedAttribution() {
        assertThat(attributions("The raid, if attributed to Iran, would deepen the standoff.")).isEmpty();
        assertThat(attributions("Several groups have in the past denied involvement in such attacks.")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "There was no immediate claim for the bombing.",
            "No group claimed the attack.",
            "Nobody claimed responsibility for the attack in the first hours.",
            "Who launched the drones was not immediately clear.",
            "The ministry has not yet said who was behind it.",
            "Kirby said the United States could not yet attribute responsibility."})
    void readsThatNobodyClaimedIt(String sentence) {
        assertThat(R.cues.unclaimed(Tokenizer.tokenize(sentence, 0, sentence.length()))).as(sentence).isNotNull();
    }

    @Test
    void doesNotReadAnUnclearTollAsUnclaimed() {
        String s = "It was not immediately clear how many people were hurt.";
        assertThat(R.cues.unclaimed(Tokenizer.tokenize(s, 0, s.length()))).isNull();
    }
}
