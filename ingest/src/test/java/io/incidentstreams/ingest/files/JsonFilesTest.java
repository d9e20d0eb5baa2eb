package io.incidentstreams.ingest.files;

import static io.incidentstreams.ingest.files.InputFiles.CHECKPOINT_CLASH;
import static io.incidentstreams.ingest.files.InputFiles.MARKET_ATTACK;
import static io.incidentstreams.ingest.files.InputFiles.TRUCE_TALKS;
import static io.incidentstreams.ingest.files.InputFiles.jsonArticle;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.ingest.ArticleIds;
import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.ingest.ReadResult.Accepted;
import io.incidentstreams.ingest.ReadResult.Rejected;
import io.incidentstreams.model.Article;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonFilesTest {
    @TempDir
    Path dir;

    private InputFiles files;
    private final ArticleFiles reader = new ArticleFiles(IngestOptions.DEFAULT_MAX_ARTICLE_BYTES);

    @BeforeEach
    void setUp() {
        files = new InputFiles(dir);
    }

    private List<ReadResult> read(Path input) {
        try (Stream<ReadResult> results = reader.read(input)) {
            return results.toList();
        }
    }

    private static Article article(ReadResult result) {
        assertThat(result).isInstanceOf(Accepted.class);
        return ((Accepted) result).article();
    }

    private static Rejected rejection(ReadResult result) {
        assertThat(result).isInstanceOf(Rejected.class);
        return (Rejected) result;
    }

    @Test
    void jsonLinesGiveOneArticlePerLineWithEveryField() {
        Path file = files.jsonLines("batch.jsonl",
                jsonArticle().id("wire-881").url("https://news.example/a").publishedAt("2021-06-03")
                        .title("Mortars hit market").outlet("Example Wire").text(MARKET_ATTACK).line(),
                jsonArticle().text(CHECKPOINT_CLASH).line());

        List<ReadResult> results = read(file);

        assertThat(results).hasSize(2);
        assertThat(article(results.get(0))).isEqualTo(new Article("wire-881", "https://news.example/a",
                "Mortars hit market", "2021-06-03", "Example Wire", MARKET_ATTACK, file + ":1"));
        Article second = article(results.get(1));
        assertThat(second.id()).isEqualTo(ArticleIds.idFor(null, null, CHECKPOINT_CLASH));
        assertThat(second.origin()).isEqualTo(file + ":2");
        assertThat(second.publishedAt()).isNull();
    }

    @Test
    void urlIsTheIdWhenNoIdIsGiven() {
        Path file = files.jsonLines("u.jsonl", jsonArticle().url("  https://news.example/b  ").text(TRUCE_TALKS).line());

        Article article = article(read(file).get(0));

        assertThat(article.id()).isEqualTo("https://news.example/b");
        assertThat(article.url()).isEqualTo("https://news.example/b");
    }

    @Test
    void articleWhoseUrlIsNotHttpOrHttpsIsRejectedAndTheOtherLinesGoThrough() {
        Path file = files.jsonLines("urls.jsonl",
                jsonArticle().id("x1").url("javascript:alert(1)").text(MARKET_ATTACK).line(),
                jsonArticle().id("x2").url(" JavaScript:alert(document.cookie)").text(TRUCE_TALKS).line(),
                jsonArticle().id("x3").url("data:text/html,<script>alert(1)</script>").text(TRUCE_TALKS).line(),
                jsonArticle().id("x4").url("HTTPS://news.example/ok").text(CHECKPOINT_CLASH).line());

        List<ReadResult> results = read(file);

        assertThat(rejection(results.get(0)).reason())
                .isEqualTo("line 1: url 'javascript:alert(1)' is not an http or https URL");
        assertThat(rejection(results.get(1)).reason()).startsWith("line 2: url 'JavaScript:");
        assertThat(rejection(results.get(2)).reason()).startsWith("line 3: url 'data:");
        assertThat(article(results.get(3)).url()).isEqualTo("HTTPS://news.example/ok");
    }

    @Test
    void publicationDatesInTheYear3000OrTheYear1AreRejectedWithTheirReason() {
        String tomorrow = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
        Path file = files.jsonLines("dates.jsonl",
                jsonArticle().id("d1").publishedAt("3000-01-01").text(MARKET_ATTACK).line(),
                jsonArticle().id("d2").publishedAt("0001-01-01").text(TRUCE_TALKS).line(),
                jsonArticle().id("d3").publishedAt("3000-06-01T10:00:00Z").text(TRUCE_TALKS).line(),
                jsonArticle().id("d4").publishedAt(tomorrow).text(CHECKPOINT_CLASH).line(),
                jsonArticle().id("d5").publishedAt("1900-01-01").text(CHECKPOINT_CLASH).line());

        List<ReadResult> results = read(file);

        assertThat(rejection(results.get(0)).reason())
                .startsWith("line 1: publishedAt '3000-01-01' is more than a day in the future");
        assertThat(rejection(results.get(1)).reason()).isEqualTo("line 2: publishedAt '0001-01-01' is before 1900-01-01");
        assertThat(rejection(results.get(2)).reason()).contains("more than a day in the future");
        assertThat(article(results.get(3)).publishedAt()).isEqualTo(tomorrow);
        assertThat(article(results.get(4)).publishedAt()).isEqualTo("1900-01-01");
    }

    @Test
    void offsetDateTimeIsAcceptedAsPublicationDate() {
        Path file = files.jsonLines("t.jsonl",
                jsonArticle().publishedAt("2021-06-03T08:15:00+03:00").text(TRUCE_TALKS).line());

        assertThat(article(read(file).get(0)).publishedAt()).isEqualTo("2021-06-03T08:15:00+03:00");
    }

    @Test
    void malformedLineIsRejectedWithItsLineNumberAndTheOtherLinesGoThrough() {
        Path file = files.jsonLines("mixed.jsonl",
                jsonArticle().text(MARKET_ATTACK).line(),
                "{\"text\": \"unterminated",
                jsonArticle().text(CHECKPOINT_CLASH).line());

        List<ReadResult> results = read(file);

        assertThat(results).hasSize(3);
        Rejected rejected = rejection(results.get(1));
        assertThat(rejected.source()).isEqualTo(file + ":2");
        assertThat(rejected.reason()).startsWith("line 2: malformed JSON");
        assertThat(rejected.raw()).asString(StandardCharsets.UTF_8).isEqualTo("{\"text\": \"unterminated");
        assertThat(article(results.get(0)).text()).isEqualTo(MARKET_ATTACK);
        assertThat(article(results.get(2)).text()).isEqualTo(CHECKPOINT_CLASH);
    }

    @Test
    void trailingGarbageAfterTheObjectIsMalformed() {
        Path file = files.jsonLines("trail.jsonl", jsonArticle().text(TRUCE_TALKS).line() + " x");

        assertThat(rejection(read(file).get(0)).reason()).startsWith("line 1: malformed JSON");
    }

    @Test
    void lineWithoutTextIsRejected() {
        Path file = files.jsonLines("notext.jsonl",
                jsonArticle().id("a1").title("Headline only").line(),
                jsonArticle().id("a2").text("   ").line());

        List<ReadResult> results = read(file);

        assertThat(results).extracting(r -> rejection(r).reason())
                .containsExactly("line 1: no text", "line 2: no text");
    }

    @Test
    void impossibleDateIsRejected() {
        Path file = files.jsonLines("date.jsonl", jsonArticle().publishedAt("2020-13-45").text(MARKET_ATTACK).line());

        Rejected rejected = rejection(read(file).get(0));

        assertThat(rejected.source()).isEqualTo(file + ":1");
        assertThat(rejected.reason()).contains("line 1").contains("impossible publishedAt '2020-13-45'");
    }

    @Test
    void fieldOfTheWrongTypeIsRejected() {
        Path file = files.jsonLines("types.jsonl", jsonArticle().field("title", 7).text(MARKET_ATTACK).line());

        assertThat(rejection(read(file).get(0)).reason()).isEqualTo("line 1: field 'title' must be a string, not number");
    }

    @Test
    void lineThatIsNotAnObjectIsRejected() {
        Path file = files.jsonLines("array.jsonl", "[1, 2]");

        assertThat(rejection(read(file).get(0)).reason()).isEqualTo("line 1: not a JSON object");
    }

    @Test
    void blankLinesAndWindowsLineEndsAreTolerated() {
        Path file = files.text("crlf.jsonl", jsonArticle().text(MARKET_ATTACK).line() + "\r\n\r\n  \r\n"
                + jsonArticle().text(TRUCE_TALKS).line() + "\r\n");

        List<ReadResult> results = read(file);

        assertThat(results).hasSize(2).allMatch(r -> r instanceof Accepted);
        assertThat(results.get(1).source()).isEqualTo(file + ":4");
    }

    @Test
    void fileOfBlankLinesIsRejectedAsEmpty() {
        Path file = files.text("blank.jsonl", "\n\n  \n");

        assertThat(read(file)).singleElement()
                .satisfies(r -> assertThat(rejection(r).reason()).isEqualTo("empty file: no JSON lines"));
    }

    @Test
    void emptyJsonLinesFileIsRejected() {
        Path file = files.bytes("empty.jsonl", new byte[0]);

        assertThat(rejection(read(file).get(0)).reason()).isEqualTo("empty file");
    }

    @Test
    void invalidUtf8LineIsRejectedAndTheNextLineIsRead() {
        byte[] bad = "{\"text\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = (jsonArticle().text(TRUCE_TALKS).line() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bad.length + good.length];
        System.arraycopy(bad, 0, content, 0, bad.length);
        System.arraycopy(good, 0, content, bad.length, good.length);
        Path file = files.bytes("latin1.jsonl", content);

        List<ReadResult> results = read(file);

        assertThat(rejection(results.get(0)).reason()).isEqualTo(
                "line 1: not valid UTF-8: malformed byte sequence at byte offset 13 of the line");
        assertThat(article(results.get(1)).text()).isEqualTo(TRUCE_TALKS);
    }

    @Test
    void lineHoldingANulByteIsRejectedAloneAndTheOtherLinesAreRead() {
        byte[] good1 = (jsonArticle().id("a").text(MARKET_ATTACK).line() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"id\": \"b\", \"text\": \"nul\u0000here\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] good3 = (jsonArticle().id("c").text(TRUCE_TALKS).line() + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[good1.length + bad.length + good3.length];
        System.arraycopy(good1, 0, content, 0, good1.length);
        System.arraycopy(bad, 0, content, good1.length, bad.length);
        System.arraycopy(good3, 0, content, good1.length + bad.length, good3.length);
        Path file = files.bytes("mixed.jsonl", content);

        List<ReadResult> results = read(file);

        assertThat(results).hasSize(3);
        assertThat(article(results.get(0)).id()).isEqualTo("a");
        Rejected rejected = rejection(results.get(1));
        assertThat(rejected.source()).isEqualTo(file + ":2");
        assertThat(rejected.reason()).isEqualTo("line 2: binary content (NUL bytes)");
        assertThat(article(results.get(2)).id()).isEqualTo("c");
    }

    @Test
    void binaryJsonLinesFileIsRejectedAsAWhole() {
        Path file = files.bytes("data.jsonl", new byte[] {'{', 0, 1, 2, 0, '\n', 0, 0});

        assertThat(read(file)).singleElement()
                .satisfies(r -> assertThat(rejection(r).reason()).isEqualTo("binary file: contains NUL bytes"));
    }

    @Test
    void textAboveTheLimitIsRejectedWithoutItsContent() {
        ArticleFiles small = new ArticleFiles(50);
        Path file = files.jsonLines("big.jsonl", jsonArticle().text(MARKET_ATTACK).line(),
                jsonArticle().text("Short report.").line());

        List<ReadResult> results;
        try (Stream<ReadResult> stream = small.read(file)) {
            results = stream.toList();
        }

        Rejected rejected = rejection(results.get(0));
        assertThat(rejected.reason()).contains("exceeds the maximum article size of 50 bytes");
        assertThat(rejected.raw()).isNull();
        assertThat(rejected.truncated()).isTrue();
        assertThat(article(results.get(1)).text()).isEqualTo("Short report.");
    }

    @Test
    void lineFarAboveTheLimitIsSkippedWithoutBeingHeldAndTheNextLineIsRead() {
        ArticleFiles small = new ArticleFiles(10);
        String huge = jsonArticle().text("y".repeat(200_000)).line();
        Path file = files.jsonLines("huge.jsonl", huge, jsonArticle().text("Tiny.").line());

        List<ReadResult> results;
        try (Stream<ReadResult> stream = small.read(file)) {
            results = stream.toList();
        }

        Rejected rejected = rejection(results.get(0));
        assertThat(rejected.reason()).startsWith("line 1: " + huge.length() + " bytes, longer than the maximum line");
        assertThat(rejected.truncated()).isTrue();
        assertThat(article(results.get(1)).text()).isEqualTo("Tiny.");
    }

    @Test
    void htmlInsteadOfTextIsRejected() {
        Path file = files.jsonLines("html.jsonl", jsonArticle()
                .text("<html><body><div><p>Gunfire</p></div></body></html>").line());

        assertThat(rejection(read(file).get(0)).reason()).isEqualTo("line 1: text is HTML markup, not article text");
    }

    @Test
    void jsonFileHoldingOneObjectIsOneArticle() {
        Path file = files.text("one.json", jsonArticle().id("solo-1").text(TRUCE_TALKS).line());

        Article article = article(read(file).get(0));

        assertThat(article.id()).isEqualTo("solo-1");
        assertThat(article.origin()).isEqualTo(file.toString());
    }

    @Test
    void jsonArrayGivesOneResultPerElementNamedByItsLine() {
        Path file = files.text("many.json", "[\n"
                + jsonArticle().id("e1").text(MARKET_ATTACK).line() + ",\n"
                + jsonArticle().id("e2").publishedAt("2019-02-29").text(CHECKPOINT_CLASH).line() + ",\n"
                + jsonArticle().id("e3").text(TRUCE_TALKS).line() + "\n]\n");

        List<ReadResult> results = read(file);

        assertThat(results).hasSize(3);
        assertThat(article(results.get(0)).id()).isEqualTo("e1");
        assertThat(rejection(results.get(1)).source()).isEqualTo(file + ":3");
        assertThat(rejection(results.get(1)).reason()).contains("impossible publishedAt '2019-02-29'");
        assertThat(article(results.get(2)).origin()).isEqualTo(file + ":4");
    }

    @Test
    void brokenJsonArrayKeepsTheElementsBeforeTheError() {
        Path file = files.text("broken.json", "[\n" + jsonArticle().id("ok").text(TRUCE_TALKS).line() + ",\n{\"id\": ]");

        List<ReadResult> results = read(file);

        assertThat(results).hasSize(2);
        assertThat(article(results.get(0)).id()).isEqualTo("ok");
        assertThat(rejection(results.get(1)).reason()).startsWith("malformed JSON at line 3")
                .endsWith("the rest of the file was not read");
    }

    @Test
    void emptyJsonArrayIsRejected() {
        Path file = files.text("none.json", "[ ]");

        assertThat(rejection(read(file).get(0)).reason()).isEqualTo("no articles: the JSON array is empty");
    }

    @Test
    void sameLineReadTwiceGetsTheSameId() {
        Path file = files.jsonLines("twice.jsonl", jsonArticle().text(MARKET_ATTACK).line());

        assertThat(article(read(file).get(0)).id()).isEqualTo(article(read(file).get(0)).id());
    }
}
