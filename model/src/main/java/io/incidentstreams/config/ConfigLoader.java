package io.incidentstreams.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;

/**
 * Layers configuration as: properties file, then environment, then flags; a later layer wins.
 *
 * <p>Environment: {@code KAFKA_X_Y} becomes the Kafka client property {@code x.y}
 * ({@code KAFKA_BOOTSTRAP_SERVERS} becomes {@code bootstrap.servers}); {@code INCIDENTS_X_Y} becomes the project
 * key {@code x.y} ({@code INCIDENTS_TOPIC_PREFIX} becomes {@code topic.prefix}) when {@code x.y} is one of the
 * project's keys; other {@code INCIDENTS_*} variables belong to the launcher and are ignored here.
 */
public final class ConfigLoader {
    public static final String KAFKA_ENV_PREFIX = "KAFKA_";
    public static final String APP_ENV_PREFIX = "INCIDENTS_";

    private ConfigLoader() {
    }

    public static Map<String, String> layer(Path file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> merged = new HashMap<>();
        if (file != null) {
            merged.putAll(readFile(file));
        }
        merged.putAll(fromEnv(env));
        merged.putAll(flags);
        return merged;
    }

    public static PipelineConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
        return new PipelineConfig(layer(file, env, flags));
    }

    public static Map<String, String> readFile(Path file) {
        if (!Files.isReadable(file)) {
            throw new ConfigException("config file " + file + " does not exist or cannot be read");
        }
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            props.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        Map<String, String> map = new HashMap<>();
        props.stringPropertyNames().forEach(k -> map.put(k, props.getProperty(k).trim()));
        return map;
    }

    static Map<String, String> fromEnv(Map<String, String> env) {
        Map<String, String> map = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(APP_ENV_PREFIX) && name.length() > APP_ENV_PREFIX.length()) {
                String key = toKey(name.substring(APP_ENV_PREFIX.length()));
                if (PipelineConfig.CONFIG_DEF.names().contains(key)) {
                    map.put(key, value);
                }
            }
        });
        // Kafka client properties win over the project's own spelling of the same key.
        map.putAll(kafkaEnv(env));
        return map;
    }

    /**
     * The Kafka client properties of the environment: {@code KAFKA_X_Y} as {@code x.y}, except the variables of
     * Kafka's own scripts ({@code KAFKA_HEAP_OPTS}, {@code KAFKA_HOME}, ...), which are no client property.
     */
    public static Map<String, String> kafkaEnv(Map<String, String> env) {
        Map<String, String> map = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(KAFKA_ENV_PREFIX) && name.length() > KAFKA_ENV_PREFIX.length()
                    && !KAFKA_TOOL_ENV.contains(name) && !name.endsWith("_OPTS")) {
                map.put(envToKey(name.substring(KAFKA_ENV_PREFIX.length())), value);
            }
        });
        return map;
    }

    /** Variables of Kafka's scripts and images that are not client properties. */
    static final java.util.Set<String> KAFKA_TOOL_ENV = java.util.Set.of("KAFKA_HOME", "KAFKA_DEBUG",
            "KAFKA_CLUSTER_ID", "KAFKA_VERSION", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG_DIR", "KAFKA_HEAP_OPTS",
            "KAFKA_JMX_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_OPTS", "KAFKA_NODE_ID",
            "KAFKA_PROCESS_ROLES");

    /** {@code TOPIC_PREFIX} as {@code topic.prefix}. */
    public static String envToKey(String envSuffix) {
        return toKey(envSuffix);
    }

    private static String toKey(String envSuffix) {
        return envSuffix.toLowerCase(Locale.ROOT).replace('_', '.');
    }
}
