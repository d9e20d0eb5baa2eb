package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.bench.ArticleGenerator;
import io.incidentstreams.broker.KafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.IngestSummary;
import io.incidentstreams.ingest.Ingester;
import io.incidentstreams.model.Article;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The broker stops and starts again while {@code ingest} runs. The idempotent producer retries through the outage:
 * the run completes, and the raw topic holds every article exactly once.
 *
 * <p>A broker of its own, not the shared one, since it is stopped.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class IngestBrokerRestartIT {
    static final int ARTICLES = 12_000;
    static final int BUFFER_BYTES = 2 * 1024 * 1024;

    @TempDir
    Path work;

    @Test
    void ingestRidesOutABrokerRestartWithNothingLostAndNothingDuplicated() throws Exception {
        List<Article> articles = new ArticleGenerator(5).generate(ARTICLES);
        Path file = BadInputIT.GoodArticles.jsonLines(work.resolve("articles.jsonl"), articles);
        try (KafkaBroker broker = KafkaBroker.builder().heapMb(256)
                .logFile(Path.of("target", "ingest-broker-restart.log").toAbsolutePath()).start()) {
            // A producer buffer far smaller than the articles, so that sends block while the broker is away.
            PipelineConfig config = TestPipelines.pipeline(broker.bootstrapServers(), "restart", work.resolve("state"),
                    Map.of(ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(BUFFER_BYTES)));
            CountDownLatch brokerDown = new CountDownLatch(1);
            CompletableFuture<Void> restart = new CompletableFuture<>();
            AtomicBoolean triggered = new AtomicBoolean();
            IngestOptions options = IngestOptions.defaults().withProgress(ARTICLES / 4, Duration.ofHours(1));

            // A quarter of the way in, the broker stops; ingest goes on reading and sending while it is down.
            IngestSummary summary = new Ingester(config, options).ingest(List.of(file), progress -> {
                if (progress.read() >= ARTICLES / 4 && triggered.compareAndSet(false, true)) {
                    Thread restarter = new Thread(() -> {
                        try {
                            broker.stop();
                            brokerDown.countDown();
                            broker.restart();
                            restart.complete(null);
                        } catch (RuntimeException e) {
                            brokerDown.countDown();
                            restart.completeExceptionally(e);
                        }
                    }, "broker-restarter");
                    restarter.start();
                    awaitQuietly(brokerDown);
                }
            });

            restart.get(2, TimeUnit.MINUTES);
            assertThat(brokerDown.getCount()).as("the broker was stopped during ingest").isZero();
            assertThat(summary.read()).isEqualTo(ARTICLES);
            assertThat(summary.published()).isEqualTo(ARTICLES);
            assertThat(summary.rejected()).isZero();
            assertThat(summary.complete()).isTrue();

            List<ConsumerRecord<String, Article>> onTopic = TestPipelines.readAll(config, config.topics().rawArticles);
            assertThat(onTopic).hasSize(ARTICLES);
            Map<String, Long> timesPublished = onTopic.stream()
                    .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            Map<String, Long> timesGiven = articles.stream()
                    .collect(Collectors.groupingBy(Article::id, Collectors.counting()));
            assertThat(timesPublished).isEqualTo(timesGiven);
            Map<String, Article> given = articles.stream()
                    .collect(Collectors.toMap(Article::id, Function.identity(), (a, b) -> a));
            assertThat(onTopic).allSatisfy(r -> assertThat(r.value().text()).isEqualTo(given.get(r.key()).text()));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the broker did not stop within a minute");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
