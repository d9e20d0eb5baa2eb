package io.incidentstreams.ingest.files;

import static io.incidentstreams.ingest.files.InputFiles.CHECKPOINT_CLASH;
import static io.incidentstreams.ingest.files.InputFiles.MARKET_ATTACK;
import static io.incidentstreams.ingest.files.InputFiles.TRUCE_TALKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.ingest.ReadResult.Accepted;
import io.incidentstreams.ingest.ReadResult.Rejected;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolicLinksTest {
    @TempDir
    Path root;

    private Path inbox;
    private Path outside;

    @BeforeEach
    void setUp() throws Exception {
        inbox = Files.createDirectories(root.resolve("inbox"));
        outside = Files.createDirectories(root.resolve("private"));
        new InputFiles(inbox).text("real.txt", MARKET_ATTACK);
        new InputFiles(outside).text("secret.txt", CHECKPOINT_CLASH);
        new InputFiles(outside).text("more/notes.txt", TRUCE_TALKS);
        Files.createSymbolicLink(inbox.resolve("p.txt"), outside.resolve("secret.txt"));
        Files.createSymbolicLink(inbox.resolve("sub"), outside.resolve("more"));
    }

    private static List<ReadResult> read(ArticleFiles reader, Path input) {
        try (Stream<ReadResult> results = reader.read(input)) {
            return results.toList();
        }
    }

    private static List<String> texts(List<ReadResult> results) {
        return results.stream().filter(r -> r instanceof Accepted).map(r -> ((Accepted) r).article().text()).toList();
    }

    @Test
    void linksInsideAFolderAreRejectedWithTheirReasonAndNothingOutsideIsRead() {
        List<ReadResult> results = read(new ArticleFiles(IngestOptions.defaults()), inbox);

        assertThat(texts(results)).containsExactly(MARKET_ATTACK);
        assertThat(results).filteredOn(r -> r instanceof Rejected)
                .extracting(ReadResult::source, r -> ((Rejected) r).reason())
                .containsExactlyInAnyOrder(
                        tuple(inbox.resolve("p.txt").toString(),
                                PathWalker.LINK_NOT_FOLLOWED),
                        tuple(inbox.resolve("sub").toString(),
                                PathWalker.LINK_NOT_FOLLOWED));
        assertThat(results).filteredOn(r -> r instanceof Rejected)
                .allSatisfy(r -> assertThat(((Rejected) r).raw()).isNull());
    }

    @Test
    void linksAreReadWhenFollowingIsAskedFor() {
        List<ReadResult> results = read(new ArticleFiles(IngestOptions.defaults().withFollowLinks(true)), inbox);

        assertThat(results).allMatch(r -> r instanceof Accepted);
        assertThat(texts(results)).containsExactlyInAnyOrder(MARKET_ATTACK, CHECKPOINT_CLASH, TRUCE_TALKS);
    }

    @Test
    void aLinkNamedExplicitlyAsAnInputIsRead() {
        List<ReadResult> results = read(new ArticleFiles(IngestOptions.defaults()), inbox.resolve("p.txt"));

        assertThat(texts(results)).containsExactly(CHECKPOINT_CLASH);
    }
}
