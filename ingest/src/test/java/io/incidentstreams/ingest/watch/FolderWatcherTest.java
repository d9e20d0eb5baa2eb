package io.incidentstreams.ingest.watch;

import static io.incidentstreams.ingest.files.InputFiles.CHECKPOINT_CLASH;
import static io.incidentstreams.ingest.files.InputFiles.MARKET_ATTACK;
import static io.incidentstreams.ingest.files.InputFiles.TRUCE_TALKS;
import static io.incidentstreams.ingest.files.InputFiles.dated;
import static io.incidentstreams.ingest.files.InputFiles.jsonArticle;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.feed.FakeTicker;
import io.incidentstreams.ingest.feed.InMemoryLedger;
import io.incidentstreams.ingest.files.InputFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderWatcherTest {
    static final Duration SETTLE = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private InputFiles files;
    private final FakeTicker ticker = new FakeTicker();
    private final InMemoryLedger ledger = new InMemoryLedger();

    @BeforeEach
    void setUp() {
        files = new InputFiles(dir);
    }

    private FolderWatcher watcher() {
        return new FolderWatcher(dir, new FolderWatcher.Settings(SETTLE, Duration.ofSeconds(1), 2),
                IngestOptions.defaults(), ledger, ticker, WatchListener.NONE);
    }

    @Test
    void aFileIsReadOnlyOnceItsSizeAndTimeHaveSettled() throws Exception {
        FolderWatcher watcher = watcher();
        Path file = files.text("market.txt", dated("2022-05-17", "Three mortar rounds fell"));

        assertThat(watcher.scan()).isZero();
        ticker.advance(Duration.ofSeconds(1));
        assertThat(watcher.scan()).isZero();
        Files.writeString(file, MARKET_ATTACK.substring("Three mortar rounds fell".length()), StandardOpenOption.APPEND);
        ticker.advance(Duration.ofSeconds(2));
        assertThat(watcher.scan()).as("it grew: the wait starts over").isZero();
        ticker.advance(Duration.ofSeconds(2));
        assertThat(watcher.scan()).isEqualTo(1);

        assertThat(ledger.articles).singleElement().satisfies(out -> {
            assertThat(out.article().text()).isEqualTo(MARKET_ATTACK);
            assertThat(out.article().publishedAt()).isEqualTo("2022-05-17");
            assertThat(out.headers()).containsEntry(FolderWatcher.FILE_HEADER, file.toString());
        });
        ticker.advance(Duration.ofSeconds(5));
        assertThat(watcher.scan()).as("read once").isZero();
    }

    @Test
    void filesBeingWrittenUnderTemporaryOrHiddenNamesAreReadOnlyOnceRenamedIntoPlace() throws Exception {
        FolderWatcher watcher = watcher();
        Path partial = files.text("clash.txt.part", CHECKPOINT_CLASH);
        files.text(".draft.txt", TRUCE_TALKS);
        files.text(".staging/batch.jsonl", jsonArticle().id("x").text(TRUCE_TALKS).line());

        watcher.scan();
        ticker.advance(SETTLE);
        assertThat(watcher.scan()).isZero();

        Files.move(partial, dir.resolve("clash.txt"), StandardCopyOption.ATOMIC_MOVE);
        watcher.scan();
        ticker.advance(SETTLE);
        watcher.scan();

        assertThat(ledger.articles).singleElement()
                .satisfies(out -> assertThat(out.article().text()).isEqualTo(CHECKPOINT_CLASH));
    }

    @Test
    void aRestartSkipsFilesAlreadyPublished() throws Exception {
        files.text("a/market.txt", MARKET_ATTACK);
        files.jsonLines("b/batch.jsonl", jsonArticle().id("wire-1").text(TRUCE_TALKS).line());
        FolderWatcher first = watcher();
        first.scan();
        ticker.advance(SETTLE);
        assertThat(first.scan()).isEqualTo(2);
        int commits = ledger.commits;

        FolderWatcher second = watcher();
        second.scan();
        ticker.advance(SETTLE);
        assertThat(second.scan()).as("both files settle and are looked at").isEqualTo(2);

        assertThat(ledger.articleIds()).hasSize(2);
        assertThat(ledger.commits).as("nothing committed again").isEqualTo(commits);
    }

    @Test
    void anAppendedJsonLinesFilePublishesOnlyItsNewLines() throws Exception {
        Path batch = files.jsonLines("batch.jsonl", jsonArticle().id("wire-1").text(TRUCE_TALKS).line(),
                jsonArticle().id("wire-2").text(CHECKPOINT_CLASH).line());
        FolderWatcher watcher = watcher();
        watcher.scan();
        ticker.advance(SETTLE);
        watcher.scan();

        Files.writeString(batch, jsonArticle().id("wire-3").text(MARKET_ATTACK).line() + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        watcher.scan();
        ticker.advance(SETTLE);
        watcher.scan();

        assertThat(ledger.articleIds()).containsExactly("wire-1", "wire-2", "wire-3");
    }

    @Test
    void aBadFileGoesToTheDeadLettersOnceAndTheSameArticleInTwoFilesIsPublishedOnce() throws Exception {
        files.text("empty.txt", "");
        files.text("one.txt", MARKET_ATTACK);
        files.text("copy-of-one.txt", MARKET_ATTACK);
        FolderWatcher watcher = watcher();
        watcher.scan();
        ticker.advance(SETTLE);
        watcher.scan();

        FolderWatcher restarted = watcher();
        restarted.scan();
        ticker.advance(SETTLE);
        restarted.scan();

        assertThat(ledger.deadLetters).singleElement().satisfies(r -> assertThat(r.reason()).isEqualTo("empty file"));
        assertThat(ledger.articles).hasSize(1);
        assertThat(ledger.marks).containsKey(FolderWatcher.fileKey(dir.resolve("copy-of-one.txt")));
    }

    @Test
    void symbolicLinksToFilesAndFoldersOutsideAreNeverReadAndEachIsReportedOnce(@TempDir Path elsewhere)
            throws Exception {
        InputFiles outside = new InputFiles(elsewhere);
        Path secret = outside.text("passwd.txt", CHECKPOINT_CLASH);
        outside.text("more/notes.txt", TRUCE_TALKS);
        Files.createSymbolicLink(dir.resolve("p.txt"), secret);
        Files.createSymbolicLink(dir.resolve("sub"), elsewhere.resolve("more"));
        files.text("real.txt", MARKET_ATTACK);
        List<String> skipped = new ArrayList<>();
        FolderWatcher watcher = new FolderWatcher(dir, new FolderWatcher.Settings(SETTLE, Duration.ofSeconds(1), 2),
                IngestOptions.defaults(), ledger, ticker, new WatchListener() {
                    @Override
                    public void skipped(Path file, String reason) {
                        skipped.add(dir.relativize(file) + ": " + reason);
                    }
                });

        watcher.scan();
        ticker.advance(SETTLE);
        watcher.scan();
        ticker.advance(SETTLE);
        watcher.scan();

        assertThat(ledger.articles).singleElement()
                .satisfies(out -> assertThat(out.article().text()).isEqualTo(MARKET_ATTACK));
        assertThat(ledger.deadLetters).isEmpty();
        assertThat(skipped).containsExactlyInAnyOrder("p.txt: " + FolderWatcher.LINK_SKIPPED,
                "sub: " + FolderWatcher.LINK_SKIPPED);
    }
}
