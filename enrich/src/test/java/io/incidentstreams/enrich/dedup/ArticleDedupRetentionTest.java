package io.incidentstreams.enrich.dedup;

import static io.incidentstreams.enrich.testing.ArticleBuilder.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.IncidentTopology;
import io.incidentstreams.enrich.StoreNames;
import io.incidentstreams.enrich.link.Linker;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.Incident;
import io.incidentstreams.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exact-repeat dedup keeps each digest for the configured retention of stream time, then forgets it. */
class ArticleDedupRetentionTest {
    private static final Duration RETENTION = Duration.ofHours(1);
    private static final Instant T0 = Instant.parse("2021-02-23T10:00:00Z");

    private final Topics topics = new Topics("t.");
    private final List<String> extracted = new ArrayList<>();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> raw;
    private TestOutputTopic<String, Incident> incidents;

    @BeforeEach
    void start() {
        driver = new TopologyTestDriver(IncidentTopology.build(topics, a -> {
            extracted.add(a.id());
            return List.of();
        }, "test", new Linker(Linker.DEFAULT_TRUCE_WINDOW_DAYS), RETENTION),
                EnrichApp.streamsProperties(new PipelineConfig(Map.of(
                        PipelineConfig.BOOTSTRAP_SERVERS, "unused:9092",
                        PipelineConfig.STATE_DIR, stateDir.toString()))));
        raw = driver.createInputTopic(topics.rawArticles.name(), topics.rawArticles.keySerde().serializer(),
                topics.rawArticles.valueSerde().serializer());
        incidents = driver.createOutputTopic(topics.incidents.name(), topics.incidents.keySerde().deserializer(),
                topics.incidents.valueSerde().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private KeyValueStore<String, String> digests() {
        return driver.getKeyValueStore(StoreNames.ARTICLE_DIGESTS);
    }

    @Test
    void aRepeatWithinTheRetentionIsDroppedBeforeExtraction() {
        raw.pipeInput("a", article("a").build(), T0);
        raw.pipeInput("a", article("a").build(), T0.plus(Duration.ofMinutes(59)));

        assertThat(extracted).containsExactly("a");
    }

    @Test
    void aDigestOlderThanTheRetentionIsForgottenAndItsRepeatIsExtractedAgain() {
        raw.pipeInput("a", article("a").build(), T0);
        raw.pipeInput("b", article("b").build(), T0.plus(Duration.ofMinutes(30)));
        assertThat(digests().get("a")).isNotNull();

        raw.pipeInput("c", article("c").build(), T0.plus(RETENTION).plus(Duration.ofMinutes(10)));

        assertThat(digests().get("a")).as("expired").isNull();
        assertThat(digests().get("b")).as("still within the retention").isNotNull();
        raw.pipeInput("a", article("a").build(), T0.plus(RETENTION).plus(Duration.ofMinutes(11)));
        assertThat(extracted).containsExactly("a", "b", "c", "a");
        assertThat(incidents.isEmpty()).isTrue();
    }

    @Test
    void anEditedArticleMovesItsDigestToTheNewTimestamp() {
        raw.pipeInput("a", article("a").text("first version").build(), T0);
        raw.pipeInput("a", article("a").text("edited version").build(), T0.plus(Duration.ofMinutes(50)));
        raw.pipeInput("b", article("b").build(), T0.plus(RETENTION).plus(Duration.ofMinutes(10)));

        assertThat(digests().get("a")).as("kept: the edit is recent").isNotNull();
        raw.pipeInput("a", article("a").text("edited version").build(), T0.plus(RETENTION).plus(Duration.ofMinutes(11)));
        assertThat(extracted).containsExactly("a", "a", "b");
    }
}
