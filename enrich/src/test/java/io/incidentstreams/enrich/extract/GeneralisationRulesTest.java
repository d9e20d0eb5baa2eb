package io.incidentstreams.enrich.extract;

import static io.incidentstreams.enrich.extract.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.model.Actor;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules for pages unlike the samples: places and actors the data files lack, lists of sites, dead named in a
 * relative clause, references back to a group, short aliases, and dates told from an older year.
 */
class GeneralisationRulesTest {

    private static final Extractor X = Extractor.load(null);
    private static final Rules R = Rules.builtIn();

    private static List<IncidentMention> extract(Articles a) {
        return X.extract(a.build());
    }

    private static String place(IncidentMention m) {
        return m.location() == null ? null : m.location().name();
    }

    private static Actor perpetrator(IncidentMention m) {
        Actor best = null;
        for (Actor a : m.actors()) {
            if ("perpetrator".equals(a.role()) && (best == null
                    || Actor.statusRank(a.status()) > Actor.statusRank(best.status()))) {
                best = a;
            }
        }
        return best;
    }

    // -- places the gazetteer lacks keep their raw name and no coordinates --------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A roadside bomb killed two farmers near the village of Hajin on Monday.|Hajin",
            "Gunmen shot dead a shopkeeper in the town of Kafr Nabl on Monday.|Kafr Nabl",
            "A drone struck a car at al-Jafra on Monday, killing one man.|al-Jafra",
            "Rockets landed inside the al-Tanak oil field on Monday, wounding a guard.|al-Tanak oil field",
            "A car bomb exploded in western Shorabak Kot on Monday, killing nine people.|Shorabak Kot",
            "A missile hit a market in the central province of Darzab Kalay on Monday, killing four people.|Darzab Kalay",
            "Airstrikes pounded hideouts in the Hamrin mountains on Monday, killing six militants.|Hamrin mountains",
            "A drone hit Checkpoint 17 on Monday, wounding three soldiers.|Checkpoint 17"})
    void keepsAPlaceTheGazetteerLacksWithItsRawNameAndNoCoordinates(String sentence, String name) {
        List<IncidentMention> ms = extract(article(sentence).published("2021-05-11"));
        assertThat(ms).as(sentence).singleElement().satisfies(m -> {
            assertThat(place(m)).isEqualTo(name);
            assertThat(m.location().lat()).isNull();
            assertThat(m.location().lon()).isNull();
            assertThat(m.location().country()).isNull();
            assertThat(m.date()).isEqualTo("2021-05-10");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A car bomb exploded in western Kandahar on Monday, killing nine people.|Kandahar|Afghanistan",
            "A missile hit a market in the central province of Marib on Monday, killing four people.|Marib|Yemen",
            "Gunmen killed five villagers near Konduga, Nigeria, on Monday.|Konduga|Nigeria"})
    void placesATownOfTheWorldGazetteerWithItsCountry(String sentence, String name, String country) {
        List<IncidentMention> ms = extract(article(sentence).published("2021-05-11"));
        assertThat(ms).as(sentence).singleElement().satisfies(m -> {
            assertThat(Gazetteer.key(m.location().name())).isEqualTo(Gazetteer.key(name));
            assertThat(m.location().country()).isEqualTo(country);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Rockets struck near Erbil airport on Monday, the ministry said on Telegram.",
            "Rockets struck near Erbil airport on Monday, President Barham Salih said.",
            "Rockets struck near Erbil airport on Monday during Ramadan."})
    void neverTakesAChannelATitleOrAFestivalForAPlace(String sentence) {
        assertThat(extract(article(sentence).published("2021-05-11"))).singleElement()
                .satisfies(m -> assertThat(place(m)).isEqualTo("Erbil airport"));
    }

    @Test
    void prefersAGazetteerSiteNearbyToAnUnknownSiteNamedTheSameWay() {
        IncidentMention m = extract(article(
                "Two rockets struck the Victory base near Baghdad airport on Monday, causing no casualties.")
                .published("2021-05-11")).get(0);
        assertThat(place(m)).isEqualTo("Baghdad International Airport");
    }

    // -- lists of sites in apposition ----------------------------------------------------------------------------

    @Test
    void givesEachSiteOfAListAfterADashItsOwnMention() {
        List<IncidentMention> ms = extract(article(
                "US jets struck militia facilities on Friday at three sites in western Iraq – al-Qaim, Akashat and "
                        + "Rutba – the Pentagon said.").published("2024-02-03"));
        assertThat(ms).extracting(GeneralisationRulesTest::place)
                .containsExactlyInAnyOrder("Al-Qaim", "Akashat", "Rutba");
        assertThat(ms).allSatisfy(m -> {
            assertThat(m.date()).isEqualTo("2024-02-02");
            assertThat(m.type()).isEqualTo(IncidentType.AIR_DRONE_STRIKE);
        });
    }

    @Test
    void givesEachSiteOfAListAfterAColonItsOwnMention() {
        List<IncidentMention> ms = extract(article(
                "Iran fired ballistic missiles at two bases hosting US troops on January 8, 2020: Ain al-Asad in "
                        + "Anbar province and a facility near Erbil airport.").published("2020-01-09"));
        assertThat(ms).extracting(GeneralisationRulesTest::place)
                .containsExactlyInAnyOrder("Ain al-Asad", "Erbil airport");
    }

    @Test
    void readsSitesListedWithCommasAsHitLikeTheFirst() {
        List<IncidentMention> ms = extract(article(
                "On Tuesday rockets hit Balad Air Base, Camp Taji and Kirkuk Air Base, wounding nobody.")
                .published("2021-05-12"));
        assertThat(ms).extracting(GeneralisationRulesTest::place).contains("Balad Air Base", "Kirkuk Air Base");
        assertThat(ms).allSatisfy(m -> assertThat(m.killed()).isZero());
    }

    @Test
    void keepsTwoImpactsInOneTownAsOneIncident() {
        assertThat(extract(article("Rockets hit the Green Zone and Medical City in Baghdad on Tuesday.")
                .published("2021-05-12"))).hasSize(1);
    }

    // -- a place at the head of a subject with a long relative clause -------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
            "Camp Taji, which hosts coalition trainers and Iraqi army units north of the capital, was struck by "
                    + "rockets on Monday.",
            "Balad Air Base, where American contractors maintain Iraqi F-16 jets, was hit by three rockets on Monday.",
            "The US Embassy, which lies inside the fortified zone by the Tigris, was targeted by a drone on Monday."})
    void takesTheSubjectOfAPassiveHitAsThePlace(String sentence) {
        IncidentMention m = extract(article(sentence).published("2021-05-11")).get(0);
        assertThat(place(m)).isIn("Camp Taji", "Balad Air Base", "US Embassy");
        assertThat(sentence).startsWith(place(m).startsWith("US") ? "The US" : place(m));
    }

    // -- dead named in a relative clause ------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Mourners buried Hassan Ali, a local commander, who was killed by a drone strike near Sinjar on Monday.|1",
            "Relatives identified the shepherd, who was killed by a landmine near Rutba on Monday.|1",
            "The funeral was held for Omar Saleh, who was killed by a roadside bomb near Tikrit on Monday. His "
                    + "driver was also killed.|2",
            "Police named the two guards, who were killed by a car bomb in Kirkuk on Monday.|2"})
    void countsTheDeadOfARelativeClause(String text, int killed) {
        List<IncidentMention> ms = extract(article(text).published("2021-05-11"));
        assertThat(ms).as(text).singleElement().satisfies(m -> assertThat(m.killed()).isEqualTo(killed));
    }

    @Test
    void givesTheRelativeClauseFigureToTheStrikeItNames() {
        List<IncidentMention> ms = extract(article(
                "Iran's Revolutionary Guards said they fired the missiles to avenge Gen. Qassem Soleimani, who was "
                        + "killed by a US drone strike at Baghdad airport on Friday.").published("2020-01-08"));
        assertThat(ms).anySatisfy(m -> {
            assertThat(m.type()).isEqualTo(IncidentType.AIR_DRONE_STRIKE);
            assertThat(m.killed()).isEqualTo(1);
        });
        assertThat(ms).filteredOn(m -> m.type() == IncidentType.SHELLING_MISSILE_ATTACK)
                .allSatisfy(m -> assertThat(m.killed()).isNull());
    }

    // -- short references back to a group ----------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Suspicion fell on Kataib Hezbollah. The group denied any role.|Kataib Hezbollah|suspected",
            "Officials blamed Asaib Ahl al-Haq. The militia later claimed the attack.|Asaib Ahl al-Haq|claimed",
            "Officials blamed Daesh remnants. The militants claimed the attack hours later.|Islamic State|claimed",
            "The governor blamed Boko Haram. The group denied it.|Boko Haram|blamed"})
    void resolvesTheGroupToTheActorNamedBefore(String attribution, String actor, String status) {
        List<IncidentMention> ms = extract(article(
                "A roadside bomb killed two soldiers near Kirkuk on Monday. " + attribution).published("2021-05-11"));
        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(perpetrator(m).name()).isEqualTo(actor);
            assertThat(perpetrator(m).status()).isEqualTo(status);
        });
    }

    @Test
    void resolvesTheGroupOnlyToAnArmedGroup() {
        List<ActorCatalog.Def> recent = new ArrayList<>();
        String s = "Washington and Tehran traded accusations. The group said nothing.";
        assertThat(R.actors.find(Tokenizer.tokenize(s, 0, s.length()), recent))
                .extracting(m -> m.def().name()).containsExactly("United States", "Iran");
    }

    // -- aliases -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"IS gunmen attacked the checkpoint", "ISIS claimed it", "Daesh fighters attacked",
            "the Islamic State group", "Islamic State militants", "IS sleeper cells", "ISIL said"})
    void readsEveryNameOfIslamicStateAsOneActor(String text) {
        List<ActorCatalog.Mention> ms = R.actors.find(Tokenizer.tokenize(text, 0, text.length()), new ArrayList<>());
        assertThat(ms).as(text).singleElement().satisfies(m -> assertThat(m.def().name()).isEqualTo("Islamic State"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"It is not clear who fired.", "The base is near the river.", "This is what Is says.",
            "Nobody told us about it."})
    void doesNotReadTheVerbIsOrThePronounUsAsAnActor(String text) {
        assertThat(R.actors.find(Tokenizer.tokenize(text, 0, text.length()), new ArrayList<>())).isEmpty();
    }

    @Test
    void readsTheIslamicResistanceInIraqAsAnIranAlignedMilitia() {
        String s = "Washington blamed the Islamic Resistance in Iraq for the attack.";
        List<Token> t = Tokenizer.tokenize(s, 0, s.length());
        List<CueRules.Attribution> a = R.cues.attributions(t, R.actors.find(t, new ArrayList<>()));
        assertThat(a).singleElement().satisfies(x -> {
            assertThat(x.actor().name()).isEqualTo("Islamic Resistance in Iraq");
            assertThat(x.actor().family()).isEqualTo("iran-aligned-militias");
            assertThat(x.status()).isEqualTo("blamed");
        });
    }

    // -- actors the catalogue lacks ------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "President Morel blamed the Northern Vanguard for the bombing.|Northern Vanguard|blamed",
            "The farmers were killed by suspected Ansar al-Wadi fighters.|Ansar al-Wadi|suspected",
            "The governor accused Jaish al-Adl of the attack.|Jaish al-Adl|blamed",
            "Kataib al-Nour claimed responsibility within hours.|Kataib al-Nour|claimed"})
    void keepsAnActorNamedInAnAttributionEvenWhenTheCatalogueLacksIt(String s, String actor, String status) {
        List<Token> t = Tokenizer.tokenize(s, 0, s.length());
        List<CueRules.Attribution> a = R.cues.attributions(t, R.actors.find(t, new ArrayList<>()));
        assertThat(a).as(s).singleElement().satisfies(x -> {
            assertThat(x.actor().name()).isEqualTo(actor);
            assertThat(x.actor().family()).isNull();
            assertThat(x.status()).isEqualTo(status);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Nobody claimed the attack.", "The ministry blamed Baghdad for the delay.",
            "Prime Minister Sudani denied the report."})
    void takesNoPlaceNegationOrOfficialForAnUnlistedActor(String s) {
        List<ActorCatalog.Mention> ms = R.actors.find(Tokenizer.tokenize(s, 0, s.length()), new ArrayList<>());
        assertThat(ms).noneSatisfy(m -> assertThat(m.def().kind()).isEqualTo(ActorCatalog.UNLISTED_KIND));
    }

    // -- dates ---------------------------------------------------------------------------------------------------

    @Test
    void datesAYearAgoTonightByTheYearBefore() {
        List<IncidentMention> ms = extract(article(
                "A year ago tonight, Iranian missiles slammed into Ain al-Asad air base.").published("2021-01-08"));
        assertThat(ms).singleElement().satisfies(m -> assertThat(m.date()).isEqualTo("2020-01-08"));
    }

    @Test
    void resolvesAYearlessDayNearAFullDateToThatDatesYear() {
        List<IncidentMention> ms = extract(article(
                "Iran fired missiles at Ain al-Asad on January 8, 2020.",
                "Nobody was killed.",
                "The missiles answered the US drone strike at Baghdad airport on Jan. 3.").published("2021-01-08"));
        assertThat(ms).extracting(IncidentMention::date).containsExactly("2020-01-08", "2020-01-03");
    }

    @Test
    void keepsTheMostRecentYearWhenNoFullDateIsNear() {
        List<IncidentMention> ms = extract(article(
                "Iraq declared victory over the jihadists in December 2017.",
                "In April, gunmen killed four soldiers at a checkpoint near Kirkuk.").published("2021-06-10"));
        assertThat(ms).singleElement().satisfies(m -> assertThat(m.date()).isEqualTo("2021-04"));
    }

    @Test
    void datesABombHoursLaterByTheDayOfTheOneBefore() {
        List<IncidentMention> ms = extract(article(
                "A roadside bomb hit a convoy near Samawah on Tuesday, causing no casualties.",
                "Hours later a second bomb exploded next to another convoy near Musayyib.").published("2021-06-02"));
        assertThat(ms).extracting(IncidentMention::date).containsExactly("2021-06-01", "2021-06-01");
        assertThat(ms).allSatisfy(m -> assertThat(m.background()).isFalse());
    }

    @Test
    void givesASentenceOpeningDateToItsMainClause() {
        List<IncidentMention> ms = extract(article(
                "Rockets hit Erbil airport on Monday, wounding two people.",
                "In September, the coalition's air strikes on a prison in Dhamar killed more than 100 people.")
                .published("2020-01-21"));
        assertThat(ms).anySatisfy(m -> {
            assertThat(m.date()).isEqualTo("2019-09");
            assertThat(m.killed()).isEqualTo(100);
        });
    }

    @Test
    void readsADatedSeriesOfStrikesAsOneIncident() {
        List<IncidentMention> ms = extract(article(
                "Coalition aircraft conducted a series of airstrikes on caves near Tikrit on March 8, 2021, killing "
                        + "nine militants.").undated());
        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(m.date()).isEqualTo("2021-03-08");
            assertThat(m.killed()).isEqualTo(9);
        });
    }

    @Test
    void keepsAnUndatedSeriesGeneric() {
        assertThat(extract(article("Militias have carried out a series of rocket attacks on US bases."))).isEmpty();
    }

    // -- type and assembly ---------------------------------------------------------------------------------------

    @Test
    void readsAMissileAndDroneAttackAsOneIncident() {
        List<IncidentMention> ms = extract(article(
                "A missile and drone attack on an army camp in Marib killed at least 80 soldiers on Saturday.")
                .published("2020-01-20"));
        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(m.weapons()).contains("missile", "drone");
            assertThat(m.killed()).isEqualTo(80);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"An unexploded mortar shell went off in a yard in Mosul on Friday, killing a boy.",
            "A leftover artillery shell exploded in a field near Sinjar on Friday, killing a boy."})
    void codesRemnantsOfWarAsExplosiveDevices(String sentence) {
        assertThat(extract(article(sentence).published("2019-05-18"))).singleElement()
                .satisfies(m -> assertThat(m.type()).isEqualTo(IncidentType.IED_ATTACK));
    }

    @Test
    void codesGunmenAttackingSoldiersAsAClashAndAttackingVillagersAsViolenceAgainstCivilians() {
        List<IncidentMention> soldiers = extract(article(
                "Gunmen attacked an army checkpoint near Kirkuk on Monday, killing four soldiers.")
                .published("2021-05-11"));
        List<IncidentMention> villagers = extract(article(
                "Gunmen opened fire on villagers near Kirkuk on Monday, killing four farmers.").published("2021-05-11"));
        assertThat(soldiers).singleElement().satisfies(m -> assertThat(m.type()).isEqualTo(IncidentType.ARMED_CLASH));
        assertThat(villagers).singleElement()
                .satisfies(m -> assertThat(m.type()).isEqualTo(IncidentType.ATTACK_ON_CIVILIANS));
    }

    @Test
    void dropsAHeadlineThatOnlySumsUpTheReportsOfTheBody() {
        List<IncidentMention> ms = extract(article(
                "Bombs hit two supply convoys in southern Iraq",
                "A roadside bomb hit a supply convoy near Samawah on Tuesday, causing no casualties.",
                "Hours later a second bomb exploded next to another convoy near Musayyib.").published("2021-06-02"));
        assertThat(ms).extracting(GeneralisationRulesTest::place).containsExactly("Samawah", "Musayyib");
    }

    @Test
    void makesATruceTheMainReportWhenThePageLeadsWithIt() {
        List<IncidentMention> ms = extract(article(
                "Kataib Hezbollah said on Tuesday that it was suspending its military operations against US forces.",
                "The announcement came two days after a drone hit Tower 22 in Jordan, killing three soldiers.")
                .published("2024-01-31"));
        assertThat(ms).anySatisfy(m -> {
            assertThat(m.type()).isEqualTo(IncidentType.TRUCE);
            assertThat(m.background()).isFalse();
            assertThat(m.date()).isEqualTo("2024-01-30");
        });
        assertThat(ms).anySatisfy(m -> {
            assertThat(m.type()).isEqualTo(IncidentType.AIR_DRONE_STRIKE);
            assertThat(m.background()).isTrue();
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "A security source reported the martyrdom of three fighters and the injury of two others in an attack "
                    + "near Tikrit today.|3|2",
            "Two soldiers were martyred in a mortar attack near Tikrit today.|2|",
            "A similar attack near Tikrit today resulted in the killing of a soldier.|1|",
            "Militants massacred about 1,700 cadets near Tikrit today.|1700|"})
    void readsTheVocabularyOfTranslatedReports(String sentence, Integer killed, Integer wounded) {
        assertThat(extract(article(sentence).published("2021-08-22"))).as(sentence).singleElement().satisfies(m -> {
            assertThat(m.killed()).isEqualTo(killed);
            assertThat(m.wounded()).isEqualTo(wounded);
        });
    }
}
