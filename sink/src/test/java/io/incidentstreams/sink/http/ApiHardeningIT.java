package io.incidentstreams.sink.http;

import static io.incidentstreams.sink.testing.IncidentBuilder.id;
import static io.incidentstreams.sink.testing.IncidentBuilder.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server probed as an attacker would: Jetty's own error pages, bad percent-encoding, other methods, a
 * foreign Host header (DNS rebinding), many stream clients at once and resume positions the topic never had.
 */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(120)
class ApiHardeningIT {
    static final int CAP = 5;
    static ApiFixture api;
    static int port;
    static String host;

    @BeforeAll
    static void start() {
        api = new ApiFixture("hardening", ApiServer.Options.defaults().withMaxStreams(CAP));
        api.awaitApplied(api.publish(incident(id(1)).date("2020-10-01").build()));
        port = api.server.port();
        host = "127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static JsonNode json(RawHttp.Response r) {
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/json");
        try {
            return Json.MAPPER.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + r.body(), e);
        }
    }

    private static void assertJsonError(RawHttp.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        JsonNode body = json(r);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(body.get("reason").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("<html", "jetty", "Jetty", "at org.");
    }

    @Test
    void aUriTooLongIsA414InJson() {
        RawHttp.Response r = RawHttp.get(port, "/incidents?place=" + "a".repeat(20_000), host);

        assertJsonError(r, 414);
    }

    @Test
    void headersTooLargeAreA431InJson() {
        RawHttp.Response r = RawHttp.get(port, "/incidents", host, "X-Padding: " + "a".repeat(20_000));

        assertJsonError(r, 431);
    }

    @Test
    void aRequestJettyCannotParseIsA400InJson() {
        RawHttp.Response r = RawHttp.send(port, "GET /incidents HTTP/1.1\r\nHost: " + host + "\r\nno colon in this header");

        assertJsonError(r, 400);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/incidents?place=zz%zz          | place",
            "/incidents?place=baghdad%00     | place",
            "/incidents?place=%0Abaghdad     | place",
            "/incidents?actor=%C3%28         | actor",
            "/incidents?place=trailing%2     | place",
            "/incidents/stream?lastEventId=0%3A1%zz | lastEventId"})
    void aBadPercentEncodingIsA400NamingTheParameterNeverADroppedFilter(String target, String parameter) {
        RawHttp.Response r = RawHttp.get(port, target, host, "Accept: text/event-stream");

        assertJsonError(r, 400);
        assertThat(json(r).get("parameter").asText()).isEqualTo(parameter);
    }

    @Test
    void aGoodPercentEncodingStillFilters() {
        RawHttp.Response r = RawHttp.get(port, "/incidents?place=%62aghdad", host);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "DELETE  | /incidents",
            "PUT     | /incidents/inc-0000000000000001",
            "PATCH   | /health",
            "POST    | /incidents",
            "DELETE  | /",
            "OPTIONS | /metrics",
            "PURGE   | /incidents"})
    void anotherMethodIsA405WithAllowInJson(String method, String target) {
        RawHttp.Response r = RawHttp.send(port, method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 0");

        assertJsonError(r, 405);
        assertThat(r.header("Allow")).isEqualTo("GET, HEAD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]"})
    void aLoopbackServerAnswersItsLoopbackNamesOnItsPort(String name) {
        RawHttp.Response r = RawHttp.get(port, "/health", name + ":" + port);

        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rebind.attacker.example:PORT", "localhost.attacker.example:PORT", "127.0.0.1:1",
            "localhost", "10.0.0.1:PORT"})
    void aForeignHostHeaderIsA421InJsonOnEveryPath(String header) {
        String h = header.replace("PORT", String.valueOf(port));
        for (String target : List.of("/health", "/incidents", "/", "/schema/incident.schema.json")) {
            RawHttp.Response r = RawHttp.get(port, target, h);

            assertJsonError(r, 421);
            assertThat(json(r).get("reason").asText()).contains("Host");
        }
    }

    @Test
    void aForeignHostCannotOpenAStream() {
        RawHttp.Response r = RawHttp.get(port, "/incidents/stream", "rebind.attacker.example:" + port,
                "Accept: text/event-stream");

        assertJsonError(r, 421);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "7:0         | partition 7",
            "0:0,2:0     | partition 2",
            "0:99999999  | past the end",
            "1:4000000000| past the end"})
    void aLastEventIdTheTopicNeverHadIsA400(String lastEventId, String reason) {
        RawHttp.Response byHeader = RawHttp.get(port, "/incidents/stream", host, "Accept: text/event-stream",
                "Last-Event-ID: " + lastEventId);
        RawHttp.Response byParam = RawHttp.get(port, "/incidents/stream?lastEventId=" + lastEventId.replace(":", "%3A"),
                host, "Accept: text/event-stream");

        assertJsonError(byHeader, 400);
        assertThat(json(byHeader).get("parameter").asText()).isEqualTo("Last-Event-ID");
        assertThat(json(byHeader).get("reason").asText()).contains(reason);
        assertJsonError(byParam, 400);
        assertThat(json(byParam).get("parameter").asText()).isEqualTo("lastEventId");
    }

    @Test
    void theCurrentPositionIsAGoodLastEventId() throws Exception {
        String position = api.view.index().position().toString();
        try (SseReader sse = new SseReader(api.http, api.uri("incidents/stream"), position)) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.next(Duration.ofSeconds(20)).name()).isEqualTo("position");
        }
    }

    /** Opens a stream on a raw socket and returns its status, leaving the socket open (the stream held). */
    private static int openStream(Socket s) throws IOException {
        s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        s.setSoTimeout(30_000);
        s.getOutputStream().write(("GET /incidents/stream HTTP/1.1\r\nHost: " + host
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            line.append((char) c);
        }
        return Integer.parseInt(line.toString().split(" ")[1]);
    }

    @Test
    void twoHundredClientsAtOnceGetExactlyTheCapOfStreams() throws Exception {
        int clients = 200;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        List<Socket> sockets = new ArrayList<>();
        List<Future<Integer>> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Socket s = new Socket();
                sockets.add(s);
                statuses.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return openStream(s);
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            int accepted = 0;
            int refused = 0;
            for (Future<Integer> f : statuses) {
                int status = f.get(60, TimeUnit.SECONDS);
                if (status == 200) {
                    accepted++;
                } else if (status == 503) {
                    refused++;
                }
            }

            assertThat(accepted).isEqualTo(CAP);
            assertThat(refused).isEqualTo(clients - CAP);
        } finally {
            for (Socket s : sockets) {
                s.close();
            }
            pool.shutdownNow();
        }
        // Every place is given back once its client has gone: the next clients get streams again.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                Json.MAPPER.readTree(api.get("metrics").body()).get("http").get("streamClients").asInt() == 0);
        try (SseReader sse = new SseReader(api.http, api.uri("incidents/stream"), null)) {
            assertThat(sse.status()).isEqualTo(200);
        }
    }
}
