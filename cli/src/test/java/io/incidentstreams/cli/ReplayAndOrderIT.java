package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.EnrichApp;
import io.incidentstreams.enrich.ProcessingProgress;
import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.enrich.replay.Replay;
import io.incidentstreams.enrich.testing.SharedCorpus;
import io.incidentstreams.ingest.Ingester;
import io.incidentstreams.model.Incident;
import io.incidentstreams.sink.IncidentFormat;
import io.incidentstreams.sink.IncidentSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Determinism on the real broker: arrival order does not change the result, and replays are byte-identical. */
@ExtendWith(SharedKafkaBroker.class)
class ReplayAndOrderIT {
    static final Extractor EXTRACTOR = Extractor.load(null);

    @TempDir
    Path state;

    private PipelineConfig newPipeline(String base) {
        return newPipeline(base, 4);
    }

    private PipelineConfig newPipeline(String base, int partitions) {
        String name = SharedKafkaBroker.uniqueName(base);
        return TestPipelines.pipeline(SharedKafkaBroker.bootstrapServers(), name, state.resolve(name),
                Map.of(PipelineConfig.TOPIC_PARTITIONS, Integer.toString(partitions)));
    }

    /** Every article of the real-article corpora beside the clone (../shared/corpus/a and b). */
    static List<Path> corpusFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String set : List.of("a", "b")) {
            try (Stream<Path> s = Files.list(SharedCorpus.set(set).resolve("articles"))) {
                files.addAll(s.filter(Files::isRegularFile).sorted().collect(Collectors.toList()));
            }
        }
        return files;
    }

    /** Relations in a snapshot that point at an id the snapshot does not hold. */
    private static List<String> danglingRelations(PipelineConfig config) {
        List<Incident> incidents = IncidentSnapshot.read(config, Duration.ofSeconds(30));
        java.util.Set<String> ids = incidents.stream().map(Incident::id).collect(Collectors.toSet());
        return incidents.stream().flatMap(i -> i.relations().stream()
                        .filter(r -> !ids.contains(r.incidentId())).map(r -> i.id() + " -> " + r.incidentId()))
                .toList();
    }

    /** Every article file of the samples and, when present, of ../shared/seeds. */
    static List<Path> articleFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(PipelineIT.SAMPLES, DemoCommandIT.SEEDS)) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    files.addAll(s.filter(Files::isRegularFile).sorted().collect(Collectors.toList()));
                }
            }
        }
        return files;
    }

    private static String snapshotText(PipelineConfig config) {
        return IncidentSnapshot.read(config, Duration.ofSeconds(30)).stream().map(IncidentFormat::jsonLine)
                .collect(Collectors.joining("\n"));
    }

    private static String runInOrder(PipelineConfig config, List<Path> files) throws Exception {
        try (EnrichApp app = new EnrichApp(config, EXTRACTOR::extract, EXTRACTOR.rulesVersion());
             Admin admin = Admin.create(config.clientProperties())) {
            new Ingester(config).ingest(files, p -> { });
            app.start();
            new ProcessingProgress(admin, config.getString(PipelineConfig.APPLICATION_ID),
                    config.topics().rawArticles.name()).awaitCaughtUp(Duration.ofMinutes(2), lag -> { });
        }
        return snapshotText(config);
    }

    @Test
    void theSnapshotIsTheSameForShuffledArrivalOrders() throws Exception {
        List<Path> files = articleFiles();
        String reference = runInOrder(newPipeline("order"), files);
        assertThat(reference).isNotBlank();

        Random random = new Random(20201117);
        // One shuffle of the samples; the real corpora get four in the test below.
        for (int run = 0; run < 1; run++) {
            List<Path> shuffled = new ArrayList<>(files);
            Collections.shuffle(shuffled, random);
            assertThat(runInOrder(newPipeline("order"), shuffled)).as("order %s", shuffled).isEqualTo(reference);
        }
    }

    @Test
    void theRealCorporaGiveOneSnapshotInEveryOrderWithOneOrFourPartitionsAndAfterAReplay() throws Exception {
        List<Path> files = corpusFiles();
        PipelineConfig first = newPipeline("corpus-order", 1);
        String reference = runInOrder(first, files);
        assertThat(reference).isNotBlank();
        assertThat(danglingRelations(first)).isEmpty();

        Random random = new Random(20161113);
        PipelineConfig last = first;
        for (int run = 1; run < 5; run++) {
            List<Path> shuffled = new ArrayList<>(files);
            Collections.shuffle(shuffled, random);
            int partitions = run % 2 == 0 ? 1 : 4;
            last = newPipeline("corpus-order", partitions);
            assertThat(runInOrder(last, shuffled)).as("run %s, %s partitions", run, partitions).isEqualTo(reference);
            assertThat(danglingRelations(last)).as("run %s", run).isEmpty();
        }
        Replay.run(last, EXTRACTOR::extract, EXTRACTOR.rulesVersion(), null, Duration.ofMinutes(3), l -> { });
        assertThat(snapshotText(last)).as("after a replay").isEqualTo(reference);
    }

    @Test
    void twoReplaysGiveByteIdenticalSnapshotsEqualToTheFirstRun() throws Exception {
        PipelineConfig config = newPipeline("replay");
        String first = runInOrder(config, articleFiles());

        Replay.Result r1 = Replay.run(config, EXTRACTOR::extract, EXTRACTOR.rulesVersion(), null, Duration.ofMinutes(2), l -> { });
        String afterFirstReplay = snapshotText(config);
        Replay.Result r2 = Replay.run(config, EXTRACTOR::extract, EXTRACTOR.rulesVersion(), null, Duration.ofMinutes(2), l -> { });
        String afterSecondReplay = snapshotText(config);

        assertThat(afterFirstReplay).isEqualTo(first);
        assertThat(afterSecondReplay).isEqualTo(afterFirstReplay);
        assertThat(r1.liveAfter()).isEqualTo(r1.liveBefore());
        assertThat(r2.tombstoned()).isZero();
    }

    @Test
    void aReplayWithRulesThatNoLongerFindAnIncidentTombstonesIt() throws Exception {
        PipelineConfig config = newPipeline("replay-rules");
        runInOrder(config, articleFiles());
        List<Incident> before = IncidentSnapshot.read(config, Duration.ofSeconds(30));

        Replay.Result result = Replay.run(config, article -> List.of(), "no-rules", null, Duration.ofMinutes(2), l -> { });

        assertThat(result.tombstoned()).isEqualTo(before.size());
        assertThat(IncidentSnapshot.read(config, Duration.ofSeconds(30))).isEmpty();
    }
}
