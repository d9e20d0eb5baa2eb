package io.incidentstreams.enrich.extract;

import static io.incidentstreams.enrich.extract.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.model.Actor;
import io.incidentstreams.model.IncidentMention;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Places and actors of Iraq's neighbours (rules 2026.11.4), on sentences written for the purpose. */
class RegionRulesTest {

    private static final Rules R = Rules.builtIn();
    private static final Gazetteer G = R.gazetteer;
    private static final Extractor X = Extractor.load(null);

    private static List<ActorCatalog.Mention> actors(String s) {
        return R.actors.find(Tokenizer.tokenize(s, 0, s.length()), new ArrayList<>());
    }

    private static List<Gazetteer.Mention> places(String s) {
        return G.find(Tokenizer.tokenize(s, 0, s.length()));
    }

    private static IncidentMention only(Articles a) {
        List<IncidentMention> ms = X.extract(a.build());
        assertThat(ms).hasSize(1);
        return ms.get(0);
    }

    // --- places ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Deir al-Zour|Deir ez-Zor|Syria", "Deir Ezzor|Deir ez-Zor|Syria", "Boukamal|Abu Kamal|Syria",
            "Albu Kamal|Abu Kamal|Syria", "al-Mayadeen|al-Mayadin|Syria", "Tadmur|Palmyra|Syria",
            "Qamishlo|Qamishli|Syria", "Deraa|Daraa|Syria", "At Tanf|al-Tanf garrison|Syria",
            "Green Village base|al-Omar oil field|Syria", "Conoco gas plant|Conoco gas field|Syria",
            "Rmeilan|Rumalan landing zone|Syria", "Damascus International Airport|Damascus airport|Syria",
            "Muwaffaq al-Salti airbase|Muwaffaq Salti Air Base|Jordan", "Tower 22|Tower 22|Jordan",
            "Dahieh|Dahiyeh|Lebanon", "Dahiya|Dahiyeh|Lebanon", "Beirut's southern suburbs|Dahiyeh|Lebanon",
            "Saida|Sidon|Lebanon", "Nabatiyeh|Nabatieh|Lebanon", "al-Khiam|Khiam|Lebanon",
            "Kiryat Shemona|Kiryat Shmona|Israel", "Majdal Shams|Majdal Shams|Israel",
            "Shebaa Farms|Mount Dov|Israel", "Ali al-Salem|Ali Al Salem Air Base|Kuwait",
            "Camp Arifjan|Camp Arifjan|Kuwait", "Sana'a|Sanaa|Yemen", "Hudaydah|Hodeidah|Yemen"})
    void resolvesNeighbouringPlacesWithCountryAndCoordinates(String written, String name, String country) {
        Place p = G.lookup(written);
        assertThat(p).as(written).isNotNull();
        assertThat(p.name()).isEqualTo(name);
        assertThat(p.country()).isEqualTo(country);
        assertThat(p.lat()).as(written).isBetween(12.0, 37.5);
        assertThat(p.lon()).as(written).isBetween(34.0, 48.7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Syria", "Jordan", "Lebanon", "Israel", "Kuwait", "Yemen", "Saudi Arabia", "Iran",
            "Turkey", "northeast Jordan", "southern Lebanon", "Deir ez-Zor province"})
    void givesNeighbouringCountriesAndRegionsNoCentroid(String name) {
        Place p = G.lookup(name);
        assertThat(p).as(name).isNotNull();
        assertThat(p.lat()).as(name).isNull();
        assertThat(p.precision()).isEqualTo(3);
    }

    @Test
    void placesTower22InNortheasternJordanAndNotInSyria() {
        Place tower = G.lookup("Tower 22");
        assertThat(G.contains(G.lookup("north-eastern Jordan"), tower)).isTrue();
        assertThat(G.contains(G.lookup("Jordan"), tower)).isTrue();
        assertThat(G.contains(G.lookup("Syria"), tower)).isFalse();
        assertThat(G.compatible(G.lookup("al-Tanf"), tower)).isFalse();
        assertThat(G.contains(G.lookup("Deir ez-Zor province"), G.lookup("Conoco"))).isTrue();
        assertThat(G.contains(G.lookup("south Lebanon"), G.lookup("Bint Jbeil"))).isTrue();
        assertThat(G.contains(G.lookup("Beirut"), G.lookup("Dahiyeh"))).isTrue();
    }

    @Test
    void readsAPlaceInSyriaWithItsCoordinatesAndCountry() {
        IncidentMention m = only(article("A drone struck a US position in Deir al-Zour on Monday, wounding two "
                + "American soldiers, the Pentagon said.").published("2023-10-24"));
        assertThat(m.location().name()).isEqualTo("Deir ez-Zor");
        assertThat(m.location().country()).isEqualTo("Syria");
        assertThat(m.location().lat()).isEqualTo(35.3359);
        assertThat(m.date()).isEqualTo("2023-10-23");
    }

    @Test
    void locatesTheJordanOutpostAndTheRegionThatContainsIt() {
        IncidentMention named = only(article("Three US soldiers were killed when a drone hit Tower 22, a small "
                + "logistics outpost near the Syrian border, on Sunday.").published("2024-01-29"));
        assertThat(named.location().name()).isEqualTo("Tower 22");
        assertThat(named.location().country()).isEqualTo("Jordan");
        assertThat(named.location().lat()).isNotNull();

        IncidentMention vague = only(article("A drone attack on a base in northeast Jordan killed three American "
                + "troops on Sunday, officials said.").published("2024-01-29"));
        assertThat(vague.location().name()).isEqualTo("northeastern Jordan");
        assertThat(X.placeContains(vague.location().name(), named.location().name())).isTrue();
    }

    @Test
    void readsTheSuburbsOfBeirutAsDahiyeh() {
        IncidentMention m = only(article("An Israeli drone strike hit a building in Beirut's southern suburbs on "
                + "Tuesday evening, killing a senior commander, Lebanese media reported.").published("2024-07-31"));
        assertThat(m.location().name()).isEqualTo("Dahiyeh");
        assertThat(m.location().city()).isEqualTo("Beirut");
        assertThat(m.location().country()).isEqualTo("Lebanon");
    }

    @Test
    void doesNotReadOrdinaryWordsAsTheNewPlaces() {
        assertThat(places("Rockets hit a water tower and a green village on the Euphrates, and the guard "
                + "tower at the oil field; a Russian convoy drove past the Omar hotel in Jordan's hills."))
                .extracting(m -> m.place().name()).containsExactly("Jordan");
        assertThat(places("Mortar rounds landed near Tower 3 and the Green Zone.")).extracting(m -> m.place().name())
                .containsExactly("Green Zone");
    }

    @Test
    void keepsShipsInTheGulfOfAdenOutOfTheCity() {
        assertThat(places("The Houthis fired a missile at a tanker in the Gulf of Aden."))
                .extracting(m -> m.place().name()).containsExactly("Gulf of Aden");
    }

    // --- actors ---------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hezbollah|Hezbollah|hezbollah", "Hizballah|Hezbollah|hezbollah", "Hizbollah|Hezbollah|hezbollah",
            "Lebanon's Hezbollah|Hezbollah|hezbollah", "the Lebanese group|Hezbollah|hezbollah",
            "Houthi rebels|Houthis|houthis", "Ansarullah|Houthis|houthis", "Ansar Allah|Houthis|houthis",
            "the Ezzedine al-Qassam Brigades|Hamas|hamas", "Hamas's armed wing|Hamas|hamas",
            "Palestinian Islamic Jihad|Palestinian Islamic Jihad|palestinian-islamic-jihad",
            "the Kurdish-led SDF|Syrian Democratic Forces|sdf", "HTS|Hayat Tahrir al-Sham|hts",
            "Assad's forces|Syrian government forces|syria-state", "the Syrian army|Syrian government forces|syria-state",
            "Russian jets|Russia|russia-state", "the Jordanian army|Jordanian Armed Forces|jordan-state",
            "Kataeb Hizbollah|Kataib Hezbollah|iran-aligned-militias",
            "Hezbollah al-Nujaba|Harakat Hezbollah al-Nujaba|iran-aligned-militias"})
    void resolvesRegionalActorsToTheirFamilies(String text, String name, String family) {
        List<ActorCatalog.Mention> m = actors(text);
        assertThat(m).as(text).hasSize(1);
        assertThat(m.get(0).def().name()).isEqualTo(name);
        assertThat(m.get(0).def().family()).isEqualTo(family);
    }

    @Test
    void keepsKataibHezbollahApartFromLebaneseHezbollah() {
        assertThat(actors("Kataib Hezbollah, an Iraqi militia modelled on Lebanon's Hezbollah, fired rockets."))
                .extracting(m -> m.def().name()).containsExactly("Kataib Hezbollah", "Hezbollah");
        assertThat(actors("Kata'ib Hizballah claimed the attack.")).extracting(m -> m.def().name())
                .containsExactly("Kataib Hezbollah");
        assertThat(actors("Hezbollah fired rockets at northern Israel.")).first()
                .satisfies(m -> assertThat(m.def().family()).isEqualTo("hezbollah"));
    }

    @Test
    void namesHezbollahAsThePerpetratorOfItsRocketFire() {
        IncidentMention m = only(article("Hezbollah fired a barrage of rockets at Kiryat Shmona on Wednesday, "
                + "wounding two civilians, Israeli officials said.").published("2023-11-16"));
        assertThat(m.location().name()).isEqualTo("Kiryat Shmona");
        assertThat(m.location().country()).isEqualTo("Israel");
        assertThat(m.actors()).extracting(Actor::name, Actor::role, Actor::family)
                .contains(org.assertj.core.groups.Tuple.tuple("Hezbollah", "perpetrator", "hezbollah"));
    }

    @Test
    void aRegionalGroupBlamedByNameNowHasItsFamily() {
        String s = "The governor accused Ansar Allah of the attack.";
        List<Token> t = Tokenizer.tokenize(s, 0, s.length());
        assertThat(R.cues.attributions(t, R.actors.find(t, new ArrayList<>()))).singleElement().satisfies(x -> {
            assertThat(x.actor().name()).isEqualTo("Houthis");
            assertThat(x.actor().family()).isEqualTo("houthis");
            assertThat(x.status()).isEqualTo("blamed");
        });
    }

    @Test
    void aHouthiDroneClaimIsClaimedByTheHouthis() {
        IncidentMention m = only(article("Yemen's Houthi rebels claimed responsibility for a drone attack on the "
                + "port of Eilat on Tuesday.").published("2023-11-15"));
        assertThat(m.location().name()).isEqualTo("Eilat");
        assertThat(m.actors()).anySatisfy(a -> {
            assertThat(a.name()).isEqualTo("Houthis");
            assertThat(a.status()).isEqualTo("claimed");
            assertThat(a.family()).isEqualTo("houthis");
        });
    }
}
