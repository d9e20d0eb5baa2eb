package io.incidentstreams.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.model.Article;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FeedPollerTest {
    private LocalHttpServer server;
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final FakeTicker ticker = new FakeTicker();
    private final List<String> failures = new ArrayList<>();
    private final FeedListener listener = new FeedListener() {
        @Override
        public void failed(URI feed, String reason) {
            failures.add(feed.getPath() + ": " + reason);
        }
    };
    private HttpFetcher fetcher = new HttpFetcher(HttpFetcher.Settings.defaults()
            .withTimeout(Duration.ofMillis(700)).withAllowPrivateHosts(true));
    private FeedSettings settings = FeedSettings.defaults().withPageRetries(3, Duration.ofMillis(10));

    @BeforeEach
    void start() throws Exception {
        server = LocalHttpServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FeedPoller poller(String... paths) {
        List<URI> feeds = java.util.Arrays.stream(paths).map(server::uri).toList();
        return new FeedPoller(feeds, settings, fetcher, ledger, ticker, new Random(7), listener);
    }

    private String page(String path) {
        return server.uri(path).toString();
    }

    @Test
    void aFeedThatChangesBetweenPollsPublishesOnlyItsNewItems() throws Exception {
        AtomicReference<String> feed = new AtomicReference<>(Feeds.rss("Example News")
                .item("urn:ex:1", page("/a1"), "Base attack", "Tue, 17 Nov 2020 19:30:00 +0300", Feeds.BASE_ATTACK)
                .xml());
        server.on("/feed", ex -> LocalHttpServer.send(ex, 200, "application/rss+xml", feed.get()));
        FeedPoller poller = poller("/feed");

        poller.pollEachOnce();
        feed.set(Feeds.rss("Example News")
                .item("urn:ex:2", page("/a2"), "Patrol bombed", "Wed, 18 Nov 2020 09:00:00 +0300", Feeds.CHECKPOINT_BOMB)
                .item("urn:ex:1", page("/a1"), "Base attack", "Tue, 17 Nov 2020 19:30:00 +0300", Feeds.BASE_ATTACK)
                .xml());
        poller.pollEachOnce();
        poller.pollEachOnce();

        assertThat(ledger.articleIds()).containsExactly("urn:ex:1", "urn:ex:2");
        Article first = ledger.articles.get(0).article();
        assertThat(first).isEqualTo(new Article("urn:ex:1", page("/a1"), "Base attack", "2020-11-17T16:30:00Z",
                "Example News", Feeds.BASE_ATTACK, server.uri("/feed").toString()));
        assertThat(ledger.articles.get(0).headers()).containsEntry(FeedHeaders.FEED, server.uri("/feed").toString())
                .doesNotContainKey(FeedHeaders.SUMMARY_ONLY);
        assertThat(ledger.marks).containsOnlyKeys("feed-item:urn:ex:1", "feed-item:urn:ex:2");
        assertThat(server.requests("/feed")).hasSize(3);
    }

    @Test
    void aFeedThatAnswers304IsNotParsedAgainAndTheSecondRequestIsConditional() throws Exception {
        String xml = Feeds.rss("Example News").item("urn:ex:1", null, "t", null, Feeds.BASE_ATTACK).xml();
        server.on("/feed", ex -> {
            if ("\"abc\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", "\"abc\"");
            LocalHttpServer.send(ex, 200, "application/rss+xml", xml);
        });
        AtomicInteger notModified = new AtomicInteger();
        FeedPoller poller = new FeedPoller(List.of(server.uri("/feed")), settings, fetcher, ledger, ticker,
                new Random(7), new FeedListener() {
                    @Override
                    public void notModified(URI feed) {
                        notModified.incrementAndGet();
                    }
                });

        poller.pollEachOnce();
        poller.pollEachOnce();

        assertThat(notModified).hasValue(1);
        assertThat(ledger.articleIds()).containsExactly("urn:ex:1");
        assertThat(server.requests("/feed").get(1).header("If-None-Match")).isEqualTo("\"abc\"");
    }

    @Test
    void aThrottledFeedIsLeftAloneUntilItsRetryAfterHasPassed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        String xml = Feeds.rss("Example News").item("urn:ex:1", null, "t", null, Feeds.BASE_ATTACK).xml();
        server.on("/feed", ex -> {
            if (calls.incrementAndGet() == 1) {
                ex.getResponseHeaders().set("Retry-After", "120");
                ex.sendResponseHeaders(429, -1);
                return;
            }
            LocalHttpServer.send(ex, 200, "application/rss+xml", xml);
        });
        FeedPoller poller = poller("/feed");

        poller.pollEachOnce();
        poller.pollEachOnce();
        assertThat(server.requests("/feed")).hasSize(1);
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0)).startsWith("/feed: HTTP 429 with Retry-After 120 s");
        assertThat(failures.get(1)).startsWith("/feed: skipped: host closed for");

        ticker.advance(Duration.ofSeconds(133));
        poller.pollEachOnce();

        assertThat(server.requests("/feed")).hasSize(2);
        assertThat(ledger.articleIds()).containsExactly("urn:ex:1");
    }

    @Test
    void theRunLoopWaitsOutAThrottledHostWithoutPollingIt() throws Exception {
        server.on("/feed", ex -> {
            ex.getResponseHeaders().set("Retry-After", "300");
            ex.sendResponseHeaders(503, -1);
        });
        settings = settings.withInterval(Duration.ofSeconds(10));
        ticker.stoppingAtSleep(1);

        poller("/feed").run();

        assertThat(server.requests("/feed")).hasSize(1);
        assertThat(ticker.sleeps).hasSize(1);
        assertThat(ticker.sleeps.get(0)).isGreaterThanOrEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void brokenSlowAndUnreachableFeedsAreReportedAndTheOtherFeedsAreStillServed() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        server.serve("/broken", "application/rss+xml", "<rss><channel><item><title>cut");
        server.serve("/html", "text/html", "<!doctype html><html><body>Maintenance</body></html>");
        server.on("/slow", ex -> server.hang());
        server.serve("/good", "application/rss+xml",
                Feeds.rss("Good").item("urn:good:1", null, "t", null, Feeds.DRONE_STRIKE).xml());
        List<URI> feeds = List.of(server.uri("/broken"), server.uri("/html"), server.uri("/slow"),
                URI.create("http://127.0.0.1:" + closedPort + "/unreachable"), server.uri("/good"));

        new FeedPoller(feeds, settings, fetcher, ledger, ticker, new Random(7), listener).pollEachOnce();

        assertThat(ledger.articleIds()).containsExactly("urn:good:1");
        assertThat(failures).hasSize(4);
        assertThat(failures.get(0)).startsWith("/broken: malformed XML");
        assertThat(failures.get(1)).isEqualTo("/html: an HTML page, not a feed");
        assertThat(failures.get(2)).isEqualTo("/slow: no complete response within 700 ms");
        assertThat(failures.get(3)).startsWith("/unreachable: cannot connect");
    }

    @Test
    void withPagesTheArticleIsThePagesTextHeadlineAndDate() throws Exception {
        server.serve("/story", "text/html; charset=utf-8", PageTextTest.boilerplatePage());
        server.serve("/feed", "application/rss+xml", Feeds.rss("Example News")
                .item("urn:ex:9", page("/story"), "Feed headline", "Tue, 17 Nov 2020 19:00:00 GMT", "Teaser.").xml());
        settings = settings.withFetchPages(true);

        poller("/feed").pollEachOnce();

        Article article = ledger.articles.get(0).article();
        assertThat(article.text()).isEqualTo(PageTextTest.FIRST + "\n\n" + PageTextTest.SECOND + "\n\n"
                + PageTextTest.THIRD);
        assertThat(article.title()).isEqualTo("Rockets hit Ain al-Asad base");
        assertThat(article.publishedAt()).isEqualTo("2020-11-17T21:05:00+03:00");
        assertThat(ledger.articles.get(0).headers()).doesNotContainKey(FeedHeaders.SUMMARY_ONLY);
    }

    @Test
    void aPageThatKeepsFailingIsTriedALimitedNumberOfTimesThenTheSummaryGoesOutWithAHeader() throws Exception {
        server.on("/story", ex -> ex.sendResponseHeaders(502, -1));
        server.serve("/feed", "application/rss+xml", Feeds.rss("Example News")
                .item("urn:ex:3", page("/story"), "Headline", null, Feeds.CHECKPOINT_BOMB).xml());
        settings = settings.withFetchPages(true);

        poller("/feed").pollEachOnce();

        assertThat(server.requests("/story")).hasSize(3);
        LedgerBatch.Outgoing out = ledger.articles.get(0);
        assertThat(out.article().text()).isEqualTo(Feeds.CHECKPOINT_BOMB);
        assertThat(out.headers()).containsEntry(FeedHeaders.SUMMARY_ONLY, "true")
                .containsEntry(FeedHeaders.PAGE_ERROR, "HTTP 502 (after 3 attempts)");
        assertThat(ledger.marks.get("feed-item:urn:ex:3").summaryOnly()).isTrue();
    }

    @Test
    void aPageInARedirectLoopIsNotRetriedAndItsSummaryGoesOut() throws Exception {
        server.on("/loop", ex -> {
            ex.getResponseHeaders().set("Location", "/loop");
            ex.sendResponseHeaders(302, -1);
        });
        server.serve("/feed", "application/rss+xml", Feeds.rss("Example News")
                .item("urn:ex:4", page("/loop"), "Headline", null, Feeds.DRONE_STRIKE).xml());
        settings = settings.withFetchPages(true);

        poller("/feed").pollEachOnce();

        assertThat(server.requests("/loop")).hasSize(1);
        assertThat(ledger.articles.get(0).headers().get(FeedHeaders.PAGE_ERROR)).startsWith("redirect loop");
    }

    @Test
    void anItemWithNothingToPublishGoesToTheDeadLettersOnce() throws Exception {
        server.serve("/feed", "application/rss+xml",
                Feeds.rss("Example News").item("urn:ex:5", page("/none"), null, null, null).xml());
        settings = settings.withFetchPages(true);
        FeedPoller poller = poller("/feed");

        poller.pollEachOnce();
        poller.pollEachOnce();

        assertThat(ledger.articles).isEmpty();
        assertThat(ledger.deadLetters).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("feed item has no title, summary or page text (page: HTTP 404)");
            assertThat(r.source()).isEqualTo(server.uri("/feed") + " item urn:ex:5");
        });
    }

    @Test
    void aFeedOverTheSizeLimitIsReportedNotRead() throws Exception {
        String huge = Feeds.rss("x".repeat(5_000)).xml();
        server.serve("/huge", "application/rss+xml", huge);
        settings = settings.withLimits(1_000, 1_000);

        poller("/huge").pollEachOnce();

        assertThat(failures).containsExactly("/huge: Content-Length " + huge.length() + " exceeds the limit of 1000 bytes");
    }

    @Test
    void anItemDatedInTheYear3000GoesToTheDeadLettersWithTheReason() throws Exception {
        server.serve("/feed", "application/rss+xml", Feeds.rss("Example News")
                .item("urn:ex:8", page("/a8"), "Headline", "Wed, 01 Jan 3000 10:00:00 GMT", Feeds.BASE_ATTACK)
                .item("urn:ex:9", page("/a9"), "Other", "Tue, 17 Nov 2020 19:30:00 +0300", Feeds.DRONE_STRIKE).xml());

        poller("/feed").pollEachOnce();

        assertThat(ledger.articleIds()).containsExactly("urn:ex:9");
        assertThat(ledger.deadLetters).singleElement().satisfies(r -> assertThat(r.reason())
                .startsWith("item publishedAt '3000-01-01T10:00:00Z' is more than a day in the future"));
    }

    @Test
    void anItemWhoseLinkIsNotHttpGoesToTheDeadLettersAndItsLinkIsNeverFetched() throws Exception {
        server.serve("/feed", "application/rss+xml", Feeds.rss("Example News")
                .item("urn:ex:6", "javascript:alert(1)", "Headline", null, Feeds.BASE_ATTACK)
                .item("urn:ex:7", page("/fine"), "Other", null, Feeds.DRONE_STRIKE).xml());
        settings = settings.withFetchPages(true);
        server.serve("/fine", "text/html; charset=utf-8", PageTextTest.boilerplatePage());

        poller("/feed").pollEachOnce();

        assertThat(ledger.articleIds()).containsExactly("urn:ex:7");
        assertThat(ledger.deadLetters).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo("item link: url 'javascript:alert(1)' is not an http or https URL");
            assertThat(r.source()).isEqualTo(server.uri("/feed") + " item urn:ex:6");
        });
        assertThat(ledger.marks).containsKey("feed-item:urn:ex:6");
    }
}
