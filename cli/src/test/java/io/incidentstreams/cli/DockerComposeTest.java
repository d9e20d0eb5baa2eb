package io.incidentstreams.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;

/** docker-compose.yml, read as Compose reads it (anchors and merge keys resolved), without Docker. */
class DockerComposeTest {
    static final Path COMPOSE = Path.of("..", "docker-compose.yml");

    @SuppressWarnings("unchecked")
    static Map<String, Object> services() throws IOException {
        try (Reader in = Files.newBufferedReader(COMPOSE)) {
            Map<String, Object> file = new Yaml(new LoaderOptions()).load(in);
            return (Map<String, Object>) file.get("services");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aServeServiceRunsTheApiOnTheBrokerOfTheComposeFileReachableFromTheHostOnLoopbackOnly() throws IOException {
        Map<String, Object> services = services();
        assertThat(services).containsKey("serve");
        Map<String, Object> serve = (Map<String, Object>) services.get("serve");
        Map<String, Object> enrich = (Map<String, Object>) services.get("enrich");

        assertThat(serve.get("image")).isEqualTo(enrich.get("image"));
        assertThat(serve.get("build")).isEqualTo(enrich.get("build"));
        assertThat(serve.get("depends_on")).isEqualTo(Map.of("kafka", Map.of("condition", "service_healthy")));
        assertThat((Map<String, Object>) serve.get("environment")).containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");

        List<String> command = (List<String>) serve.get("command");
        assertThat(command.get(0)).isEqualTo("serve");
        CommandLine.ParseResult parsed = IncidentsCli.commandLine().parseArgs(command.toArray(String[]::new));
        CommandLine.ParseResult sub = parsed.subcommand();
        assertThat(sub.commandSpec().name()).isEqualTo("serve");
        assertThat(sub.matchedOptionValue("--bind", "127.0.0.1")).as("reachable through the published port")
                .isEqualTo("0.0.0.0");
        int port = sub.matchedOptionValue("--port", 8080);

        assertThat((List<String>) serve.get("ports")).containsExactly("127.0.0.1:" + port + ":" + port);
    }
}
