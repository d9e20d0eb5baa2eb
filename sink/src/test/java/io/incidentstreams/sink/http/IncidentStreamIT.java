package io.incidentstreams.sink.http;

import static io.incidentstreams.sink.http.ApiFixture.json;
import static io.incidentstreams.sink.testing.IncidentBuilder.id;
import static io.incidentstreams.sink.testing.IncidentBuilder.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.serde.Json;
import io.incidentstreams.topics.SchemaVersion;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** The event stream on a real topic: live changes, resume with Last-Event-ID, and records the view skips. */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(120)
class IncidentStreamIT {
    static final Duration WAIT = Duration.ofSeconds(20);

    private ApiFixture api;

    @BeforeEach
    void start() {
        api = new ApiFixture("stream");
        api.awaitApplied(api.publish(incident(id(1)).date("2020-10-01").build()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private SseReader stream(String lastEventId) throws Exception {
        return new SseReader(api.http, api.uri("incidents/stream"), lastEventId);
    }

    @Test
    void aNewClientGetsThePositionThenEveryChangeAsItHappens() throws Exception {
        try (SseReader sse = stream(null)) {
            SseReader.Event hello = sse.next(WAIT);
            assertThat(hello.name()).isEqualTo("position");
            assertThat(Position.parse(hello.id())).isEqualTo(api.view.index().position());

            api.publish(incident(id(2)).date("2020-11-17").build());
            SseReader.Event upsert = sse.next(WAIT);
            api.publish(incident(id(3)).mergedFrom(id(2)).build());
            api.delete(id(2));
            SseReader.Event survivor = sse.next(WAIT);
            SseReader.Event deletion = sse.next(WAIT);

            assertThat(upsert.name()).isEqualTo("upsert");
            assertThat(Json.MAPPER.readTree(upsert.data()).get("id").asText()).isEqualTo(id(2));
            assertThat(survivor.name()).isEqualTo("upsert");
            assertThat(deletion.name()).isEqualTo("delete");
            JsonNode deleted = Json.MAPPER.readTree(deletion.data());
            assertThat(deleted.get("id").asText()).isEqualTo(id(2));
            assertThat(deleted.get("survivor").asText()).isEqualTo(id(3));
            assertThat(Position.parse(deletion.id())).isEqualTo(api.view.index().position());
        }
    }

    @Test
    void aClientThatResumesWithLastEventIdGetsWhatItMissedAndNothingItHad() throws Exception {
        String lastSeen;
        try (SseReader sse = stream(null)) {
            sse.next(WAIT);
            api.publish(incident(id(2)).date("2020-11-17").build());
            lastSeen = sse.next(WAIT).id();
        }

        api.publish(incident(id(3)).date("2020-12-01").build());
        api.publish(incident(id(2)).date("2020-11-17").casualties(2, 7).build());
        api.awaitApplied(api.delete(id(1)));

        try (SseReader sse = stream(lastSeen)) {
            SseReader.Event a = sse.next(WAIT);
            SseReader.Event b = sse.next(WAIT);
            SseReader.Event c = sse.next(WAIT);
            SseReader.Event hello = sse.next(WAIT);

            assertThat(java.util.List.of(a, b, c)).extracting(e -> e.name() + " " + Json.MAPPER.readTree(e.data()).get("id").asText())
                    .containsExactlyInAnyOrder("upsert " + id(3), "upsert " + id(2), "delete " + id(1));
            JsonNode updated = java.util.stream.Stream.of(a, b, c).filter(e -> e.data().contains(id(2))).map(e -> {
                try {
                    return Json.MAPPER.readTree(e.data());
                } catch (java.io.IOException x) {
                    throw new java.io.UncheckedIOException(x);
                }
            }).findFirst().orElseThrow();
            assertThat(updated.get("killed").asInt()).as("the latest version").isEqualTo(2);
            assertThat(hello.name()).isEqualTo("position");
            assertThat(parse(hello.data()).get("replayed").asInt()).isEqualTo(3);
            assertThat(Position.parse(hello.id())).isEqualTo(api.view.index().position());
            assertThat(sse.poll(Duration.ofMillis(300))).as("nothing more").isNull();
        }
    }

    @Test
    void resumingFromTheVeryStartReplaysTheWholeState() throws Exception {
        api.awaitApplied(api.delete(id(1)));
        api.awaitApplied(api.publish(incident(id(4)).build()));

        try (SseReader sse = stream("0:0")) {
            SseReader.Event first = sse.next(WAIT);
            SseReader.Event second = sse.next(WAIT);

            assertThat(java.util.List.of(first.name(), second.name())).containsExactlyInAnyOrder("delete", "upsert");
            assertThat(sse.next(WAIT).name()).isEqualTo("position");
        }
    }

    @Test
    void aMalformedLastEventIdIsA400AndAStreamRequestWithoutAcceptIsA406() {
        HttpResponse<String> bad = api.get("incidents/stream", "Accept", "text/event-stream", ApiServer.LAST_EVENT_ID, "yesterday");
        HttpResponse<String> badParam = api.get("incidents/stream?lastEventId=0:-4", "Accept", "text/event-stream");
        HttpResponse<String> noAccept = api.get("incidents/stream");

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json(bad).get("parameter").asText()).isEqualTo("Last-Event-ID");
        assertThat(badParam.statusCode()).isEqualTo(400);
        assertThat(json(badParam).get("parameter").asText()).isEqualTo("lastEventId");
        assertThat(noAccept.statusCode()).isEqualTo(406);
        assertThat(json(noAccept).get("status").asInt()).isEqualTo(406);
    }

    @Test
    void aRecordOfAnUnknownSchemaVersionOrNotAnIncidentIsSkippedAndCountedAndTheViewGoesOn() {
        api.send(id(5), Json.MAPPER.createObjectNode().put("id", id(5)).toString().getBytes(StandardCharsets.UTF_8),
                SchemaVersion.headers("2"));
        api.send(id(6), "{not json".getBytes(StandardCharsets.UTF_8), SchemaVersion.headers(SchemaVersion.INCIDENT));
        api.awaitApplied(api.publish(incident(id(7)).build()));

        JsonNode metrics = json(api.get("metrics"));
        assertThat(metrics.at("/view/recordsSkipped").asLong()).isEqualTo(2);
        assertThat(api.get("incidents/" + id(5)).statusCode()).isEqualTo(404);
        assertThat(api.get("incidents/" + id(7)).statusCode()).isEqualTo(200);
        await().atMost(WAIT).until(() -> json(api.get("health")).get("status").asText().equals("UP"));
    }

    private static JsonNode parse(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
