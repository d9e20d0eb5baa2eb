package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentstreams.bench.ArticleGenerator;
import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.Source;
import io.incidentstreams.sink.IncidentSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrich processes killed with SIGKILL part-way through a batch of synthetic articles. Exactly-once means the
 * end state does not depend on the crash: the snapshot equals that of an undisturbed run over the same articles,
 * and no incident is live twice.
 *
 * <p>Enrich runs as {@code incidents enrich} in child JVMs ({@link EnrichProcess}), on the shared broker. A 6 s
 * session timeout lets the group notice a killed member in seconds rather than the default 45.
 */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EnrichCrashIT {
    /** The size the fault test asks for; {@code -Dincidents.crash.articles=N} changes it. See docs/benchmarks.md. */
    static final int ARTICLES = Integer.getInteger("incidents.crash.articles", 20_000);
    static final Extractor EXTRACTOR = Extractor.load(null);
    static final String[] FAST_FAILOVER = {"consumer.session.timeout.ms=6000", "consumer.heartbeat.interval.ms=1000"};
    static final Path LOGS = Path.of("target", "enrich-crash-logs");

    static List<Article> articles;
    static List<Incident> undisturbed;

    @TempDir
    static Path work;

    @BeforeAll
    static void undisturbedRun() throws Exception {
        articles = new ArticleGenerator(11).generate(ARTICLES);
        PipelineConfig config = pipeline("undisturbed");
        TestPipelines.publish(config, articles);
        try (EnrichApp app = new EnrichApp(config, EXTRACTOR::extract, EXTRACTOR.rulesVersion())) {
            app.start();
            TestPipelines.awaitProcessed(config, Duration.ofMinutes(3));
        }
        undisturbed = IncidentSnapshot.read(config, Duration.ofSeconds(60));
        assertThat(undisturbed).hasSizeGreaterThan(ARTICLES / 4);
    }

    private static PipelineConfig pipeline(String base) {
        String name = SharedKafkaBroker.uniqueName(base);
        return TestPipelines.pipeline(SharedKafkaBroker.bootstrapServers(), name, work.resolve(name), Map.of());
    }

    @Test
    void anEnrichProcessKilledMidwayAndRestartedOnItsStateEndsWithTheUndisturbedSnapshot() throws Exception {
        PipelineConfig config = pipeline("crash");
        Path state = work.resolve(config.getString(PipelineConfig.APPLICATION_ID) + "-state");
        TestPipelines.publish(config, articles);

        try (EnrichProcess first = EnrichProcess.start(config, state, LOGS.resolve("crash-first.log"), FAST_FAILOVER)) {
            awaitProcessedAtLeast(config, ARTICLES / 10, first);
            first.kill();
        }
        long processedAtCrash = TestPipelines.processedRawArticles(config, ARTICLES);
        assertThat(processedAtCrash).as("articles committed when the process was killed").isBetween(1L, ARTICLES - 1L);

        try (EnrichProcess second = EnrichProcess.start(config, state, LOGS.resolve("crash-second.log"), FAST_FAILOVER)) {
            TestPipelines.awaitProcessed(config, Duration.ofMinutes(3));
            assertThat(second.isAlive()).as("%s", second).isTrue();
        }

        assertSameAsUndisturbed(config);
    }

    @Test
    void whenOneOfTwoEnrichInstancesIsKilledTheOtherTakesOverAndTheSnapshotIsTheSame() throws Exception {
        PipelineConfig config = pipeline("failover");
        String applicationId = config.getString(PipelineConfig.APPLICATION_ID);
        TestPipelines.publish(config, articles);

        try (EnrichProcess doomed = EnrichProcess.start(config, work.resolve(applicationId + "-a"),
                     LOGS.resolve("failover-a.log"), FAST_FAILOVER);
             EnrichProcess survivor = EnrichProcess.start(config, work.resolve(applicationId + "-b"),
                     LOGS.resolve("failover-b.log"), FAST_FAILOVER);
             Admin admin = Admin.create(config.clientProperties())) {
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                    .failFast("an enrich process died", () -> !doomed.isAlive() || !survivor.isAlive())
                    .until(() -> membersWithPartitions(admin, applicationId) == 2);
            awaitProcessedAtLeast(config, ARTICLES / 10, doomed);

            doomed.kill();
            assertThat(TestPipelines.processedRawArticles(config, ARTICLES)).as("articles committed at the kill")
                    .isLessThan(ARTICLES);

            TestPipelines.awaitProcessed(config, Duration.ofMinutes(3));
            assertThat(survivor.isAlive()).as("%s", survivor).isTrue();
            assertThat(membersWithPartitions(admin, applicationId)).isEqualTo(1);
        }

        assertSameAsUndisturbed(config);
    }

    private static void awaitProcessedAtLeast(PipelineConfig config, long count, EnrichProcess process) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .failFast("enrich died: " + process, () -> !process.isAlive())
                .until(() -> TestPipelines.processedRawArticles(config, ARTICLES) >= count);
    }

    /** Members of the group that own partitions; 0 while the group does not exist yet. */
    private static long membersWithPartitions(Admin admin, String groupId) throws Exception {
        ConsumerGroupDescription group;
        try {
            group = admin.describeConsumerGroups(List.of(groupId)).all().get(10, TimeUnit.SECONDS).get(groupId);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return 0;
            }
            throw e;
        }
        return group.members().stream().map(MemberDescription::assignment)
                .filter(a -> !a.topicPartitions().isEmpty()).count();
    }

    /**
     * The snapshot equals the undisturbed one, and the topic read in full holds nothing more: no key outside the
     * snapshot is live (a duplicate left by a re-processed batch would be), and no incident counts an article
     * twice.
     */
    private static void assertSameAsUndisturbed(PipelineConfig config) {
        List<Incident> snapshot = IncidentSnapshot.read(config, Duration.ofSeconds(60));
        assertThat(snapshot).hasSameSizeAs(undisturbed);
        assertThat(snapshot).isEqualTo(undisturbed);

        Map<String, Incident> live = TestPipelines.live(TestPipelines.readAll(config, config.topics().incidents));
        assertThat(live.keySet()).isEqualTo(snapshot.stream().map(Incident::id).collect(Collectors.toSet()));
        assertThat(live.values()).allSatisfy(incident -> assertThat(incident.sources()).extracting(Source::articleId)
                .as("sources of %s", incident.id()).doesNotHaveDuplicates());
    }
}
