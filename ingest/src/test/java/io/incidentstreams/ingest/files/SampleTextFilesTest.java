package io.incidentstreams.ingest.files;

import static io.incidentstreams.ingest.files.InputFiles.CHECKPOINT_CLASH;
import static io.incidentstreams.ingest.files.InputFiles.MARKET_ATTACK;
import static io.incidentstreams.ingest.files.InputFiles.dated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.incidentstreams.ingest.ArticleIds;
import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.ingest.ReadResult.Accepted;
import io.incidentstreams.ingest.ReadResult.Rejected;
import io.incidentstreams.model.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleTextFilesTest {
    @TempDir
    Path dir;

    private InputFiles files;
    private final ArticleFiles reader = new ArticleFiles(IngestOptions.DEFAULT_MAX_ARTICLE_BYTES);

    @BeforeEach
    void setUp() {
        files = new InputFiles(dir);
    }

    private List<ReadResult> read(Path... inputs) {
        try (Stream<ReadResult> results = reader.read(List.of(inputs))) {
            return results.toList();
        }
    }

    private Article onlyArticle(Path input) {
        List<ReadResult> results = read(input);
        assertThat(results).singleElement().isInstanceOf(Accepted.class);
        return ((Accepted) results.get(0)).article();
    }

    private Rejected onlyRejection(Path input) {
        List<ReadResult> results = read(input);
        assertThat(results).singleElement().isInstanceOf(Rejected.class);
        return (Rejected) results.get(0);
    }

    @Test
    void datePrefixBecomesThePublicationDateAndTheRestOfTheLineStartsTheText() {
        Path file = files.text("market.txt", dated("2022-05-17", MARKET_ATTACK));

        Article article = onlyArticle(file);

        assertThat(article.publishedAt()).isEqualTo("2022-05-17");
        assertThat(article.text()).isEqualTo(MARKET_ATTACK);
        assertThat(article.title()).isNull();
        assertThat(article.origin()).isEqualTo(file.toString());
        assertThat(article.id()).isEqualTo(ArticleIds.idFor(null, null, MARKET_ATTACK));
    }

    @Test
    void datePrefixWithoutLeadingSpaceOrWithExtraSpacesIsStillRecognised() {
        Path bare = files.text("bare.txt", "date 2022-05-17 " + CHECKPOINT_CLASH);
        Path spaced = files.text("spaced.txt", "   date \t 2022-05-17    " + CHECKPOINT_CLASH);

        assertThat(onlyArticle(bare).publishedAt()).isEqualTo("2022-05-17");
        assertThat(onlyArticle(bare).text()).isEqualTo(CHECKPOINT_CLASH);
        assertThat(onlyArticle(spaced).publishedAt()).isEqualTo("2022-05-17");
        assertThat(onlyArticle(spaced).text()).isEqualTo(CHECKPOINT_CLASH);
    }

    @Test
    void fileWithoutPrefixIsWholeTextWithoutDate() {
        Path file = files.text("undated.txt", CHECKPOINT_CLASH + "\n");

        Article article = onlyArticle(file);

        assertThat(article.publishedAt()).isNull();
        assertThat(article.text()).isEqualTo(CHECKPOINT_CLASH + "\n");
    }

    @Test
    void textThatOnlyStartsWithTheWordDateIsNotAPrefix() {
        String text = "Date palms burned for hours after a shell landed in an orchard near the river, farmers said.";
        Path file = files.text("palms.txt", text);

        Article article = onlyArticle(file);

        assertThat(article.publishedAt()).isNull();
        assertThat(article.text()).isEqualTo(text);
    }

    @Test
    void byteOrderMarkBeforeThePrefixIsIgnored() {
        Path file = files.text("bom.txt", "\uFEFF" + dated("2021-11-02", CHECKPOINT_CLASH));

        Article article = onlyArticle(file);

        assertThat(article.publishedAt()).isEqualTo("2021-11-02");
        assertThat(article.text()).isEqualTo(CHECKPOINT_CLASH);
    }

    @Test
    void impossibleDatePrefixIsRejected() {
        Path file = files.text("bad-date.txt", dated("2020-13-45", MARKET_ATTACK));

        Rejected rejected = onlyRejection(file);

        assertThat(rejected.source()).isEqualTo(file.toString());
        assertThat(rejected.reason()).contains("impossible date prefix").contains("2020-13-45");
        assertThat(rejected.raw()).isEqualTo(dated("2020-13-45", MARKET_ATTACK).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void datePrefixInTheYear3000OrBefore1900IsRejected() {
        Rejected future = onlyRejection(files.text("future.txt", dated("3000-01-01", MARKET_ATTACK)));
        Rejected old = onlyRejection(files.text("old.txt", dated("1899-12-31", MARKET_ATTACK)));

        assertThat(future.reason()).startsWith("date prefix: publishedAt '3000-01-01' is more than a day in the future");
        assertThat(old.reason()).isEqualTo("date prefix: publishedAt '1899-12-31' is before 1900-01-01");
    }

    @Test
    void dayThatDoesNotExistInItsMonthIsAnImpossibleDate() {
        Path file = files.text("feb.txt", dated("2023-02-30", MARKET_ATTACK));

        assertThat(onlyRejection(file).reason()).contains("impossible date prefix '2023-02-30'");
    }

    @Test
    void emptyFileIsRejected() {
        Path file = files.bytes("empty.txt", new byte[0]);

        assertThat(onlyRejection(file).reason()).isEqualTo("empty file");
    }

    @Test
    void fileOfOnlyWhitespaceIsRejected() {
        Path file = files.text("blank.txt", "  \n\t\n");

        assertThat(onlyRejection(file).reason()).contains("only whitespace");
    }

    @Test
    void datePrefixWithoutTextIsRejected() {
        Path file = files.text("prefix-only.txt", " date 2022-05-17 \n");

        assertThat(onlyRejection(file).reason()).isEqualTo("no text after the date prefix");
    }

    @Test
    void binaryFileIsRejected() {
        Path file = files.bytes("photo.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});

        Rejected rejected = onlyRejection(file);

        assertThat(rejected.reason()).contains("binary file");
        assertThat(rejected.raw()).hasSize(12);
    }

    @Test
    void invalidUtf8IsRejectedWithTheOffsetOfTheBadByte() {
        byte[] latin1 = "Caf\u00e9 bombing".getBytes(StandardCharsets.ISO_8859_1);
        Path file = files.bytes("latin1.txt", latin1);

        Rejected rejected = onlyRejection(file);

        assertThat(rejected.reason()).contains("not valid UTF-8").contains("byte offset 3");
        assertThat(rejected.raw()).isEqualTo(latin1);
    }

    @Test
    void tenMegabyteFileIsRejectedBySizeWithoutBeingRead() {
        Path file = files.sparse("huge.txt", 10L * 1024 * 1024);

        Rejected rejected = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> onlyRejection(file));

        assertThat(rejected.reason()).contains("10485760 bytes").contains("maximum article size of 524288 bytes");
        assertThat(rejected.raw()).isNull();
        assertThat(rejected.truncated()).isTrue();
    }

    @Test
    void maximumArticleSizeIsConfigurable() {
        ArticleFiles small = new ArticleFiles(64);
        Path file = files.text("long.txt", MARKET_ATTACK);

        List<ReadResult> results;
        try (Stream<ReadResult> stream = small.read(file)) {
            results = stream.toList();
        }

        assertThat(results).singleElement().isInstanceOfSatisfying(Rejected.class, rejected -> {
            assertThat(rejected.reason()).contains("maximum article size of 64 bytes");
            assertThat(rejected.truncated()).isTrue();
        });
    }

    @Test
    void textJustUnderTheLimitIsAcceptedEvenWithItsPrefix() {
        String text = "x".repeat(100);
        ArticleFiles exact = new ArticleFiles(100);

        try (Stream<ReadResult> stream = exact.read(files.text("exact.txt", dated("2022-01-01", text)))) {
            assertThat(stream.toList()).singleElement().isInstanceOf(Accepted.class);
        }
    }

    @Test
    void savedWebPageIsRejectedAsHtml() {
        Path file = files.text("page.txt", """
                <!DOCTYPE html>
                <html><head><title>News</title><script>var a = 1;</script></head>
                <body><div class="story"><p>Shelling hit the port.</p></div></body></html>
                """);

        assertThat(onlyRejection(file).reason()).contains("HTML");
    }

    @Test
    void pageBodyWithoutDoctypeIsRejectedAsHtml() {
        Path file = files.text("fragment.txt", dated("2022-05-17", """
                <body><div id="main"><div class="row"><span class="x">Shelling</span></div>
                <ul class="nav"><li><a href="/a">Home</a></li><li><a href="/b">World</a></li></ul></div></body>
                """));

        assertThat(onlyRejection(file).reason()).contains("HTML");
    }

    @Test
    void articleThatMentionsATagIsStillText() {
        Path file = files.text("mentions.txt", MARKET_ATTACK + " The police statement was posted as a page whose "
                + "<body> held a single sentence.");

        assertThat(onlyArticle(file).text()).contains("<body>");
    }

    @Test
    void missingInputIsRejected() {
        Path missing = dir.resolve("nowhere.txt");

        Rejected rejected = onlyRejection(missing);

        assertThat(rejected.source()).isEqualTo(missing.toString());
        assertThat(rejected.reason()).isEqualTo("no such file or directory");
    }

    @Test
    void unreadableEntryInADirectoryIsRejectedAndTheOthersAreRead() throws Exception {
        files.text("a.txt", MARKET_ATTACK);
        Files.createSymbolicLink(dir.resolve("b.txt"), dir.resolve("deleted.txt"));
        files.text("c.txt", CHECKPOINT_CLASH);

        List<ReadResult> results;
        try (Stream<ReadResult> all = new ArticleFiles(IngestOptions.DEFAULT_MAX_ARTICLE_BYTES, true).read(dir)) {
            results = all.toList();
        }

        assertThat(results).extracting(ReadResult::source)
                .containsExactly(dir.resolve("a.txt").toString(), dir.resolve("b.txt").toString(),
                        dir.resolve("c.txt").toString());
        assertThat(results.get(1)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).isEqualTo("no such file or directory"));
        assertThat(results.get(0)).isInstanceOf(Accepted.class);
        assertThat(results.get(2)).isInstanceOf(Accepted.class);
    }

    @Test
    void directoryIsReadRecursivelyInSortedOrderSkippingHiddenEntries() {
        files.text("b.txt", CHECKPOINT_CLASH);
        files.text("a/z.txt", MARKET_ATTACK);
        files.text("a/c.txt", CHECKPOINT_CLASH + " Later report.");
        files.text("a/.notes.txt", "private");
        files.text(".git/HEAD", "ref: refs/heads/main");
        files.text("c.md", "A third article about a roadside bomb near the bridge.");

        List<ReadResult> results = read(dir);

        assertThat(results).extracting(ReadResult::source).containsExactly(
                dir.resolve("a/c.txt").toString(), dir.resolve("a/z.txt").toString(),
                dir.resolve("b.txt").toString(), dir.resolve("c.md").toString());
        assertThat(results).allMatch(r -> r instanceof Accepted);
    }

    @Test
    void badFileDoesNotStopTheOthers() {
        files.text("1.txt", MARKET_ATTACK);
        files.bytes("2.txt", new byte[0]);
        files.text("3.txt", CHECKPOINT_CLASH);

        List<ReadResult> results = read(dir);

        assertThat(results).hasSize(3);
        assertThat(results).filteredOn(r -> r instanceof Accepted).hasSize(2);
        assertThat(results).filteredOn(r -> r instanceof Rejected).singleElement()
                .extracting(ReadResult::source).isEqualTo(dir.resolve("2.txt").toString());
    }

    @Test
    void sameFileReadTwiceGetsTheSameId() {
        Path file = files.text("again.txt", dated("2022-05-17", MARKET_ATTACK));

        assertThat(onlyArticle(file).id()).isEqualTo(onlyArticle(file).id()).startsWith("sha256:");
    }
}
