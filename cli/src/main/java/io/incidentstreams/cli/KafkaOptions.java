package io.incidentstreams.cli;

import io.incidentstreams.config.ConfigLoader;
import io.incidentstreams.config.PipelineConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Connection and config options shared by every command. Layers, later wins: {@code --config-file}, then the
 * environment ({@code KAFKA_*} client properties, {@code INCIDENTS_*} project keys), then flags.
 */
public final class KafkaOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers. Without this or KAFKA_BOOTSTRAP_SERVERS, the embedded broker is used.")
    String bootstrapServers;

    @Option(names = "--config-file", paramLabel = "FILE",
            description = "Properties file: project keys and any Kafka client property.")
    Path configFile;

    @Option(names = {"-X", "--property"}, paramLabel = "KEY=VALUE",
            description = "A project key or Kafka client property, e.g. -X topic.prefix=test. or -X linger.ms=20. Repeatable.")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "Prefix of every topic name (default: none).")
    String topicPrefix;

    /** The layered settings before the bootstrap servers are settled. */
    Map<String, String> layered(Map<String, String> env) {
        Map<String, String> flags = new LinkedHashMap<>(properties);
        if (bootstrapServers != null) {
            flags.put(PipelineConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        if (topicPrefix != null) {
            flags.put(PipelineConfig.TOPIC_PREFIX, topicPrefix);
        }
        Settings.check(configFile == null ? Map.of() : ConfigLoader.readFile(configFile),
                String.valueOf(configFile), env, flags);
        return ConfigLoader.layer(configFile, env, flags);
    }

    boolean bootstrapGiven(Map<String, String> env) {
        return layered(env).containsKey(PipelineConfig.BOOTSTRAP_SERVERS);
    }
}
