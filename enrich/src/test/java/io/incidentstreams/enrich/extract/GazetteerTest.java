package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GazetteerTest {

    private static final Gazetteer G = Rules.builtIn().gazetteer;

    @Test
    void coversAllEighteenGovernoratesOfIraq() {
        List<String> admin1 = List.of("Baghdad", "Basra", "Nineveh", "Erbil", "Sulaymaniyah", "Duhok", "Kirkuk",
                "Salah al-Din", "Diyala", "Anbar", "Babil", "Karbala", "Najaf", "Qadisiyah", "Muthanna", "Dhi Qar",
                "Maysan", "Wasit");
        for (String a : admin1) {
            Place gov = G.lookup(a + " Governorate");
            assertThat(gov).as(a).isNotNull();
            assertThat(gov.kind()).isEqualTo("governorate");
            assertThat(gov.admin1()).isEqualTo(a);
            assertThat(gov.precision()).isEqualTo(3);
        }
    }

    @ParameterizedTest
    @CsvSource({"Baghdad,Baghdad", "Ramadi,Anbar", "Tikrit,Salah al-Din", "Baqubah,Diyala", "Mosul,Nineveh",
            "Hillah,Babil", "Diwaniyah,Qadisiyah", "Samawah,Muthanna", "Nasiriyah,Dhi Qar", "Amarah,Maysan",
            "Kut,Wasit", "Duhok,Duhok", "Sulaymaniyah,Sulaymaniyah", "Kirkuk,Kirkuk", "Erbil,Erbil",
            "Basra,Basra", "Najaf,Najaf", "Karbala,Karbala"})
    void placesEachGovernorateCapitalInsideIraqWithCoordinates(String city, String admin1) {
        Place p = G.lookup(city);
        assertThat(p).isNotNull();
        assertThat(p.admin1()).isEqualTo(admin1);
        assertThat(p.country()).isEqualTo("Iraq");
        assertThat(p.lat()).isBetween(29.0, 37.5);
        assertThat(p.lon()).isBetween(38.7, 48.7);
        assertThat(G.contains(G.lookup(admin1 + " Governorate"), p)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"Arbil,Erbil", "Irbil,Erbil", "Hawler,Erbil", "Kurdistan Region capital,Erbil",
            "Salahaddin,Salah al-Din Governorate", "Salah al-Din province,Salah al-Din Governorate",
            "Ninawa,Nineveh Governorate", "al-Anbar,Anbar Governorate", "Ain al-Assad,Ain al-Asad",
            "Al Asad Air Base,Ain al-Asad", "Camp Victory,Baghdad International Airport",
            "Baghdad airport,Baghdad International Airport", "International Zone,Green Zone", "K1,K-1",
            "Joint Base Balad,Balad Air Base", "Qayyarah West,Q-West", "Taqaddum,Al-Taqaddum",
            "Besmaya,Besmaya Range Complex", "Speicher,Camp Speicher", "Harir,Harir Air Base",
            "Union 3,Union III", "Erbil International Airport,Erbil airport", "American Embassy,US Embassy",
            "Baghdad Medical City,Medical City", "Hay al-Salam,al-Salam neighbourhood", "Taji base,Camp Taji"})
    void resolvesSpellingsAndAliases(String alias, String canonical) {
        assertThat(G.lookup(alias)).as(alias).isNotNull();
        assertThat(G.lookup(alias).name()).isEqualTo(canonical);
    }

    @Test
    void listsTheCoalitionBasesWithinIraq() {
        for (String base : List.of("Camp Taji", "Balad Air Base", "Ain al-Asad", "K-1", "Erbil airport",
                "Baghdad International Airport", "Union III", "Q-West", "Al-Taqaddum", "Besmaya Range Complex",
                "Camp Speicher", "Harir Air Base")) {
            Place p = G.lookup(base);
            assertThat(p).as(base).isNotNull();
            assertThat(p.isSite()).isTrue();
            assertThat(p.lat()).isBetween(29.0, 37.5);
            assertThat(p.lon()).isBetween(38.7, 48.7);
        }
    }

    @Test
    void putsTheGreenZoneAndTheEmbassyInsideBaghdad() {
        Place gz = G.lookup("Green Zone");
        Place embassy = G.lookup("US Embassy");
        Place baghdad = G.lookup("Baghdad");
        assertThat(gz.city()).isEqualTo("Baghdad");
        assertThat(G.contains(baghdad, gz)).isTrue();
        assertThat(G.contains(gz, embassy)).isTrue();
        assertThat(G.contains(baghdad, embassy)).isTrue();
        assertThat(G.contains(G.lookup("Iraq"), embassy)).isTrue();
        assertThat(G.contains(gz, baghdad)).isFalse();
        // a few kilometres at most between the zone and the embassy
        assertThat(Math.abs(gz.lat() - embassy.lat())).isLessThan(0.03);
        assertThat(Math.abs(gz.lon() - baghdad.lon())).isLessThan(0.05);
    }

    @Test
    void givesRegionsNoCentroid() {
        for (String region : List.of("Iraq", "Kurdistan Region", "Anbar", "Nineveh")) {
            Place p = G.lookup(region);
            assertThat(p.lat()).as(region).isNull();
            assertThat(p.precision()).isEqualTo(3);
        }
        assertThat(G.contains(G.lookup("Kurdistan Region"), G.lookup("Erbil airport"))).isTrue();
        assertThat(G.contains(G.lookup("Kurdistan Region"), G.lookup("Basra"))).isFalse();
    }

    @Test
    void keepsAKnownPlaceWithoutReliableCoordinatesWithoutCoordinates() {
        Place salam = G.lookup("al-Salam neighbourhood");
        assertThat(salam.city()).isEqualTo("Baghdad");
        assertThat(salam.lat()).isNull();
    }

    @Test
    void rejectsDuplicateIdsAndOutOfRangeCoordinates() {
        String header = "id,name,kind,city,admin1,country,lat,lon,precision,within,aliases\n";
        assertThatThrownBy(() -> Gazetteer.parse(header + "a,A,town,,,X,1,1,1,,\na,B,town,,,X,1,1,1,,\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> Gazetteer.parse(header + "a,A,town,,,X,95,1,1,,\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 2");
    }

    @Test
    void readsQuotedCellsWithCommas() {
        Gazetteer g = Gazetteer.parse("id,name,kind,city,admin1,country,lat,lon,precision,within,aliases\n"
                + "x,\"Camp Foo, North\",base,,,Iraq,33.1,44.1,1,,\"Foo base|Camp \"\"Foo\"\"\"\n");
        assertThat(g.lookup("Camp Foo, North")).isNotNull();
        assertThat(g.lookup("Foo base").name()).isEqualTo("Camp Foo, North");
    }
}
