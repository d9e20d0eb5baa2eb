package io.incidentstreams.sink.http;

import static io.incidentstreams.sink.testing.IncidentBuilder.id;
import static io.incidentstreams.sink.testing.IncidentBuilder.incident;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.broker.testing.SharedKafkaBroker;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/** /metrics/prometheus on a real server and topic: the text exposition format, request timers, view and Kafka client metrics. */
@ExtendWith(SharedKafkaBroker.class)
@Timeout(120)
class PrometheusMetricsIT {
    /** A sample line: name, optional labels, a value (and no timestamp, which Micrometer never writes). */
    static final Pattern SAMPLE = Pattern.compile(
            "[a-zA-Z_:][a-zA-Z0-9_:]*(\\{([a-zA-Z_][a-zA-Z0-9_]*=\"([^\"\\\\]|\\\\.)*\",?)*})? (-?[0-9.eE+-]+|NaN|[+-]Inf)");
    static final Pattern COMMENT = Pattern.compile("# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .*");

    static ApiFixture api;

    @BeforeAll
    static void start() {
        api = new ApiFixture("prometheus");
        api.awaitApplied(api.publish(incident(id(1)).build()));
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theEndpointServesThePrometheusTextFormatWithRequestTimersViewFiguresAndConsumerMetrics() {
        assertThat(api.get("incidents").statusCode()).isEqualTo(200);
        assertThat(api.get("incidents").statusCode()).isEqualTo(200);
        assertThat(api.get("incidents/" + id(1)).statusCode()).isEqualTo(200);
        assertThat(api.get("incidents/" + id(2)).statusCode()).isEqualTo(404);
        assertThat(api.get("no/such/thing").statusCode()).isEqualTo(404);
        assertThat(api.get("app.js").statusCode()).isEqualTo(200);

        HttpResponse<String> r = api.get("metrics/prometheus");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        List<String> lines = Arrays.asList(r.body().split("\n"));
        assertThat(lines).allSatisfy(line -> assertThat(SAMPLE.matcher(line).matches() || COMMENT.matcher(line).matches())
                .as("an exposition line: " + line).isTrue());

        assertThat(lines).contains("# TYPE http_server_requests_seconds histogram");
        assertThat(count(lines, "uri=\"/incidents\"", "status=\"200\"")).isEqualTo(2);
        assertThat(count(lines, "uri=\"/incidents/{id}\"", "status=\"200\"")).isEqualTo(1);
        assertThat(count(lines, "uri=\"/incidents/{id}\"", "status=\"404\"")).isEqualTo(1);
        assertThat(count(lines, "uri=\"NOT_FOUND\"", "status=\"404\"")).as("an unknown path's raw text is no label")
                .isEqualTo(1);
        assertThat(count(lines, "uri=\"static\"", "status=\"200\"")).as("the page's files").isEqualTo(1);
        assertThat(lines).anyMatch(l -> l.startsWith("http_server_requests_seconds_max{"));
        assertThat(lines).anyMatch(l -> l.startsWith("http_server_requests_seconds_sum{") && l.contains("uri=\"/incidents\""));
        assertThat(lines).anyMatch(l -> l.startsWith("http_server_requests_seconds_bucket{") && l.contains("le=\"+Inf\""));

        assertThat(lines).contains("incidents_view_lag_records 0.0", "incidents_view_caught_up 1.0",
                "incidents_view_incidents 1.0");
        assertThat(lines).anyMatch(l -> l.startsWith("incidents_http_stream_clients "));
        assertThat(lines).as("the view consumer's Kafka client metrics")
                .anyMatch(l -> l.startsWith("kafka_consumer_") && l.contains("client_id=\"incidents-serve-view\""));
    }

    private static double count(List<String> lines, String... labels) {
        return lines.stream()
                .filter(l -> l.startsWith("http_server_requests_seconds_count{") && l.contains("method=\"GET\""))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
