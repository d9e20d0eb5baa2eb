package io.incidentstreams.enrich.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.model.Article;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {

    private static final Evaluator EVALUATOR = new Evaluator(Extractor.load(null));

    private static String resource(String name) throws IOException {
        try (InputStream in = EvaluatorTest.class.getResourceAsStream("/extract/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The test articles as ingest would hand them over: files keep their path as origin, one has only an id. */
    private static List<Article> articles() throws IOException {
        List<Article> out = new ArrayList<>();
        out.add(new Article("sha256:aa11", null, null, "2021-05-10", "Kurdish Wire",
                resource("articles/makhmour_mortars.txt"), "samples/articles/makhmour_mortars.txt"));
        out.add(new Article("https://example.org/basra-drone", "https://example.org/basra-drone", null, "2021-06-27",
                null, resource("articles/basra_airport_drone.txt"), "articles/basra_airport_drone.txt"));
        out.add(new Article("truce-2021", null, null, null, null, resource("articles/factions_truce.txt"), "feed"));
        return out;
    }

    private static Path goldFile() throws URISyntaxException {
        return Path.of(EvaluatorTest.class.getResource("/extract/gold.jsonl").toURI());
    }

    @Test
    void scoresAFullMatchAsPerfect() throws Exception {
        EvaluationReport r = EVALUATOR.evaluate(goldFile(), articles());
        assertThat(r.goldCount()).isEqualTo(4);
        assertThat(r.matchedCount()).isEqualTo(4);
        assertThat(r.precision()).isEqualTo(1.0);
        assertThat(r.recall()).isEqualTo(1.0);
        assertThat(r.f1()).isEqualTo(1.0);
        assertThat(r.fields().keySet()).contains("type", "date", "location", "killed", "wounded", "status");
        assertThat(r.fields().values()).allSatisfy(f -> assertThat(f.accuracy()).isEqualTo(1.0));
        assertThat(r.missed()).isEmpty();
        assertThat(r.spurious()).isEmpty();
    }

    @Test
    void countsMissedAndSpuriousIncidents() throws Exception {
        List<GoldIncident> gold = Evaluator.readGold(new StringReader(String.join("\n",
                // the mortar attack, with a wrong wounded figure
                "{\"article\": \"makhmour_mortars.txt\", \"type\": \"shelling_missile_attack\", \"date\": "
                        + "\"2021-05-09\", \"datePrecision\": \"day\", \"location\": \"Makhmour\", \"killed\": 1, "
                        + "\"wounded\": 5, \"perpetrator\": null, \"status\": \"unclaimed\", \"background\": false}",
                // an incident the article does not contain
                "{\"article\": \"makhmour_mortars.txt\", \"type\": \"air_drone_strike\", \"date\": \"2021-05-01\", "
                        + "\"datePrecision\": \"day\", \"location\": \"Sinjar\", \"killed\": null, \"wounded\": null, "
                        + "\"perpetrator\": \"Turkey\", \"status\": null, \"background\": true}")));
        EvaluationReport r = EVALUATOR.evaluate(gold, articles().subList(0, 1));
        assertThat(r.goldCount()).isEqualTo(2);
        assertThat(r.extractedCount()).isEqualTo(2); // the mortars and the April bomb
        assertThat(r.matchedCount()).isEqualTo(1);
        assertThat(r.precision()).isEqualTo(0.5);
        assertThat(r.recall()).isEqualTo(0.5);
        assertThat(r.missed()).extracting(GoldIncident::location).containsExactly("Sinjar");
        assertThat(r.spurious()).singleElement().satisfies(m -> assertThat(m.location().name())
                .isEqualTo("Tuz Khurmatu"));
        assertThat(r.fields().get("wounded").accuracy()).isZero();
        assertThat(r.fields().get("killed").accuracy()).isEqualTo(1.0);
        assertThat(r.matches()).singleElement().satisfies(m -> assertThat(m.wrongFields()).containsExactly("wounded"));
    }

    @Test
    void countsEveryMentionOfAnArticleWithoutGoldLinesAsSpurious() throws Exception {
        List<GoldIncident> gold = Evaluator.readGold(new StringReader(
                "{\"article\": \"basra_airport_drone.txt\", \"type\": \"drone_attack\", \"date\": \"2021-06-26\", "
                        + "\"datePrecision\": \"day\", \"location\": \"Basra\", \"killed\": 0, \"wounded\": 0, "
                        + "\"perpetrator\": \"Iran-backed militias\", \"status\": \"blamed\", "
                        + "\"background\": false}"));
        EvaluationReport r = EVALUATOR.evaluate(gold, articles());
        // the truce article and the Makhmour page are not in this gold file: all they yield is spurious
        assertThat(r.matchedCount()).isEqualTo(1);
        assertThat(r.spurious()).extracting(m -> m.location() == null ? null : m.location().name())
                .contains("Makhmour", "Tuz Khurmatu");
        assertThat(r.extractedCount()).isEqualTo(1 + r.spurious().size());
        assertThat(r.toText()).contains("makhmour_mortars.txt#0");
    }

    @Test
    void acceptsAFinerPlaceInsideTheExpectedOneAndGazetteerAliases() throws Exception {
        List<GoldIncident> gold = Evaluator.readGold(new StringReader(
                "{\"article\": \"basra_airport_drone.txt\", \"type\": \"drone_attack\", \"date\": \"2021-06-26\", "
                        + "\"datePrecision\": \"day\", \"location\": \"Basrah\", \"killed\": 0, \"wounded\": 0, "
                        + "\"perpetrator\": \"Iranian-backed militias\", \"status\": \"blamed\", "
                        + "\"background\": false}"));
        EvaluationReport r = EVALUATOR.evaluate(gold, articles());
        assertThat(r.matchedCount()).isEqualTo(1);
        assertThat(r.matches().get(0).wrongFields()).isEmpty();
    }

    @Test
    void matchesDatesAsFarAsTheCoarserPrecisionGoes() {
        assertThat(Evaluator.dateCompatible("2020-03", "2020-03-11")).isTrue();
        assertThat(Evaluator.dateCompatible("2020", "2020-03-11")).isTrue();
        assertThat(Evaluator.dateCompatible("2020-03-12", "2020-03-11")).isFalse();
        assertThat(Evaluator.dateCompatible(null, "2020-03-11")).isTrue();
    }

    @Test
    void reportsGoldArticlesThatWereNotGiven() throws Exception {
        List<GoldIncident> gold = Evaluator.readGold(new StringReader(
                "{\"article\": \"missing.txt\", \"type\": \"ied_attack\", \"date\": null, \"datePrecision\": null, "
                        + "\"location\": null, \"killed\": null, \"wounded\": null, \"perpetrator\": null, "
                        + "\"status\": null, \"background\": false}"));
        EvaluationReport r = EVALUATOR.evaluate(gold, articles());
        assertThat(r.unknownArticles()).containsExactly("missing.txt");
        assertThat(r.recall()).isZero();
    }

    @Test
    void printsAReadableReport() throws Exception {
        String text = EVALUATOR.evaluate(goldFile(), articles()).toText();
        assertThat(text).contains("precision 1.000", "recall 1.000", "F1 1.000", "location", "wounded", "status");
    }

    @Test
    void rejectsAMalformedGoldLine() {
        assertThatThrownBy(() -> Evaluator.readGold(new StringReader("{\"article\": \"x\", \"killed\": \"many\"}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 1");
    }
}
