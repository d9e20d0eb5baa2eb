package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.enrich.eval.CorpusScorer;
import io.incidentstreams.enrich.testing.SharedCorpus;
import io.incidentstreams.model.Incident;
import io.incidentstreams.serde.Json;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole pipeline on each real-article corpus beside the clone ({@code ../shared/corpus/a} and {@code b}),
 * scored as acceptance scores it. Fails when F1, dedup, day or killed fall below the floors in
 * {@code corpus-ratchet.json}, when a relation dangles, or when an incident is published without a date.
 */
class CorpusRatchetIT {

    @ParameterizedTest(name = "corpus {0}")
    @ValueSource(strings = {"a", "b"})
    void theCorpusScoresNoWorseThanTheFiguresAlreadyReached(String set) throws Exception {
        JsonNode floors;
        try (InputStream in = CorpusRatchetIT.class.getResourceAsStream("/corpus-ratchet.json")) {
            floors = Json.MAPPER.readTree(in).path(set);
        }
        Path corpus = SharedCorpus.set(set);
        List<Incident> incidents = DemoCommand.run(List.of(corpus.resolve("articles")), Map.of(), Duration.ofMinutes(5))
                .incidents();
        CorpusScorer.Score score = CorpusScorer.score(CorpusScorer.readGold(corpus.resolve("gold.json")), incidents);
        System.out.println("corpus " + set + ": " + score.figuresLine());

        SoftAssertions soft = new SoftAssertions();
        Map<String, Double> figures = CorpusScorer.asMap(score);
        floors.fields().forEachRemaining(f -> soft.assertThat(figures.get(f.getKey()))
                .as("%s on corpus %s (floor %s); %s", f.getKey(), set, f.getValue().asDouble(), score.figuresLine())
                .isGreaterThanOrEqualTo(f.getValue().asDouble()));
        soft.assertThat(score.dangling()).as("relations pointing at ids absent from the snapshot").isZero();
        soft.assertThat(incidents).as("incidents published without a date").allSatisfy(i -> assertThat(i.date()).isNotNull());
        soft.assertAll();
    }
}
