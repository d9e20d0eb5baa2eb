package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code incidents gazetteer import}: GeoNames dump files in, a user gazetteer file the extractor loads out. */
class GeoNamesImportTest {

    @TempDir
    Path dir;

    // rows in the GeoNames formats; the places are invented (a country "Zedland", ZZ, is user-assigned in ISO 3166)
    private static final String CITIES = String.join("\n",
            geoname("9000001", "Port Élise", "Port Elise", "Port Elise,Portelise,Порт-Элиз", "4.5", "11.25", "PPLA",
                    "ZZ", "01", "250000"),
            geoname("9000002", "Kwalu", "Kwalu", "Kwalou", "4.9", "11.8", "PPL", "ZZ", "02", "1200"),
            geoname("9000003", "Old Kwalu", "Old Kwalu", "", "4.95", "11.85", "PPLH", "ZZ", "02", "0"),
            geoname("9000004", "Kwalu Ridge", "Kwalu Ridge", "", "4.95", "11.85", "MT", "ZZ", "02", "0"),
            geoname("9000005", "Hamlet", "Hamlet", "", "4.1", "11.1", "PPL", "ZZ", "01", "30")) + "\n";
    private static final String ADMIN1 = "ZZ.01\tNorthern Reach\tNorthern Reach\t9100001\n"
            + "ZZ.02\tLakeland\tLakeland\t9100002\n";
    private static final String COUNTRIES = "# ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea(in sq km)\t"
            + "Population\tContinent\ttld\tCurrencyCode\tCurrencyName\tPhone\tPostal Code Format\tPostal Code Regex\t"
            + "Languages\tgeonameid\tneighbours\tEquivalentFipsCode\n"
            + "ZZ\tZZZ\t999\tZZ\tZedland\tPort Elise\t1000\t2000000\tAF\t.zz\tZZD\tZed\t999\t\t\ten\t9200001\t\t\n";

    private static String geoname(String id, String name, String ascii, String alt, String lat, String lon,
                                  String code, String cc, String admin1, String pop) {
        return String.join("\t", id, name, ascii, alt, lat, lon, "P".equals(code.substring(0, 1)) ? "P" : "T", code,
                cc, "", admin1, "", "", "", pop, "", "10", "Africa/Zed", "2024-01-01");
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void convertsCitiesAdmin1CodesAndCountryInfo() throws Exception {
        Path out = dir.resolve("zedland.tsv.gz");
        GeoNamesImport.Result r = GeoNamesImport.convert(List.of(write("cities500.txt", CITIES),
                write("admin1CodesASCII.txt", ADMIN1), write("countryInfo.txt", COUNTRIES)), out, 0);
        assertThat(r.countries()).isEqualTo(1);
        assertThat(r.divisions()).isEqualTo(2);
        assertThat(r.places()).isEqualTo(3); // not the historical place nor the mountain
        assertThat(r.skipped()).isEqualTo(2);

        WorldPlaces w = WorldPlaces.load(List.of(out));
        Place port = w.places().stream().filter(p -> p.id().equals("gn:9000001")).findFirst().orElseThrow();
        assertThat(port.name()).isEqualTo("Port Elise");
        assertThat(port.kind()).isEqualTo("city");
        assertThat(port.country()).isEqualTo("Zedland");
        assertThat(port.admin1()).isEqualTo("Northern Reach");
        assertThat(port.lat()).isEqualTo(4.5);
        assertThat(port.population()).isEqualTo(250_000);
        assertThat(port.aliases()).contains("Portelise").noneMatch(a -> a.contains("Порт"));
        Place lakeland = w.places().stream().filter(p -> p.name().equals("Lakeland") && p.kind().equals("division"))
                .findFirst().orElseThrow();
        assertThat(lakeland.aliases()).contains("Lakeland province", "Lakeland state");
    }

    @Test
    void theExtractorFindsImportedPlacesWithTheirDivision() throws Exception {
        Path out = dir.resolve("zedland.tsv");
        GeoNamesImport.convert(List.of(write("ZZ.txt", CITIES), write("admin1CodesASCII.txt", ADMIN1),
                write("countryInfo.txt", COUNTRIES)), out, 0);
        Rules rules = Rules.load(null, List.of(out));
        assertThat(rules.version).contains("+gaz.");
        String s = "Gunmen attacked Kwalu in Lakeland state on Monday.";
        List<Place> found = rules.gazetteer.find(Tokenizer.tokenize(s, 0, s.length())).stream()
                .map(Gazetteer.Mention::place).toList();
        // a village of 1,200 people is taken because its division is written after it
        assertThat(found).extracting(Place::name).contains("Kwalu");
        Place kwalu = found.stream().filter(p -> p.name().equals("Kwalu")).findFirst().orElseThrow();
        assertThat(kwalu.country()).isEqualTo("Zedland");
        assertThat(kwalu.admin1()).isEqualTo("Lakeland");
        String bare = "Gunmen attacked Kwalu on Monday.";
        assertThat(rules.gazetteer.find(Tokenizer.tokenize(bare, 0, bare.length()))).isEmpty();
    }

    @Test
    void keepsOnlyPlacesOfTheMinimumPopulation() throws Exception {
        Path out = dir.resolve("big.tsv");
        GeoNamesImport.Result r = GeoNamesImport.convert(List.of(write("cities.txt", CITIES)), out, 5000);
        assertThat(r.places()).isEqualTo(1);
        assertThat(Files.readString(out)).contains("Port Elise").doesNotContain("Kwalu");
    }

    @Test
    void rejectsAFileInNoGeoNamesFormat() throws Exception {
        Path p = write("notes.txt", "hello\tworld\n");
        assertThatThrownBy(() -> GeoNamesImport.convert(List.of(p), dir.resolve("x.tsv"), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a GeoNames");
    }
}
