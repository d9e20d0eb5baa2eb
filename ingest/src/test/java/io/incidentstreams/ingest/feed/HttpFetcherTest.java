package io.incidentstreams.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
    private LocalHttpServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws Exception {
        server = LocalHttpServer.start();
        fetcher = new HttpFetcher(HttpFetcher.Settings.defaults().withTimeout(Duration.ofMillis(800))
                .withUserAgent("incident-streams-test/1 (ops@news.example)").withAllowPrivateHosts(true));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FetchResult get(String path) throws InterruptedException {
        return fetcher.get(server.uri(path), Validators.NONE, 10_000, "*/*");
    }

    @Test
    void aConditionalGetSendsTheValidatorsAndA304IsNotModified() throws Exception {
        server.on("/feed", ex -> {
            if ("\"v1\"".equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                ex.sendResponseHeaders(304, -1);
                return;
            }
            ex.getResponseHeaders().set("ETag", "\"v1\"");
            ex.getResponseHeaders().set("Last-Modified", "Tue, 17 Nov 2020 10:00:00 GMT");
            LocalHttpServer.send(ex, 200, "application/rss+xml", "<rss/>");
        });

        FetchResult first = get("/feed");
        assertThat(first).isInstanceOf(FetchResult.Ok.class);
        Validators validators = ((FetchResult.Ok) first).validators();
        assertThat(validators).isEqualTo(new Validators("\"v1\"", "Tue, 17 Nov 2020 10:00:00 GMT"));

        FetchResult second = fetcher.get(server.uri("/feed"), validators, 10_000, "*/*");

        assertThat(second).isInstanceOf(FetchResult.NotModified.class);
        assertThat(server.requests("/feed").get(1).header("If-Modified-Since")).isEqualTo("Tue, 17 Nov 2020 10:00:00 GMT");
        assertThat(server.requests("/feed")).allSatisfy(r ->
                assertThat(r.header("User-Agent")).isEqualTo("incident-streams-test/1 (ops@news.example)"));
    }

    @Test
    void a429And503CarryTheRetryAfterTheServerAskedFor() throws Exception {
        String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.now().plusSeconds(120).atOffset(ZoneOffset.UTC));
        server.on("/busy", ex -> {
            ex.getResponseHeaders().set("Retry-After", "7");
            ex.sendResponseHeaders(429, -1);
        });
        server.on("/down", ex -> {
            ex.getResponseHeaders().set("Retry-After", inTwoMinutes);
            ex.sendResponseHeaders(503, -1);
        });
        server.on("/no-hint", ex -> ex.sendResponseHeaders(429, -1));

        assertThat(get("/busy")).isEqualTo(new FetchResult.Throttled(429, Duration.ofSeconds(7)));
        FetchResult down = get("/down");
        assertThat(down).isInstanceOf(FetchResult.Throttled.class);
        assertThat(((FetchResult.Throttled) down).retryAfter()).isBetween(Duration.ofSeconds(100),
                Duration.ofSeconds(121));
        assertThat(get("/no-hint")).isEqualTo(new FetchResult.Throttled(429, null));
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        server.on("/slow", ex -> server.hang());

        FetchResult result = get("/slow");

        assertThat(result).isInstanceOf(FetchResult.Failed.class);
        FetchResult.Failed failed = (FetchResult.Failed) result;
        assertThat(failed.reason()).contains("within 800 ms");
        assertThat(failed.retriable()).isTrue();
    }

    @Test
    void aServerThatSendsHeadersThenStallsIsCutOffAtTheTimeout() throws Exception {
        server.on("/trickle", ex -> {
            ex.sendResponseHeaders(200, 0); // chunked
            OutputStream out = ex.getResponseBody();
            out.write("<rss>".getBytes(StandardCharsets.UTF_8));
            out.flush();
            server.hang();
        });

        FetchResult result = get("/trickle");

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.reason()).contains("no complete response within 800 ms"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWhileReadingAndByItsContentLength() throws Exception {
        String big = "x".repeat(20_000);
        server.on("/chunked", ex -> {
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(big.getBytes(StandardCharsets.UTF_8));
            }
        });
        server.serve("/sized", "text/html", big);

        assertThat(get("/chunked")).isEqualTo(new FetchResult.Failed("body exceeds the limit of 10000 bytes", false));
        assertThat(get("/sized")).isEqualTo(
                new FetchResult.Failed("Content-Length 20000 exceeds the limit of 10000 bytes", false));
    }

    @Test
    void redirectsAreFollowedAndALoopEndsWithAReason() throws Exception {
        server.on("/moved", ex -> {
            ex.getResponseHeaders().set("Location", "/feed");
            ex.sendResponseHeaders(301, -1);
        });
        server.serve("/feed", "application/rss+xml", "<rss/>");
        server.on("/a", ex -> {
            ex.getResponseHeaders().set("Location", server.uri("/b").toString());
            ex.sendResponseHeaders(302, -1);
        });
        server.on("/b", ex -> {
            ex.getResponseHeaders().set("Location", "/a");
            ex.sendResponseHeaders(307, -1);
        });

        FetchResult moved = get("/moved");
        assertThat(moved).isInstanceOfSatisfying(FetchResult.Ok.class,
                ok -> assertThat(ok.uri()).isEqualTo(server.uri("/feed")));
        FetchResult loop = get("/a");
        assertThat(loop).isInstanceOfSatisfying(FetchResult.Failed.class,
                f -> assertThat(f.reason()).startsWith("redirect loop: " + server.uri("/a")));
    }

    @Test
    void anUnreachableHostIsAFailureWithItsReason() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        FetchResult result = fetcher.get(URI.create("http://127.0.0.1:" + closedPort + "/feed"), Validators.NONE,
                10_000, "*/*");

        assertThat(result).isInstanceOfSatisfying(FetchResult.Failed.class, f -> {
            assertThat(f.reason()).startsWith("cannot connect");
            assertThat(f.retriable()).isTrue();
        });
    }

    @Test
    void otherStatusesAreFailuresAndOnlyServerErrorsAreRetriable() throws Exception {
        server.on("/gone", ex -> ex.sendResponseHeaders(410, -1));
        server.on("/broken", ex -> ex.sendResponseHeaders(500, -1));

        assertThat(get("/gone")).isEqualTo(new FetchResult.Failed("HTTP 410", false));
        assertThat(get("/broken")).isEqualTo(new FetchResult.Failed("HTTP 500", true));
        assertThat(fetcher.get(URI.create("file:///etc/passwd"), Validators.NONE, 10, "*/*"))
                .isEqualTo(new FetchResult.Failed("not an http or https URL: file:///etc/passwd", false));
    }
}
