package io.incidentstreams.sink.http;

import static io.incidentstreams.sink.http.ApiFixture.json;
import static io.incidentstreams.sink.testing.IncidentBuilder.BAGHDAD_AIRPORT;
import static io.incidentstreams.sink.testing.IncidentBuilder.DIWANIYAH;
import static io.incidentstreams.sink.testing.IncidentBuilder.ERBIL;
import static io.incidentstreams.sink.testing.IncidentBuilder.IRAQ;
import static io.incidentstreams.sink.testing.IncidentBuilder.id;
import static io.incidentstreams.sink.testing.IncidentBuilder.incident;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The query API on a real topic: filters, paging, merged-away ids, errors, health and metrics. */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(120)
class IncidentApiIT {
    static final String TRUCE = id(1);
    static final String GREEN_ZONE = id(2);
    static final String AIRPORT = id(3);
    static final String ERBIL_ROCKETS = id(4);
    static final String UNDATED = id(5);
    static final String NO_PLACE = id(6);
    static final String ABSORBED = id(7);
    static final String DELETED = id(8);
    static final String FIRST_OF_CHAIN = id(9);
    static final String MIDDLE_OF_CHAIN = id(10);
    static final String UNKNOWN = id(99);

    static ApiFixture api;

    @BeforeAll
    static void publishIncidents() {
        api = new ApiFixture("api");
        api.publish(incident(ABSORBED).build());
        api.publish(incident(DELETED).date("2019-05-01").build());
        api.publish(incident(FIRST_OF_CHAIN).at(ERBIL).date("2021-02-14").build());
        api.publish(incident(TRUCE).type(IncidentType.TRUCE).date("2020-10").at(IRAQ).casualties(null, null)
                .party("Iran-backed militias").build());
        api.publish(incident(GREEN_ZONE).perpetrator("Unidentified armed group").breaksTruce(TRUCE).mergedFrom(ABSORBED).build());
        api.publish(incident(AIRPORT).type(IncidentType.AIR_DRONE_STRIKE).date("2020-01-03").at(BAGHDAD_AIRPORT)
                .casualties(2, null).perpetrator("United States").build());
        api.publish(incident(MIDDLE_OF_CHAIN).at(ERBIL).date("2021-02-15").mergedFrom(FIRST_OF_CHAIN).build());
        api.publish(incident(ERBIL_ROCKETS).at(ERBIL).date("2021-02-15").mergedFrom(MIDDLE_OF_CHAIN).build());
        api.publish(incident(UNDATED).type(IncidentType.IED_ATTACK).date(null).at(DIWANIYAH).casualties(0, 0).build());
        api.publish(incident(NO_PLACE).date("2020-11-20").at(Location.unknown("the capital")).build());
        api.delete(ABSORBED);
        api.delete(FIRST_OF_CHAIN);
        api.delete(MIDDLE_OF_CHAIN);
        RecordMetadata last = api.delete(DELETED);
        api.awaitApplied(last);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static List<String> ids(String query) {
        HttpResponse<String> r = api.get("incidents" + query);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        json(r).get("items").forEach(i -> ids.add(i.get("id").asText()));
        return ids;
    }

    @Test
    void theListHoldsEveryLiveIncidentByDateUndatedLastAndNoDeletedOne() {
        assertThat(ids("")).containsExactly(AIRPORT, TRUCE, GREEN_ZONE, NO_PLACE, ERBIL_ROCKETS, UNDATED);
    }

    @Test
    void aDateRangeMatchesEveryIncidentWhoseDateSpanOverlapsIt() {
        assertThat(ids("?from=2020-10-15&to=2020-11-17")).containsExactly(TRUCE, GREEN_ZONE);
        assertThat(ids("?from=2020-11")).containsExactly(GREEN_ZONE, NO_PLACE, ERBIL_ROCKETS);
        assertThat(ids("?to=2020-01-03")).containsExactly(AIRPORT);
        assertThat(ids("?from=2020&to=2020")).containsExactly(AIRPORT, TRUCE, GREEN_ZONE, NO_PLACE);
    }

    @Test
    void typePlaceAndActorFiltersCombine() {
        assertThat(ids("?type=air_drone_strike,agreement_truce")).containsExactly(AIRPORT, TRUCE);
        assertThat(ids("?place=erbil")).containsExactly(ERBIL_ROCKETS);
        assertThat(ids("?place=Baghdad")).containsExactly(AIRPORT, GREEN_ZONE);
        assertThat(ids("?actor=united%20states")).containsExactly(AIRPORT);
        assertThat(ids("?type=shelling_missile_attack&place=baghdad&actor=unidentified")).containsExactly(GREEN_ZONE);
    }

    @Test
    void aBoundingBoxKeepsIncidentsWithCoordinatesInsideIt() {
        assertThat(ids("?bbox=44.2,33.2,44.5,33.4")).containsExactly(AIRPORT, GREEN_ZONE);
        assertThat(ids("?bbox=43,35,45,37")).containsExactly(ERBIL_ROCKETS);
        assertThat(ids("?bbox=-180,-90,180,90")).doesNotContain(NO_PLACE).hasSize(5);
    }

    @Test
    void pagesFollowTheCursorInOrderWithNeitherRepeatNorGap() {
        List<String> all = ids("");
        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json(api.get("incidents?limit=4" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.get("items").forEach(i -> paged.add(i.get("id").asText()));
            assertThat(page.get("total").asInt()).isEqualTo(all.size());
            assertThat(page.get("count").asInt()).isLessThanOrEqualTo(4);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(2);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void theListTellsThePositionItWasReadAtSoAStreamCanResumeFromIt() {
        JsonNode page = json(api.get("incidents?limit=1"));

        assertThat(Position.parse(page.get("position").asText())).isEqualTo(api.view.index().position());
        assertThat(page.get("caughtUp").asBoolean()).isTrue();
    }

    @Test
    void oneIncidentComesWithItsFields() {
        HttpResponse<String> r = api.get("incidents/" + GREEN_ZONE);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        JsonNode body = json(r);
        assertThat(body.get("id").asText()).isEqualTo(GREEN_ZONE);
        assertThat(body.at("/relations/0/type").asText()).isEqualTo("breaks_truce");
        assertThat(body.at("/relations/0/incidentId").asText()).isEqualTo(TRUCE);
    }

    @Test
    void aMergedAwayIdRedirectsToTheIncidentThatAbsorbedIt() {
        HttpResponse<String> r = api.get("incidents/" + ABSORBED);

        assertThat(r.statusCode()).isEqualTo(308);
        assertThat(r.headers().firstValue("Location")).hasValue("/incidents/" + GREEN_ZONE);
        assertThat(json(r).get("survivor").asText()).isEqualTo(GREEN_ZONE);
    }

    @Test
    void aChainOfMergesRedirectsStraightToTheLiveIncident() {
        HttpResponse<String> r = api.get("incidents/" + FIRST_OF_CHAIN);

        assertThat(r.statusCode()).isEqualTo(308);
        assertThat(r.headers().firstValue("Location")).hasValue("/incidents/" + ERBIL_ROCKETS);
    }

    @Test
    void aDeletedIdNoIncidentAbsorbedIsGoneAndAnUnknownIdIsNotFound() {
        HttpResponse<String> gone = api.get("incidents/" + DELETED);
        HttpResponse<String> unknown = api.get("incidents/" + UNKNOWN);

        assertThat(gone.statusCode()).isEqualTo(410);
        assertThat(json(gone).get("status").asInt()).isEqualTo(410);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("reason").asText()).contains(UNKNOWN);
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @CsvSource(delimiter = '|', value = {
            "incidents?from=17-11-2020                | from      | YYYY-MM-DD",
            "incidents?from=2020-02-30                | from      | YYYY-MM-DD",
            "incidents?from=2021-01-01&to=2020-01-01  | from      | after",
            "incidents?type=riot                      | type      | agreement_truce",
            "incidents?bbox=44,33,45                  | bbox      | minLon,minLat,maxLon,maxLat",
            "incidents?bbox=45,33,44,34               | bbox      | exceeds",
            "incidents?bbox=44,33,45,north            | bbox      | minLon",
            "incidents?bbox=-200,33,45,34             | bbox      | [-180, 180]",
            "incidents?limit=0                        | limit     | 1 to 1000",
            "incidents?limit=ten                      | limit     | 1 to 1000",
            "incidents?cursor=bm90LWEtY3Vyc29y        | cursor    | not one this API gave out",
            "incidents?place=                         | place     | empty",
            "incidents?colour=red                     | colour    | unknown parameter",
            "incidents?type=ied_attack&type=abduction | type      | more than once",
            "incidents/42                             | id        | not an incident id"})
    void aBadParameterIsA400WithTheReasonInJson(String path, String parameter, String reason) {
        HttpResponse<String> r = api.get(path);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        JsonNode body = json(r);
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("error").asText()).isEqualTo("Bad Request");
        assertThat(body.get("parameter").asText()).isEqualTo(parameter);
        assertThat(body.get("reason").asText()).contains(reason);
    }

    @Test
    void anUnknownEndpointIsA404InJson() {
        HttpResponse<String> r = api.get("incident");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).get("status").asInt()).isEqualTo(404);
    }

    @Test
    void healthIsUpOnceTheViewHasCaughtUp() {
        HttpResponse<String> r = api.get("health");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("status").asText()).isEqualTo("UP");
        assertThat(json(r).get("view").asText()).isEqualTo("LIVE");
    }

    @Test
    void metricsCountLiveAndDeletedIdsRedirectsAndLag() {
        JsonNode m = json(api.get("metrics"));

        assertThat(m.at("/index/incidents").asLong()).isEqualTo(6);
        assertThat(m.at("/index/deleted").asLong()).isEqualTo(4);
        assertThat(m.at("/index/redirects").asLong()).isEqualTo(3);
        assertThat(m.at("/view/lagTotal").asLong()).isZero();
        assertThat(m.at("/view/recordsRead").asLong()).isEqualTo(14);
        assertThat(m.at("/view/state").asText()).isEqualTo("LIVE");
    }

    @Test
    void thePageAndTheSchemasAreServed() {
        assertThat(api.get("").body()).contains("<svg id=\"timeline\"");
        assertThat(api.get("app.js").statusCode()).isEqualTo(200);
        assertThat(json(api.get("schema/incident.schema.json")).get("$schema").asText()).contains("2020-12");
    }

    @Test
    void thePageAndItsScriptAreServedWithAContentSecurityPolicyThatForbidsInlineScript() {
        for (String path : List.of("", "app.js")) {
            HttpResponse<String> response = api.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue(ApiServer.CONTENT_SECURITY_POLICY);
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        assertThat(ApiServer.CONTENT_SECURITY_POLICY).contains("script-src 'self'").doesNotContain("unsafe-inline")
                .contains("default-src 'none'");
    }
}
