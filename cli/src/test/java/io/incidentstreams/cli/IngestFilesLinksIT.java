package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.ingest.DeadLetters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code incidents ingest files} on a folder holding a symbolic link to a file outside it, on the shared broker. */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(120)
class IngestFilesLinksIT {
    @TempDir
    Path root;

    private Path inbox;
    private PipelineConfig config;
    private String prefix;

    @BeforeEach
    void folderWithALinkOut() throws Exception {
        prefix = SharedKafkaBroker.uniqueName("links") + ".";
        config = new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, SharedKafkaBroker.bootstrapServers(),
                PipelineConfig.TOPIC_PREFIX, prefix));
        inbox = Files.createDirectories(root.resolve("inbox"));
        Path secret = Files.writeString(Files.createDirectories(root.resolve("private")).resolve("passwd"),
                "date 2020-11-18 " + FeedIngestIT.PATROL_BOMB);
        Files.writeString(inbox.resolve("base.txt"), "date 2020-11-17 " + FeedIngestIT.BASE_ATTACK);
        Files.createSymbolicLink(inbox.resolve("p.txt"), secret);
    }

    private int ingest(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("ingest", "files", inbox.toString(),
                "--bootstrap-servers", SharedKafkaBroker.bootstrapServers(), "--topic-prefix", prefix));
        args.addAll(List.of(extra));
        return IncidentsCli.run(args.toArray(String[]::new));
    }

    @Test
    void aLinkOutOfTheFolderIsRejectedWithItsReasonAndNotPublished() {
        assertThat(ingest()).as("a rejected input").isEqualTo(IncidentsCli.FAILED);

        assertThat(RawTopic.readCommitted(config)).extracting(r -> r.value().text())
                .containsExactly(FeedIngestIT.BASE_ATTACK);
        List<ConsumerRecord<byte[], byte[]>> letters = TestPipelines.readAll(config, config.topics().deadLetters);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(TestPipelines.header(letter, DeadLetters.SOURCE)).isEqualTo(inbox.resolve("p.txt").toString());
            assertThat(TestPipelines.header(letter, DeadLetters.REASON)).startsWith("symbolic link, not followed");
            assertThat(letter.value()).isNull();
        });
    }

    @Test
    void withFollowLinksTheLinkIsRead() {
        assertThat(ingest("--follow-links")).isEqualTo(IncidentsCli.OK);

        assertThat(RawTopic.readCommitted(config)).extracting(r -> r.value().text())
                .containsExactlyInAnyOrder(FeedIngestIT.BASE_ATTACK, FeedIngestIT.PATROL_BOMB);
    }
}
