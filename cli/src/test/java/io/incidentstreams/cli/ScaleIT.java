package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.bench.ArticleGenerator;
import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.ProcessingProgress;
import io.incidentstreams.enrich.StoreNames;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.ingest.ArticlePublisher;
import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.model.Article;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * 50,000 generated articles in four equal steps on the real broker. After each step the test counts every
 * store's entries: state must grow in proportion to the articles (the stores' documented bound), not faster.
 * The time per step is printed and written to {@code target/scale.txt}, never asserted: the machines are shared.
 */
@ExtendWith(SharedKafkaBroker.class)
class ScaleIT {
    private static final int STEPS = 4;
    private static final int PER_STEP = 12_500;
    private static final List<String> STORES = List.of(StoreNames.ARTICLE_DIGESTS, StoreNames.ARTICLE_DIGEST_EXPIRY,
            StoreNames.ARTICLE_MENTIONS, StoreNames.MENTIONS, StoreNames.MERGE_INDEX, StoreNames.CLUSTERS,
            StoreNames.INCIDENTS);

    @TempDir
    Path state;

    @Test
    void stateGrowsInProportionToTheArticlesOverFiftyThousand() throws Exception {
        String name = SharedKafkaBroker.uniqueName("scale");
        PipelineConfig config = TestPipelines.pipeline(SharedKafkaBroker.bootstrapServers(), name, state, Map.of());
        Extractor extractor = Extractor.load(null);
        List<Map<String, Long>> counts = new ArrayList<>();
        List<String> report = new ArrayList<>();
        report.add(String.format("%8s %9s %9s  %s", "articles", "step_s", "art/s", "store entries"));
        try (EnrichApp app = new EnrichApp(config, extractor::extract, extractor.rulesVersion());
             Admin admin = Admin.create(config.clientProperties());
             ArticlePublisher publisher = ArticlePublisher.open(config, IngestOptions.defaults())) {
            app.start();
            ProcessingProgress progress = TestPipelines.progress(config, admin);
            for (int step = 1; step <= STEPS; step++) {
                String prefix = "step" + step + "-";
                // Each step is new news: its own seed (events, places, figures) and its own article ids.
                List<Article> batch = new ArticleGenerator(step).generate(PER_STEP).stream()
                        .map(a -> a.withId(prefix + a.id())).toList();
                long start = System.nanoTime();
                batch.forEach(publisher::publish);
                publisher.flush();
                progress.awaitCaughtUp(Duration.ofMinutes(5), lag -> { });
                double seconds = (System.nanoTime() - start) / 1e9;
                Map<String, Long> c = storeEntries(app.streams());
                counts.add(c);
                report.add(String.format("%8d %9.1f %9.0f  %s", step * PER_STEP, seconds, PER_STEP / seconds, c));
            }
            assertThat(app.fatalError()).isNull();
        }
        report.forEach(System.out::println);
        Files.write(Path.of("target", "scale.txt"), report);

        Map<String, Long> first = counts.get(0);
        Map<String, Long> last = counts.get(STEPS - 1);
        for (String store : STORES) {
            assertThat(first.get(store)).as(store + " after the first step").isPositive();
            // Proportional growth gives STEPS; anything quadratic would give about STEPS squared.
            assertThat((double) last.get(store) / first.get(store)).as(store + " growth over " + STEPS + " steps")
                    .isBetween(STEPS * 0.6, STEPS * 1.4);
            for (int i = 1; i < STEPS; i++) {
                assertThat(counts.get(i).get(store)).as(store + " never shrinks between steps")
                        .isGreaterThanOrEqualTo(counts.get(i - 1).get(store));
            }
        }
    }

    /** Exact entry counts of every store, over all partitions (a test may iterate: the app never does). */
    private static Map<String, Long> storeEntries(KafkaStreams streams) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String store : STORES) {
            ReadOnlyKeyValueStore<Object, Object> s = streams.store(
                    StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
            long n = 0;
            try (KeyValueIterator<Object, Object> it = s.all()) {
                while (it.hasNext()) {
                    it.next();
                    n++;
                }
            }
            out.put(store, n);
        }
        return out;
    }
}
