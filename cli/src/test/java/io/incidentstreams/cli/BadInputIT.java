package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.ingest.DeadLetters;
import io.incidentstreams.ingest.IngestSummary;
import io.incidentstreams.ingest.Ingester;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.Source;
import io.incidentstreams.serde.Json;
import io.incidentstreams.sink.IncidentSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus ({@code samples/bad-input/}, plus a binary file and a 10 MB article made here) in one batch
 * with good articles, on the real broker with enrich running, and garbage and null records written straight to the
 * raw topic between two ingest runs. Every bad input is rejected at ingest or dead-lettered by enrich, each with
 * its reason; nothing stops; every good article of the batch reaches the incidents topic.
 *
 * <p>{@code IngesterIT} covers each ingest rejection on its own and {@code PipelineIT} a garbage record ahead of
 * the samples; this test is about all of them at once, interleaved with good records.
 */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BadInputIT {
    static final Path CORPUS = Path.of("..", "samples", "bad-input");
    static final Extractor EXTRACTOR = Extractor.load(null);
    static final int HUGE_BYTES = 10 * 1024 * 1024;

    @TempDir
    Path work;

    @Test
    void everyBadInputIsRejectedOrDeadLetteredWithItsReasonAndEveryGoodArticleOfTheBatchBecomesAnIncident()
            throws Exception {
        String name = SharedKafkaBroker.uniqueName("bad-input");
        PipelineConfig config = TestPipelines.pipeline(SharedKafkaBroker.bootstrapServers(), name,
                work.resolve("state"), Map.of());
        List<Article> before = GoodArticles.distinctEvents(0, 6);
        List<Article> after = GoodArticles.distinctEvents(6, 6);
        Path first = GoodArticles.jsonLines(Files.createDirectories(work.resolve("first")).resolve("good.jsonl"), before);
        Path batch = corpusBatch(work.resolve("batch"), after);

        IngestSummary clean;
        IngestSummary mixed;
        try (EnrichApp app = new EnrichApp(config, EXTRACTOR::extract, EXTRACTOR.rulesVersion())) {
            app.start();
            clean = new Ingester(config).ingest(List.of(first), p -> { });
            writeStraightToTheRawTopic(config);
            mixed = new Ingester(config).ingest(List.of(batch), p -> { });
            TestPipelines.awaitProcessed(config, Duration.ofMinutes(2));

            assertThat(app.fatalError()).isNull();
            assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        }

        Map<String, String> reasons = mixed.rejections().stream().collect(Collectors.toMap(
                r -> Path.of(r.source()).getFileName().toString(), IngestSummary.Rejection::reason));
        assertThat(reasons).containsOnlyKeys("empty.txt", "impossible-date.txt", "invalid-utf8.txt", "html-page.txt",
                "malformed.jsonl:2", "malformed.jsonl:3", "malformed.jsonl:4", "malformed.jsonl:5", "scan.pdf",
                "huge-article.txt");
        assertThat(reasons.get("empty.txt")).isEqualTo("empty file");
        assertThat(reasons.get("impossible-date.txt")).contains("impossible date prefix '2021-02-30'");
        assertThat(reasons.get("invalid-utf8.txt")).startsWith("not valid UTF-8: malformed byte sequence at byte offset");
        assertThat(reasons.get("html-page.txt")).isEqualTo("HTML markup, not article text");
        assertThat(reasons.get("malformed.jsonl:2")).startsWith("line 2: malformed JSON");
        assertThat(reasons.get("malformed.jsonl:3")).isEqualTo("line 3: not a JSON object");
        assertThat(reasons.get("malformed.jsonl:4")).isEqualTo("line 4: field 'text' must be a string, not number");
        assertThat(reasons.get("malformed.jsonl:5")).startsWith("line 5: impossible publishedAt '2021-13-01'");
        assertThat(reasons.get("scan.pdf")).isEqualTo("binary file: contains NUL bytes");
        assertThat(reasons.get("huge-article.txt")).contains("exceeds the maximum article size");
        assertThat(clean.published()).isEqualTo(before.size());
        assertThat(mixed.published()).as("the good lines of malformed.jsonl and the good articles")
                .isEqualTo(after.size() + 2);
        assertThat(mixed.complete()).isTrue();

        List<ConsumerRecord<byte[], byte[]>> letters = TestPipelines.readAll(config, config.topics().deadLetters);
        Map<String, ConsumerRecord<byte[], byte[]>> fromIngest = letters.stream()
                .filter(r -> DeadLetters.STAGE_INGEST.equals(TestPipelines.header(r, DeadLetters.STAGE)))
                .collect(Collectors.toMap(r -> Path.of(TestPipelines.header(r, DeadLetters.SOURCE)).getFileName()
                        .toString(), Function.identity()));
        assertThat(fromIngest).containsOnlyKeys(reasons.keySet());
        fromIngest.forEach((source, letter) ->
                assertThat(TestPipelines.header(letter, DeadLetters.REASON)).isEqualTo(reasons.get(source)));
        assertThat(TestPipelines.header(fromIngest.get("huge-article.txt"), DeadLetters.TRUNCATED)).isEqualTo("true");
        assertThat(fromIngest.get("invalid-utf8.txt").value())
                .isEqualTo(Files.readAllBytes(CORPUS.resolve("invalid-utf8.txt")));

        List<ConsumerRecord<byte[], byte[]>> fromEnrich = letters.stream()
                .filter(r -> TestPipelines.header(r, "__streams.errors.exception") != null).toList();
        assertThat(fromEnrich).extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                .containsExactlyInAnyOrderElementsOf(rawTopicJunkKeys(config));
        assertThat(fromEnrich).allSatisfy(r -> {
            assertThat(TestPipelines.header(r, "__streams.errors.message")).isNotBlank();
            assertThat(TestPipelines.header(r, "__streams.errors.topic")).isEqualTo(config.topics().rawArticles.name());
        });

        Set<String> reported = IncidentSnapshot.read(config, Duration.ofSeconds(30)).stream()
                .flatMap(i -> i.sources().stream()).map(Source::articleId).collect(Collectors.toSet());
        List<String> good = new ArrayList<>();
        Stream.concat(before.stream(), after.stream()).map(Article::id).forEach(good::add);
        good.addAll(List.of("bad-input-good-1", "bad-input-good-2"));
        assertThat(reported).containsAll(good);
    }

    /** The committed corpus, a binary file and a 10 MB article, and good articles, in one folder. */
    private static Path corpusBatch(Path dir, List<Article> good) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path f : files.filter(f -> !f.getFileName().toString().equals(".gitattributes")).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        byte[] binary = new byte[4096];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i * 31);
        }
        Files.write(dir.resolve("scan.pdf"), binary);
        StringBuilder huge = new StringBuilder(HUGE_BYTES + 200).append(" date 2021-05-04 ");
        while (huge.length() < HUGE_BYTES) {
            huge.append("Rockets struck an army base near Balad on Tuesday, wounding two soldiers, officials said. ");
        }
        Files.writeString(dir.resolve("huge-article.txt"), huge, StandardCharsets.UTF_8);
        GoodArticles.jsonLines(dir.resolve("good.jsonl"), good);
        return dir;
    }

    /** A record that is not JSON and a null value, on every partition of the raw topic. */
    private static void writeStraightToTheRawTopic(PipelineConfig config) throws Exception {
        String raw = config.topics().rawArticles.name();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config.clientProperties(),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            int partitions = producer.partitionsFor(raw).size();
            for (int p = 0; p < partitions; p++) {
                producer.send(new ProducerRecord<>(raw, p, utf8("garbage-" + p), new byte[] {(byte) 0xFF, 0x00, 0x7B, 0x22}));
                producer.send(new ProducerRecord<>(raw, p, utf8("null-" + p), null));
            }
            producer.flush();
        }
    }

    private static List<String> rawTopicJunkKeys(PipelineConfig config) {
        List<String> keys = new ArrayList<>();
        int partitions = config.getInt(PipelineConfig.TOPIC_PARTITIONS);
        for (int p = 0; p < partitions; p++) {
            keys.add("garbage-" + p);
            keys.add("null-" + p);
        }
        return keys;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Good articles, each about an event of its own: a place and a date no other article uses. */
    static final class GoodArticles {
        private static final String[] PLACES = {"Kirkuk", "Mosul", "Basra", "Karbala", "Fallujah", "Tikrit",
                "Samarra", "Baqubah", "Diwaniyah", "Nasiriyah", "Hillah", "Kut"};
        private static final String[] WEAPONS = {"Rockets", "Mortar rounds", "A roadside bomb", "A car bomb"};

        private GoodArticles() {
        }

        static List<Article> distinctEvents(int from, int count) {
            List<Article> out = new ArrayList<>();
            for (int i = from; i < from + count; i++) {
                LocalDate day = LocalDate.of(2022, 3, 1).plusDays(7L * i);
                String text = WEAPONS[i % WEAPONS.length] + " struck a police checkpoint in " + PLACES[i] + " on "
                        + day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                        + ", killing " + (i + 2) + " officers and wounding " + (i + 5) + ", security sources said. "
                        + "No group claimed responsibility.";
                out.add(new Article("good-" + i, null, null, day.toString(), "Example Wire", text, null));
            }
            return out;
        }

        static Path jsonLines(Path file, List<Article> articles) throws IOException {
            List<String> lines = new ArrayList<>();
            for (Article a : articles) {
                lines.add(Json.MAPPER.writeValueAsString(a));
            }
            Files.write(file, lines, StandardCharsets.UTF_8);
            return file;
        }
    }
}
