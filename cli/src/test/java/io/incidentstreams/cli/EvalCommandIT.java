package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code incidents eval}: extraction against article gold, and the whole pipeline against event gold. */
class EvalCommandIT {
    @RegisterExtension
    final CapturedCli cli = new CapturedCli();

    @TempDir
    Path dir;

    private Path article(String name, String date, String headline, String body) throws IOException {
        return Files.writeString(dir.resolve("articles").resolve(name), " date " + date + " " + headline + "\n\n"
                + body + "\n", StandardCharsets.UTF_8);
    }

    @Test
    void twoReportsOfOneAttackAndAnotherAttackScoreAsTwoEventsWithNoDuplicateOrFalseMerge() throws IOException {
        Files.createDirectories(dir.resolve("articles"));
        article("a.txt", "2021-03-04", "Rockets hit Camp Taji", "Three rockets struck Camp Taji north of Baghdad on "
                + "Wednesday, wounding two contractors, security officials said.");
        article("b.txt", "2021-03-05", "Camp Taji attack", "Two contractors were wounded when rockets struck Camp "
                + "Taji on Wednesday night, the coalition said.");
        article("c.txt", "2021-03-12", "Blast near Diwaniyah", "A roadside bomb exploded next to a supply convoy near "
                + "Diwaniyah on Thursday, killing one driver, police said.");
        Path events = Files.writeString(dir.resolve("events.json"), """
                {"events": [
                  {"event": "taji", "date": "2021-03-03", "location": "Camp Taji", "mentions": [
                    {"article": "a.txt", "type": "shelling_missile_attack", "location": "Camp Taji"},
                    {"article": "b.txt", "type": "shelling_missile_attack", "location": "Camp Taji"}]},
                  {"event": "convoy", "date": "2021-03-11", "location": "Diwaniyah", "mentions": [
                    {"article": "c.txt", "type": "ied_attack", "location": "Diwaniyah"}]}],
                 "links": [], "distinct": [["taji", "convoy"]]}
                """);

        int code = cli.run("eval", "--events", events.toString(), "--articles", dir.resolve("articles").toString());

        assertThat(code).isZero();
        assertThat(cli.stdout())
                .contains("events: gold 2, found 2, missing 0; incidents 2 (0 tied to no gold event)")
                .contains("duplicates: 0 extra incident(s) over 0 event(s)")
                .contains("false merges: 0 incident(s), 0 must-stay-apart pair(s) merged");
    }

    @Test
    void aCorpusRunPrintsTheScorersFiguresAndWritesThePredictionsItScored() throws IOException {
        Files.createDirectories(dir.resolve("articles"));
        article("a.txt", "2021-03-04", "Rockets hit Camp Taji", "Three rockets struck Camp Taji north of Baghdad on "
                + "Wednesday, wounding two contractors, security officials said.");
        Files.writeString(dir.resolve("gold.json"), """
                {"articles": [], "relations": [], "incidents": [
                  {"id": "g-taji", "date": "2021-03-03", "date_precision": "day", "city": "Taji", "country": "Iraq",
                   "lat": 33.52, "lon": 44.26, "kind": "attack", "wounded": 2}]}
                """);
        Path predictions = dir.resolve("predictions.jsonl");

        int code = cli.run("eval", "--corpus", dir.toString(), "--predictions", predictions.toString());

        assertThat(code).isZero();
        assertThat(cli.stdout()).contains("predicted=1 gold=1 found=1");
        assertThat(Files.readAllLines(predictions)).singleElement().satisfies(line ->
                assertThat(io.incidentstreams.serde.Json.MAPPER.readTree(line).path("location").path("name").asText())
                        .isEqualTo("Camp Taji"));
    }

    @Test
    void withNeitherGoldNorEventsItIsAUsageError() {
        assertThat(cli.run("eval", "--articles", dir.toString())).isEqualTo(IncidentsCli.USAGE);
    }
}
