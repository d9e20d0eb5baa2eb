package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code incidents ingest watch} on the shared broker. */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(120)
class WatchIngestIT {
    @TempDir
    Path dir;

    private PipelineConfig config;
    private String prefix;

    @BeforeEach
    void config() {
        prefix = SharedKafkaBroker.uniqueName("watch") + ".";
        config = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, SharedKafkaBroker.bootstrapServers(),
                PipelineConfig.TOPIC_PREFIX, prefix));
    }

    private String[] watchCommand(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("ingest", "watch", dir.toString(),
                "--bootstrap-servers", SharedKafkaBroker.bootstrapServers(), "--topic-prefix", prefix,
                "--settle", "500ms", "--scan-interval", "200ms"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Writes under a temporary name, then renames into place, as a well-behaved writer does. */
    private void drop(String name, String content) throws IOException {
        Path tmp = dir.resolve(name + ".tmp");
        Files.writeString(tmp, content, StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    @Test
    void filesDroppedIntoTheFolderArePublishedAndARestartRepublishesNothing() throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread watcher = new Thread(() -> exit.set(IncidentsCli.run(watchCommand())), "watch-command");
        watcher.start();

        drop("base.txt", "date 2020-11-17 " + FeedIngestIT.BASE_ATTACK);
        drop("wire.jsonl", "{\"id\":\"wire-1118\",\"publishedAt\":\"2020-11-18\",\"text\":\""
                + FeedIngestIT.PATROL_BOMB + "\"}\n{\"id\":\"wire-1119\",\"text\":\"" + FeedIngestIT.BASE_ATTACK
                + " Two more rockets fell outside the perimeter.\"}\n");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> RawTopic.readCommitted(config).size() >= 3);
        watcher.interrupt();
        watcher.join(Duration.ofSeconds(30).toMillis());
        assertThat(watcher.isAlive()).isFalse();
        assertThat(exit).hasValue(IncidentsCli.OK);
        List<ConsumerRecord<String, io.incidentstreams.model.Article>> first = RawTopic.readCommitted(config);
        assertThat(first).extracting(ConsumerRecord::key).contains("wire-1118", "wire-1119").hasSize(3);

        assertThat(IncidentsCli.run(watchCommand("--once"))).isZero();

        assertThat(RawTopic.readCommitted(config)).as("a restart publishes nothing again").hasSize(3);
    }

    @Test
    void aSymbolicLinkToAFileOutsideTheFolderIsNeverPublished(@TempDir Path elsewhere) throws Exception {
        Path secret = Files.writeString(elsewhere.resolve("passwd"), "date 2020-11-18 " + FeedIngestIT.PATROL_BOMB);
        Files.createSymbolicLink(dir.resolve("p.txt"), secret);
        drop("base.txt", "date 2020-11-17 " + FeedIngestIT.BASE_ATTACK);

        assertThat(IncidentsCli.run(watchCommand("--once"))).isZero();

        assertThat(RawTopic.readCommitted(config)).extracting(r -> r.value().text())
                .containsExactly(FeedIngestIT.BASE_ATTACK);
    }

    @Test
    void aFolderThatDoesNotExistIsAUsageError() {
        assertThat(IncidentsCli.run("ingest", "watch", dir.resolve("missing").toString(),
                "--bootstrap-servers", SharedKafkaBroker.bootstrapServers())).isEqualTo(IncidentsCli.USAGE);
    }
}
