package io.incidentstreams.config;

import io.incidentstreams.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Range;

/**
 * The typed configuration of every command. Parsed once at start-up; an invalid value fails fast with the key's
 * name. Keys not defined here are Kafka client properties and are passed through unchanged to every client
 * ({@link #clientProperties()}), so any producer, consumer, admin or Streams setting can be given.
 */
public final class PipelineConfig extends AbstractConfig {
    public static final String BOOTSTRAP_SERVERS = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
    public static final String APPLICATION_ID = "application.id";
    public static final String STATE_DIR = "state.dir";
    public static final String RULES_DIR = "rules.dir";
    public static final String GAZETTEER_FILES = "gazetteer.files";
    public static final String DEDUP_RETENTION_MS = "dedup.retention.ms";
    public static final Duration DEFAULT_DEDUP_RETENTION = Duration.ofDays(30);
    public static final String STARTUP_TIMEOUT_MS = "startup.timeout.ms";

    /** The Kafka Streams application id of enrich, unless configured otherwise. */
    public static final String DEFAULT_APPLICATION_ID = "incident-streams-enrich";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyStringWithoutControlChars() {
                @Override
                public void ensureValid(String name, Object value) {
                    if (value == null || ((java.util.List<?>) value).isEmpty()) {
                        throw new org.apache.kafka.common.config.ConfigException(name, value, "must list at least one host:port");
                    }
                }
            }, Importance.HIGH, "Kafka brokers to connect to, host:port[,host:port...].")
            .define(TOPIC_PREFIX, Type.STRING, "", Importance.MEDIUM,
                    "Prefix of every topic name, so that several pipelines can share a cluster.")
            .define(TOPIC_PARTITIONS, Type.INT, 4, Range.atLeast(1), Importance.MEDIUM,
                    "Partitions of topics the app creates. Existing topics keep theirs.")
            .define(TOPIC_REPLICATION_FACTOR, Type.SHORT, (short) -1, Importance.MEDIUM,
                    "Replication factor of topics the app creates; -1 takes the broker's default.")
            .define(APPLICATION_ID, Type.STRING, DEFAULT_APPLICATION_ID, new ConfigDef.NonEmptyString(),
                    Importance.MEDIUM, "Kafka Streams application id of enrich (also its consumer group).")
            .define(STATE_DIR, Type.STRING, Path.of(System.getProperty("java.io.tmpdir"), "incident-streams").toString(),
                    Importance.LOW, "Directory of enrich's local state stores. The incidents command defaults it to"
                            + " .incidents/state/<broker> in the project folder; this class alone to java.io.tmpdir.")
            .define(RULES_DIR, Type.STRING, null, Importance.MEDIUM,
                    "Directory with rule files (gazetteer, actors, types) that replace the built-in ones of the same name.")
            .define(GAZETTEER_FILES, Type.LIST, "", Importance.MEDIUM,
                    "User gazetteer files (written by `incidents gazetteer import`) whose places are loaded in"
                            + " addition to the built-in world gazetteer; the hand-kept overlay still wins.")
            .define(DEDUP_RETENTION_MS, Type.LONG, DEFAULT_DEDUP_RETENTION.toMillis(), Range.atLeast(0), Importance.LOW,
                    "How long (in stream time, after an article's record timestamp) enrich remembers the article's"
                            + " digest to drop exact repeats without extracting them again. 0 keeps none. A repeat"
                            + " seen later is extracted again and changes nothing: this bounds state, not results.")
            .define(STARTUP_TIMEOUT_MS, Type.LONG, 10_000L, Range.atLeast(100), Importance.LOW,
                    "How long a command waits for the broker before it gives up with an error.");

    public PipelineConfig(Map<?, ?> props) {
        super(CONFIG_DEF, props);
    }

    public Topics topics() {
        return new Topics(getString(TOPIC_PREFIX));
    }

    public String bootstrapServers() {
        return String.join(",", getList(BOOTSTRAP_SERVERS));
    }

    public Duration startupTimeout() {
        return Duration.ofMillis(getLong(STARTUP_TIMEOUT_MS));
    }

    /** Every Kafka client property given, with the project's own keys removed; bootstrap servers included. */
    public Properties clientProperties() {
        Map<String, Object> props = new HashMap<>(originals());
        for (String key : CONFIG_DEF.names()) {
            props.remove(key);
        }
        props.put(BOOTSTRAP_SERVERS, bootstrapServers());
        Properties p = new Properties();
        p.putAll(props);
        return p;
    }

    /** Documentation of every key, in Kafka's reStructuredText. */
    public static String describe() {
        return CONFIG_DEF.toRst();
    }
}
