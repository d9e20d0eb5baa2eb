package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.serde.Json;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code incidents bench} end to end on a small run: its own broker, every phase, one JSON line on stdout. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BenchCommandIT {
    @RegisterExtension
    final CapturedCli cli = new CapturedCli();

    @Test
    void aSmallRunPrintsEveryFigureAsOneJsonLine() throws Exception {
        int code = cli.run("bench", "--articles", "300", "--format", "json");

        assertThat(code).isZero();
        String out = cli.stdout();
        assertThat(out.lines()).hasSize(1);
        JsonNode json = Json.MAPPER.readTree(out);
        assertThat(json.get("articles").asInt()).isEqualTo(300);
        double pipeline = json.get("pipeline_articles_per_s").asDouble();
        double raw = json.get("raw_records_per_s").asDouble();
        assertThat(pipeline).isPositive();
        assertThat(raw).isPositive();
        assertThat(json.get("ratio").asDouble()).isCloseTo(pipeline / raw, org.assertj.core.data.Offset.offset(0.001));
        JsonNode latency = json.get("latency_ms");
        assertThat(latency.get("p50").asLong()).isPositive();
        assertThat(latency.get("p95").asLong()).isGreaterThanOrEqualTo(latency.get("p50").asLong());
        assertThat(latency.get("p99").asLong()).isGreaterThanOrEqualTo(latency.get("p95").asLong());
        assertThat(json.get("latency_articles").asLong()).isPositive();
        assertThat(json.get("peak_heap_mb").asLong()).isPositive();
        assertThat(json.get("incidents").asLong()).isPositive();
        assertThat(json.get("settings").get("processing.guarantee").asText()).isEqualTo("exactly_once_v2");
    }

    @Test
    void theBenchRefusesAnotherBrokerAndAnEmptyRun() {
        assertThat(cli.run("bench", "--bootstrap-servers", "localhost:9092")).isEqualTo(IncidentsCli.USAGE);
        assertThat(cli.run("bench", "-X", "bootstrap.servers=localhost:9092")).isEqualTo(IncidentsCli.USAGE);
        assertThat(cli.run("bench", "--articles", "0")).isEqualTo(IncidentsCli.USAGE);
        assertThat(cli.stdout()).isEmpty();
    }
}
