package io.incidentstreams.enrich.schema;

import static io.incidentstreams.enrich.testing.ArticleBuilder.article;
import static io.incidentstreams.enrich.testing.MentionBuilder.attack;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.IncidentTopology;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.enrich.link.Linker;
import io.incidentstreams.enrich.merge.IncidentAssembler;
import io.incidentstreams.enrich.merge.IncidentIds;
import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.ingest.files.ArticleFiles;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.Incident;
import io.incidentstreams.serde.Json;
import io.incidentstreams.topics.SchemaVersion;
import io.incidentstreams.topics.Topics;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The published JSON Schemas against what the pipeline writes, and against records they must refuse. */
class RecordSchemaTest {
    static final Path SAMPLES = Path.of("..", "samples");
    static final Extractor EXTRACTOR = Extractor.load(null);

    private final Topics topics = new Topics("schema.");

    @TempDir
    Path stateDir;

    @Test
    void everyRecordTheTopologyWritesForTheSamplesValidatesAndCarriesTheSchemaVersion() throws Exception {
        List<Article> articles = samples();
        JsonSchema articleSchema = RecordSchemas.strict(RecordSchemas.ARTICLE);
        JsonSchema incidentSchema = RecordSchemas.strict(RecordSchemas.INCIDENT);
        JsonSchema incidentPublished = RecordSchemas.published(RecordSchemas.INCIDENT);

        List<TestRecord<String, byte[]>> out;
        try (TopologyTestDriver driver = driver()) {
            TestInputTopic<String, Article> raw = driver.createInputTopic(topics.rawArticles.name(),
                    topics.rawArticles.keySerde().serializer(), topics.rawArticles.valueSerde().serializer());
            TestOutputTopic<String, byte[]> incidents = driver.createOutputTopic(topics.incidents.name(),
                    topics.incidents.keySerde().deserializer(), Serdes.ByteArray().deserializer());
            for (Article a : articles) {
                assertThat(RecordSchemas.violations(articleSchema, Topics.ARTICLE_SERDE.toBytes(a)))
                        .as("article %s", a.origin()).isEmpty();
                raw.pipeInput(new TestRecord<>(a.id(), a, SchemaVersion.headers(SchemaVersion.ARTICLE)));
            }
            out = incidents.readRecordsToList();
        }

        Map<String, Incident> live = new TreeMap<>();
        Set<String> tombstoned = new HashSet<>();
        for (TestRecord<String, byte[]> r : out) {
            assertThat(SchemaVersion.of(r.headers())).as("schema version of %s", r.key()).isEqualTo(SchemaVersion.INCIDENT);
            if (r.value() == null) {
                live.remove(r.key());
                tombstoned.add(r.key());
                continue;
            }
            assertThat(RecordSchemas.violations(incidentSchema, r.value())).as("incident %s", r.key()).isEmpty();
            assertThat(RecordSchemas.violations(incidentPublished, r.value())).isEmpty();
            Incident incident = Topics.INCIDENT_SERDE.fromBytes(r.value());
            assertThat(incident.id()).isEqualTo(r.key());
            live.put(r.key(), incident);
        }
        tombstoned.removeAll(live.keySet());

        assertThat(live).hasSizeGreaterThan(10);
        assertThat(tombstoned).as("the samples report some incidents more than once").isNotEmpty();
        Set<String> absorbed = new HashSet<>();
        live.values().forEach(i -> absorbed.addAll(i.mergedFrom()));
        assertThat(absorbed).as("every deleted id is listed in the mergedFrom of the incident that absorbed it")
                .containsAll(tombstoned);
    }

    @Test
    void theIncidentSchemaRefusesAMissingSourceAnUnknownTypeAMalformedIdOrDate() {
        JsonSchema schema = RecordSchemas.published(RecordSchemas.INCIDENT);
        assertThat(RecordSchemas.violations(schema, validIncident())).isEmpty();

        assertThat(violationsAfter(schema, n -> n.remove("sources"))).anyMatch(v -> v.contains("sources"));
        assertThat(violationsAfter(schema, n -> n.putArray("sources"))).anyMatch(v -> v.contains("sources"));
        assertThat(violationsAfter(schema, n -> n.put("type", "riot"))).anyMatch(v -> v.contains("type"));
        assertThat(violationsAfter(schema, n -> n.put("id", "incident-1"))).anyMatch(v -> v.contains("id"));
        assertThat(violationsAfter(schema, n -> n.put("date", "17/11/2020"))).anyMatch(v -> v.contains("date"));
        assertThat(violationsAfter(schema, n -> n.put("killed", -1))).anyMatch(v -> v.contains("killed"));
        assertThat(violationsAfter(schema, n -> ((ObjectNode) n.get("location")).put("lat", 91.0)))
                .anyMatch(v -> v.contains("lat"));
    }

    @Test
    void anImpossibleDayOrADateThatContradictsItsPrecisionFailsAndRealDatesOfEachPrecisionPass() {
        for (JsonSchema schema : List.of(RecordSchemas.published(RecordSchemas.INCIDENT),
                RecordSchemas.strict(RecordSchemas.INCIDENT))) {
            assertThat(violationsAfter(schema, date("2021-02-28", "day"))).isEmpty();
            assertThat(violationsAfter(schema, date("2020-02-29", "day"))).as("a leap day").isEmpty();
            assertThat(violationsAfter(schema, date("2000-02-29", "day"))).as("2000 is a leap year").isEmpty();
            assertThat(violationsAfter(schema, date("2021-02", "month"))).isEmpty();
            assertThat(violationsAfter(schema, date("2021", "year"))).isEmpty();
            assertThat(violationsAfter(schema, date(null, null))).isEmpty();

            assertThat(violationsAfter(schema, date("2021-02-30", "day"))).anyMatch(v -> v.contains("date"));
            assertThat(violationsAfter(schema, date("2021-04-31", "day"))).anyMatch(v -> v.contains("date"));
            assertThat(violationsAfter(schema, date("1900-02-29", "day"))).as("1900 is no leap year")
                    .anyMatch(v -> v.contains("date"));
            assertThat(violationsAfter(schema, date("2021-13", "month"))).anyMatch(v -> v.contains("date"));
            assertThat(violationsAfter(schema, date("2021-02", "day"))).anyMatch(v -> v.contains("date"));
            assertThat(violationsAfter(schema, date("2021-02-14", "month"))).anyMatch(v -> v.contains("date"));
            assertThat(violationsAfter(schema, date("2021", "month"))).anyMatch(v -> v.contains("date"));
            assertThat(violationsAfter(schema, date("2021-02", "year"))).anyMatch(v -> v.contains("date"));
            assertThat(violationsAfter(schema, date("2021-02-14", null))).anyMatch(v -> v.contains("date"));
            assertThat(violationsAfter(schema, n -> ((ObjectNode) n.get("sources").get(0)).put("date", "2021-02-30")))
                    .as("a source's date too").anyMatch(v -> v.contains("date"));
        }
    }

    private static Consumer<ObjectNode> date(String date, String precision) {
        return n -> {
            n.put("date", date);
            n.put("datePrecision", precision);
        };
    }

    @Test
    void anAddedPropertyPassesThePublishedSchemaButNotTheStrictCopyTheTestsUse() {
        Consumer<ObjectNode> addField = n -> n.put("severity", "high");

        assertThat(violationsAfter(RecordSchemas.published(RecordSchemas.INCIDENT), addField)).isEmpty();
        assertThat(violationsAfter(RecordSchemas.strict(RecordSchemas.INCIDENT), addField))
                .anyMatch(v -> v.contains("severity"));
    }

    @Test
    void theArticleSchemaLeavesOutAbsentFieldsAndRefusesAnEmptyTextOrAnExplicitNull() {
        JsonSchema schema = RecordSchemas.strict(RecordSchemas.ARTICLE);
        Article minimal = article("a1").published(null).title(null).build();

        assertThat(RecordSchemas.violations(schema, Topics.ARTICLE_SERDE.toBytes(minimal))).isEmpty();
        assertThat(RecordSchemas.violations(schema, "{\"id\":\"a1\",\"text\":\"\"}".getBytes())).isNotEmpty();
        assertThat(RecordSchemas.violations(schema, "{\"id\":\"a1\",\"text\":\"t\",\"title\":null}".getBytes())).isNotEmpty();
        assertThat(RecordSchemas.violations(schema, "{\"id\":\"a1\",\"text\":\"t\",\"publishedAt\":\"yesterday\"}".getBytes()))
                .isNotEmpty();
    }

    private static byte[] validIncident() {
        Incident incident = IncidentAssembler.assemble(IncidentIds.forMention("a#0"),
                List.of(attack().article("a").index(0).build()), List.of(), List.of(IncidentIds.forMention("b#0")));
        return Topics.INCIDENT_SERDE.toBytes(incident);
    }

    private static List<String> violationsAfter(JsonSchema schema, Consumer<ObjectNode> change) {
        try {
            ObjectNode node = (ObjectNode) Json.MAPPER.readTree(validIncident());
            change.accept(node);
            return RecordSchemas.violations(schema, Json.MAPPER.writeValueAsBytes(node));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<Article> samples() {
        try (Stream<ReadResult> results = new ArticleFiles(IngestOptions.defaults())
                .read(List.of(SAMPLES.resolve("articles"), SAMPLES.resolve("articles.jsonl")))) {
            List<ReadResult> all = results.toList();
            assertThat(all).allSatisfy(r -> assertThat(r).isInstanceOf(ReadResult.Accepted.class));
            return all.stream().map(r -> ((ReadResult.Accepted) r).article()).toList();
        }
    }

    private TopologyTestDriver driver() {
        var props = EnrichApp.streamsProperties(new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, "unused:9092",
                PipelineConfig.STATE_DIR, stateDir.toString())));
        return new TopologyTestDriver(IncidentTopology.build(topics, EXTRACTOR::extract, EXTRACTOR.rulesVersion(),
                new Linker(Linker.DEFAULT_TRUCE_WINDOW_DAYS)), props);
    }
}
