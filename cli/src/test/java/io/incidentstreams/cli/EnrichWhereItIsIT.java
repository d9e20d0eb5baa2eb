package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.broker.testing.SharedKafkaBroker;
import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.serde.Json;
import io.incidentstreams.sink.http.ApiServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Enrich tells where it is: {@code incidents enrich} prints "caught up" on stderr and no topology dump, and
 * {@code /health} of {@code serve --enrich} is UP only when enrich is RUNNING and caught up (before, it was UP
 * while enrich was still rebalancing with lag).
 */
@ExtendWith(SharedKafkaBroker.class)
class EnrichWhereItIsIT {
    static final Path SAMPLES = Path.of("..", "samples");

    @TempDir
    Path work;

    @Test
    void enrichPrintsCaughtUpOnStderrAndNoTopologyDump() throws Exception {
        String name = SharedKafkaBroker.uniqueName("progress");
        PipelineConfig config = TestPipelines.pipeline(SharedKafkaBroker.bootstrapServers(), name,
                work.resolve("state"), Map.of());
        IngestCommand.ingest(config, List.of(SAMPLES.resolve("articles")));
        Path log = Path.of("target", "enrich-progress", name + ".log");
        try (EnrichProcess enrich = EnrichProcess.start(config, work.resolve("state"), log,
                List.of("--progress-interval", "1s"))) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Files.exists(log) && Files.readString(log).contains("incidents: enrich: caught up"));
            assertThat(enrich.isAlive()).isTrue();
        }
        String out = Files.readString(log);
        assertThat(out).doesNotContain("enrich topology").doesNotContain("Sub-topology")
                .doesNotContain("Processing exception handler is not enabled for the GlobalThread");
    }

    @Test
    void healthIsUpOnlyWhenEnrichRunsAndHasCaughtUp() throws Exception {
        String name = SharedKafkaBroker.uniqueName("health");
        PipelineConfig config = TestPipelines.pipeline(SharedKafkaBroker.bootstrapServers(), name,
                work.resolve("state"), Map.of());
        HttpClient http = HttpClient.newHttpClient();
        List<JsonNode> seen = new ArrayList<>();
        try (ServeCommand.Running running = ServeCommand.Running.start(config, true,
                List.of(SAMPLES.resolve("articles"), SAMPLES.resolve("articles.jsonl")),
                ApiServer.Options.defaults().withPort(0), null, null, null)) {
            URI health = running.server.uri().resolve("health");
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(health).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode body = Json.MAPPER.readTree(r.body());
                seen.add(body);
                assertThat(r.statusCode()).isEqualTo(body.get("status").asText().equals("UP") ? 200 : 503);
                return body.get("status").asText().equals("UP");
            });
        }
        for (JsonNode body : seen) {
            JsonNode enrich = body.get("enrich");
            assertThat(enrich.get("reason").asText()).isNotBlank();
            if (body.get("status").asText().equals("UP")) {
                assertThat(enrich.get("state").asText()).as(body.toString()).isEqualTo("RUNNING");
                assertThat(enrich.get("healthy").asBoolean()).isTrue();
                long behind = 0;
                for (JsonNode lag : enrich.get("lag")) {
                    behind += Math.max(0, lag.asLong());
                }
                assertThat(behind).as(body.toString()).isLessThanOrEqualTo(EnrichStatus.HEALTHY_MAX_LAG);
            } else if (!enrich.get("state").asText().equals("RUNNING")) {
                assertThat(enrich.get("healthy").asBoolean()).as(body.toString()).isFalse();
                assertThat(enrich.get("reason").asText()).contains("not RUNNING");
            }
        }
        assertThat(seen.get(seen.size() - 1).get("enrich").get("reason").asText()).startsWith("enrich is running");
    }
}
