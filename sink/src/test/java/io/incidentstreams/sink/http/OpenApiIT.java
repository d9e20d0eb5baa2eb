package io.incidentstreams.sink.http;

import static io.incidentstreams.sink.http.ApiFixture.json;
import static io.incidentstreams.sink.testing.IncidentBuilder.DIWANIYAH;
import static io.incidentstreams.sink.testing.IncidentBuilder.ERBIL;
import static io.incidentstreams.sink.testing.IncidentBuilder.IRAQ;
import static io.incidentstreams.sink.testing.IncidentBuilder.id;
import static io.incidentstreams.sink.testing.IncidentBuilder.incident;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.model.IncidentType;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The OpenAPI document at /openapi.json against the real server on a real topic: every documented GET with a JSON
 * body is called, and each answer's body validates against the schema the document gives for its status.
 */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(120)
class OpenApiIT {
    static final String TRUCE = id(1);
    static final String ATTACK = id(2);
    static final String ABSORBED = id(3);
    static final String DELETED = id(4);
    static final String UNDATED = id(5);
    static final String UNKNOWN = id(99);

    static ApiFixture api;

    @BeforeAll
    static void publishIncidents() {
        api = new ApiFixture("openapi");
        api.publish(incident(ABSORBED).build());
        api.publish(incident(DELETED).date("2019-05-01").build());
        api.publish(incident(TRUCE).type(IncidentType.TRUCE).date("2020-10").at(IRAQ).casualties(null, null)
                .party("Iran-backed militias").build());
        api.publish(incident(ATTACK).at(ERBIL).date("2020-11-17").perpetrator("Unidentified armed group")
                .breaksTruce(TRUCE).mergedFrom(ABSORBED).build());
        api.publish(incident(UNDATED).type(IncidentType.IED_ATTACK).date(null).at(DIWANIYAH).casualties(0, 0).build());
        api.delete(ABSORBED);
        api.awaitApplied(api.delete(DELETED));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** Each call: the path and query asked, and the status it must answer with. */
    static final List<Map.Entry<String, Integer>> CALLS = List.of(
            Map.entry("incidents", 200),
            Map.entry("incidents?limit=1", 200),
            Map.entry("incidents?from=2020-11&type=shelling_missile_attack,agreement_truce&place=iraq", 200),
            Map.entry("incidents?limit=0", 400),
            Map.entry("incidents?colour=red", 400),
            Map.entry("incidents/" + ATTACK, 200),
            Map.entry("incidents/" + TRUCE, 200),
            Map.entry("incidents/" + UNDATED, 200),
            Map.entry("incidents/" + ABSORBED, 308),
            Map.entry("incidents/" + DELETED, 410),
            Map.entry("incidents/" + UNKNOWN, 404),
            Map.entry("incidents/not-an-id", 400),
            Map.entry("incidents/stream", 406),
            Map.entry("health", 200),
            Map.entry("metrics", 200),
            Map.entry("openapi.json", 200),
            Map.entry("schema/incident.schema.json", 200),
            Map.entry("schema/article.schema.json", 200));

    @Test
    void everyDocumentedJsonGetAnswersWithABodyTheDocumentsSchemaForItsStatusAccepts() {
        HttpResponse<String> served = api.get("openapi.json");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode doc = json(served);
        assertThat(doc.path("openapi").asText()).startsWith("3.1");

        Set<String> called = new LinkedHashSet<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Integer> call : CALLS) {
            HttpResponse<String> r = api.get(call.getKey());
            assertThat(r.statusCode()).as(call.getKey() + ": " + r.body()).isEqualTo(call.getValue());
            String template = template(doc, call.getKey());
            assertThat(template).as("documented path for " + call.getKey()).isNotNull();
            String pointer = "/paths/" + escape(template) + "/get/responses/" + r.statusCode();
            JsonNode response = doc.at(pointer);
            assertThat(response.isMissingNode()).as(call.getKey() + ": status " + r.statusCode() + " is documented")
                    .isFalse();
            if (response.has("$ref")) {
                pointer = response.get("$ref").asText().substring(1);
                response = doc.at(pointer);
            }
            assertThat(response.path("content").has("application/json"))
                    .as(call.getKey() + ": documented as JSON").isTrue();
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(call.getKey()).startsWith("application/json");
            List<String> violations = validate(doc, pointer + "/content/application~1json/schema", r.body());
            if (!violations.isEmpty()) {
                failures.add(call.getKey() + " (" + r.statusCode() + "): " + violations);
            }
            called.add(template + " " + r.statusCode());
        }
        assertThat(failures).isEmpty();

        Set<String> documented = new LinkedHashSet<>();
        doc.get("paths").fields().forEachRemaining(p -> {
            JsonNode get = p.getValue().get("get");
            if (get == null) {
                return;
            }
            get.get("responses").fields().forEachRemaining(resp -> {
                JsonNode body = resp.getValue().has("$ref") ? doc.at(resp.getValue().get("$ref").asText().substring(1))
                        : resp.getValue();
                if (body.path("content").has("application/json")) {
                    documented.add(p.getKey() + " " + resp.getKey());
                }
            });
        });
        // Not reached here: 503 of a stream with too many clients and of /health while down (see IncidentApiIT).
        documented.removeAll(Set.of("/incidents/stream 503", "/incidents/stream 400", "/health 503"));
        assertThat(called).as("every documented JSON answer of a GET is checked").containsAll(documented);
    }

    @Test
    void aBodyThatBreaksTheDocumentedSchemaIsCaught() {
        JsonNode doc = json(api.get("openapi.json"));
        String page = "/paths/~1incidents/get/responses/200/content/application~1json/schema";
        ObjectNode body = (ObjectNode) json(api.get("incidents"));
        assertThat(validate(doc, page, body.toString())).isEmpty();
        ((ObjectNode) body.get("items").get(0)).put("date", "2021-02-30");
        assertThat(validate(doc, page, body.toString())).anyMatch(v -> v.contains("date"));
        body.remove("nextCursor");
        assertThat(validate(doc, page, body.toString())).anyMatch(v -> v.contains("nextCursor"));
    }

    /** The documented path template a request path matches: /incidents/{id} for /incidents/inc-.... */
    private static String template(JsonNode doc, String pathAndQuery) {
        String path = "/" + pathAndQuery.replaceFirst("\\?.*", "");
        String best = null;
        for (Iterator<String> it = doc.get("paths").fieldNames(); it.hasNext(); ) {
            String t = it.next();
            Pattern p = Pattern.compile(t.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\."));
            if (t.equals(path)) {
                return t;
            }
            if (p.matcher(path).matches()) {
                best = t;
            }
        }
        return best;
    }

    private static String escape(String path) {
        return path.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Validates {@code body} against the schema at {@code pointer} in the document: the document itself is the
     * root, so its {@code #/components/...} references resolve, and its base is the server's /openapi.json, so the
     * incident schema it names (/schema/incident.schema.json) is fetched from the server as a client would.
     */
    static List<String> validate(JsonNode doc, String pointer, String body) {
        ObjectNode root = doc.deepCopy();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("$id", api.uri("openapi.json").toString());
        root.put("$ref", "#" + pointer);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
        try {
            return schema.validate(io.incidentstreams.serde.Json.MAPPER.readTree(body)).stream()
                    .map(ValidationMessage::toString).toList();
        } catch (java.io.IOException e) {
            return List.of("not JSON: " + body);
        }
    }
}
