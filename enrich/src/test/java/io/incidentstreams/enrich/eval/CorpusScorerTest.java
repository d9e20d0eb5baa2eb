package io.incidentstreams.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentstreams.enrich.testing.SharedCorpus;
import io.incidentstreams.serde.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorpusScorerTest {

    private static JsonNode gold(String json) throws IOException {
        return Json.MAPPER.readTree(json.replace('\'', '"'));
    }

    private static ObjectNode incident(String id, String type, String date, String city, String country, Double lat,
                                       Double lon) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("id", id);
        p.put("type", type);
        p.put("date", date);
        ObjectNode loc = p.putObject("location");
        loc.put("name", city);
        loc.put("city", city);
        loc.put("country", country);
        if (lat != null) {
            loc.put("lat", lat);
            loc.put("lon", lon);
        }
        p.putNull("killed");
        p.putNull("wounded");
        p.putArray("relations");
        return p;
    }

    @Test
    void aCopyOfAMatchedIncidentCountsForPrecisionButAgainstDedup() throws IOException {
        JsonNode g = gold("{'incidents': [{'id': 'g1', 'date': '2021-03-04', 'date_precision': 'day', 'city': 'Town',"
                + " 'country': 'Land', 'lat': 10.0, 'lon': 20.0, 'kind': 'attack', 'killed': 3, 'wounded': null}],"
                + " 'relations': []}");
        ObjectNode first = incident("inc-1", "ied_attack", "2021-03-04", "Town", "Land", 10.0, 20.0);
        first.put("killed", 3);
        ObjectNode copy = incident("inc-2", "ied_attack", "2021-03-05", "Town", "Land", 10.05, 20.0);
        ObjectNode elsewhere = incident("inc-3", "ied_attack", "2021-03-04", "Far", "Other", 40.0, 40.0);

        CorpusScorer.Score s = CorpusScorer.scoreJson(g, List.of(first, copy, elsewhere));

        assertThat(s.found()).isEqualTo(1);
        assertThat(s.precision()).isEqualTo(0.667);
        assertThat(s.recall()).isEqualTo(1.0);
        assertThat(s.dedup()).isEqualTo(0.0);
        assertThat(s.split()).containsExactly("g1x2");
        assertThat(s.day()).isEqualTo(1.0);
        assertThat(s.killed()).isEqualTo(1.0);
        assertThat(s.unmatched()).containsExactly("2021-03-04 ied_attack Far");
    }

    @Test
    void aStrikeNeverMatchesAGoldAttackAndARelationToAMissingIdDangles() throws IOException {
        JsonNode g = gold("{'incidents': [{'id': 'g1', 'date': '2021-03', 'date_precision': 'month', 'city': null,"
                + " 'country': 'Land', 'lat': null, 'lon': null, 'kind': 'attack', 'killed': null, 'wounded': null}],"
                + " 'relations': []}");
        ObjectNode strike = incident("inc-1", "air_drone_strike", "2021-03-09", null, "Land", null, null);
        ((ArrayNode) strike.get("relations")).addObject().put("type", "follows").put("incidentId", "inc-gone");

        CorpusScorer.Score s = CorpusScorer.scoreJson(g, List.of(strike));

        assertThat(s.found()).isZero();
        assertThat(s.missing()).containsExactly("g1");
        assertThat(s.dangling()).isEqualTo(1);
    }

    /**
     * The Java scorer and the corpus's own score.py give the same figures and details on predictions derived from
     * each corpus's gold with random shifts of date, place, kind and figures, and random copies.
     */
    @ParameterizedTest
    @ValueSource(strings = {"a", "b"})
    void agreesWithTheCorpusScorerOnPerturbedPredictions(String set, @TempDir Path tmp) throws Exception {
        assumeThat(python()).as("python3 on PATH").isTrue();
        Path corpus = SharedCorpus.set(set);
        JsonNode gold = CorpusScorer.readGold(corpus.resolve("gold.json"));
        String[] types = {"ied_attack", "air_drone_strike", "agreement_truce", "armed_clash", "other_violence"};
        for (long seed = 1; seed <= 4; seed++) {
            Random rnd = new Random(seed);
            List<JsonNode> preds = new ArrayList<>();
            int n = 0;
            for (JsonNode g : gold.path("incidents")) {
                if (g.path("date").isNull() || rnd.nextInt(5) == 0) {
                    continue;
                }
                int copies = rnd.nextInt(4) == 0 ? 2 : 1;
                for (int c = 0; c < copies; c++) {
                    String date = g.path("date").asText();
                    if (rnd.nextInt(4) == 0) {
                        date = java.time.LocalDate.parse(date).plusDays(rnd.nextInt(5) - 2).toString();
                    }
                    if (rnd.nextInt(6) == 0) {
                        date = date.substring(0, 7);
                    }
                    Double lat = g.path("lat").isNull() ? null : g.path("lat").asDouble() + (rnd.nextInt(3) == 0 ? 0.5 : 0);
                    Double lon = g.path("lon").isNull() ? null : g.path("lon").asDouble();
                    String city = rnd.nextBoolean() ? g.path("city").asText(null) : null;
                    String country = rnd.nextInt(5) == 0 ? null : g.path("country").asText(null);
                    String type = rnd.nextInt(3) == 0 ? types[rnd.nextInt(types.length)] : switch (g.path("kind").asText()) {
                        case "strike" -> "air_drone_strike";
                        case "truce" -> "agreement_truce";
                        default -> "shelling_missile_attack";
                    };
                    ObjectNode p = incident("inc-" + n++, type, date, city, country, lat, lon);
                    if (!g.path("killed").isNull() && rnd.nextBoolean()) {
                        p.put("killed", g.path("killed").asInt() + rnd.nextInt(2));
                    }
                    preds.add(p);
                }
            }
            for (int i = 0; i + 1 < preds.size(); i += 3) {
                ((ArrayNode) preds.get(i).get("relations")).addObject().put("type", "follows")
                        .put("incidentId", rnd.nextBoolean() ? preds.get(i + 1).get("id").asText() : "inc-gone");
            }
            Path snapshot = tmp.resolve(set + seed + ".jsonl");
            StringBuilder lines = new StringBuilder();
            for (JsonNode p : preds) {
                lines.append(Json.MAPPER.writeValueAsString(p)).append('\n');
            }
            Files.writeString(snapshot, lines);

            CorpusScorer.Score java = CorpusScorer.scoreJson(gold, preds);
            String python = run(corpus.getParent().resolve("score.py"), corpus.resolve("gold.json"), snapshot, "--verbose");

            assertThat(java.toText()).as("seed " + seed).isEqualTo(python);
            @SuppressWarnings("unchecked")
            Map<String, Object> pyJson = Json.MAPPER.readValue(
                    run(corpus.getParent().resolve("score.py"), corpus.resolve("gold.json"), snapshot, "--json"), Map.class);
            assertThat(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(java.figures())))
                    .isEqualTo(Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(pyJson)));
        }
    }

    private static boolean python() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(Path script, Path gold, Path snapshot, String flag) throws Exception {
        Process p = new ProcessBuilder("python3", script.toString(), gold.toString(), snapshot.toString(), flag)
                .redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        return new String(out, StandardCharsets.UTF_8);
    }
}
