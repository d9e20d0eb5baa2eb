package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The imported world gazetteer under the overlay: coverage, guards against junk names, choice by context. */
class WorldGazetteerTest {

    private static final Gazetteer G = Rules.builtIn().gazetteer;

    private static List<Place> places(String sentence) {
        List<Token> t = Tokenizer.tokenize(sentence, 0, sentence.length());
        return G.find(t).stream().map(Gazetteer.Mention::place).toList();
    }

    private static List<String> names(String sentence) {
        return places(sentence).stream().map(Place::name).toList();
    }

    @Test
    void knowsEveryCountryWithItsDemonym() {
        assertThat(G.lookup("Pakistan").kind()).isEqualTo("country");
        assertThat(G.lookup("Democratic Republic of the Congo").name()).isEqualTo("DR Congo");
        assertThat(G.demonym("Somali").name()).isEqualTo("Somalia");
        assertThat(G.demonym("Liberian").name()).isEqualTo("Liberia");
        assertThat(G.size()).isGreaterThan(50_000);
    }

    @Test
    void knowsLargeCitiesWorldwideWithCountryAndCoordinates() {
        Place lagos = places("Gunmen opened fire in Lagos on Friday.").get(0);
        assertThat(lagos.country()).isEqualTo("Nigeria");
        assertThat(lagos.lat()).isBetween(6.0, 7.0);
        assertThat(lagos.imported()).isTrue();
        assertThat(places("A bomb went off in Peshawar.").get(0).country()).isEqualTo("Pakistan");
        assertThat(places("Police said a car bomb exploded in Bogota.").get(0).country()).isEqualTo("Colombia");
    }

    @Test
    void theOverlayWinsOverTheImport() {
        Place baghdad = places("Rockets fell on Baghdad.").get(0);
        assertThat(baghdad.imported()).isFalse();
        assertThat(baghdad.id()).isEqualTo("baghdad");
        assertThat(G.lookup("Iraq").imported()).isFalse();
        assertThat(names("Ships in the Red Sea were attacked.")).containsExactly("Red Sea");
    }

    @Test
    void aDemonymOrACommonWordIsNeverAPlace() {
        assertThat(names("Pakistani troops returned fire.")).isEmpty();
        assertThat(names("The Somali army said it had killed at least 50 fighters.")).isEmpty();
        assertThat(names("Police said the Mayor had left.")).isEmpty();
        assertThat(names("at least 50 people were killed")).isEmpty();
    }

    @Test
    void aNameInsideALongerCapitalisedNameIsNotAPlace() {
        assertThat(names("Prime Minister Imran Khan condemned the attack.")).isEmpty();
    }

    @Test
    void aSmallTownNeedsSupportFromItsContext() {
        // a town of a few thousand people is taken only when its country is named next to it or in the article
        String bare = "Gunmen attacked Konduga overnight.";
        assertThat(names(bare)).isEmpty();
        assertThat(places("Gunmen attacked Konduga, Nigeria, overnight.")).extracting(Place::country)
                .contains("Nigeria");
        assertThat(places("Gunmen attacked Konduga in Borno state overnight.")).extracting(Place::name)
                .contains("Konduga");
    }

    @Test
    void choosesAmongSameNamedPlacesByTheCountryWrittenAfterIt() {
        Place hyderabadPk = places("A blast hit Hyderabad, Pakistan.").get(0);
        assertThat(hyderabadPk.country()).isEqualTo("Pakistan");
        Place hyderabadIn = places("A blast hit Hyderabad, India.").get(0);
        assertThat(hyderabadIn.country()).isEqualTo("India");
        // without context, the most populous one
        assertThat(places("A blast hit Hyderabad.").get(0).country()).isEqualTo("India");
    }

    @Test
    void everyImportedPlaceCarriesItsCountry() {
        for (String s : List.of("in Nairobi", "in Colombo", "in Christchurch", "in Borno state", "in Kenya")) {
            assertThat(places(s)).as(s).isNotEmpty().allSatisfy(p -> assertThat(p.country()).isNotNull());
        }
    }

    /** Prints the load time and retained heap of the world gazetteer (figures in docs/benchmarks.md). */
    @Test
    void reportsLoadTimeAndHeap() throws Exception {
        String csv = new String(Gazetteer.class.getResourceAsStream("/rules/gazetteer.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        List<Place> overlay = Gazetteer.parsePlaces(csv);
        long before = usedHeap();
        long t0 = System.nanoTime();
        WorldPlaces world = WorldPlaces.load(List.of());
        long t1 = System.nanoTime();
        Gazetteer g = new Gazetteer(overlay, world, new Lexicon());
        long t2 = System.nanoTime();
        long after = usedHeap();
        System.out.printf("world gazetteer: %d places, read %d ms, indexed %d ms, retained heap about %d MB%n",
                g.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (after - before) / (1024 * 1024));
        assertThat(g.size()).isGreaterThan(50_000);
        assertThat((t2 - t0) / 1_000_000_000.0).isLessThan(30.0);
    }

    private static long usedHeap() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
