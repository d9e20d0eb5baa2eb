package io.incidentstreams.cli;

import io.incidentstreams.config.ConfigLoader;
import io.incidentstreams.config.PipelineConfig;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Checks the names of the settings a command is given, as Kafka's tools do: a misspelt project key is an error that
 * names the nearest known key; a key no Kafka client knows is passed through with Kafka's warning, since a plugin
 * (a serializer, an interceptor) may read it.
 */
final class Settings {
    /** {@code INCIDENTS_*} variables that the launcher, logging or a command's options read, not project keys. */
    static final Set<String> OTHER_ENV = Set.of("INCIDENTS_DATA_DIR", "INCIDENTS_JAVA_OPTS", "INCIDENTS_SKIP_BUILD",
            "INCIDENTS_LOG_LEVEL", "INCIDENTS_KAFKA_LOG_LEVEL", "INCIDENTS_FEEDS_FILE", "INCIDENTS_FEED_INTERVAL",
            "INCIDENTS_FEED_FETCH_PAGES", "INCIDENTS_FEED_HOST_DELAY", "INCIDENTS_FEED_USER_AGENT",
            "INCIDENTS_FEED_ALLOW_PRIVATE_HOSTS", "INCIDENTS_TEST_BOOTSTRAP_SERVERS");
    /** Namespaces only the project uses: an unknown key in one of them is a misspelling. */
    private static final List<String> PROJECT_PREFIXES = List.of("dedup.", "rules.", "startup.");
    /** Prefixes by which Streams passes a setting on to one of its clients or its internal topics. */
    private static final List<String> CLIENT_PREFIXES = List.of(StreamsConfig.PRODUCER_PREFIX,
            StreamsConfig.CONSUMER_PREFIX, StreamsConfig.MAIN_CONSUMER_PREFIX, StreamsConfig.RESTORE_CONSUMER_PREFIX,
            StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX);
    private static final String METRICS_CONTEXT_PREFIX = "metrics.context.";
    private static final Set<String> warned = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static volatile Set<String> kafkaKeys;
    private static volatile Set<String> topicKeys;

    private Settings() {
    }

    /** Checks every layer; throws {@link ConfigException} on a misspelt project key, warns once per unknown key. */
    static void check(Map<String, String> file, String fileName, Map<String, String> env, Map<String, String> flags) {
        for (String name : new TreeSet<>(env.keySet())) {
            if (name.startsWith(ConfigLoader.APP_ENV_PREFIX) && !OTHER_ENV.contains(name)
                    && !projectKeys().contains(ConfigLoader.envToKey(name.substring(ConfigLoader.APP_ENV_PREFIX.length())))) {
                List<String> names = new ArrayList<>();
                projectKeys().forEach(k -> names.add(envName(k)));
                throw new ConfigException("unknown environment variable " + name + ": did you mean "
                        + nearest(name, names) + "? ('incidents config' lists the settings)");
            }
        }
        checkKeys(file, "in " + fileName);
        checkKeys(ConfigLoader.kafkaEnv(env), "from the environment");
        checkKeys(flags, "given with -X");
    }

    private static void checkKeys(Map<String, String> settings, String where) {
        for (String key : new TreeSet<>(settings.keySet())) {
            if (projectKeys().contains(key) || isKafkaKey(key)) {
                continue;
            }
            String near = nearest(key, projectKeys());
            boolean misspelt = distance(key, near) <= Math.max(2, near.length() / 5)
                    || PROJECT_PREFIXES.stream().anyMatch(key::startsWith)
                    || key.startsWith(StreamsConfig.TOPIC_PREFIX);
            if (misspelt) {
                throw new ConfigException("unknown setting '" + key + "' " + where + ": did you mean '" + near
                        + "'? ('incidents config' lists the settings)");
            }
            if (warned.add(key)) {
                // Kafka's own wording for a property no client defines.
                Cli.err("warning: the configuration '" + key + "' " + where + " was supplied but isn't a known config");
            }
        }
    }

    /** The environment variable of a project key: {@code KAFKA_BOOTSTRAP_SERVERS}, {@code INCIDENTS_TOPIC_PREFIX}. */
    static String envName(String key) {
        String prefix = key.equals(PipelineConfig.BOOTSTRAP_SERVERS) ? ConfigLoader.KAFKA_ENV_PREFIX
                : ConfigLoader.APP_ENV_PREFIX;
        return prefix + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    static Set<String> projectKeys() {
        return PipelineConfig.CONFIG_DEF.names();
    }

    /** Whether a producer, consumer, admin client or Streams defines {@code key}, directly or under a prefix. */
    static boolean isKafkaKey(String key) {
        if (kafkaKeys().contains(key) || key.startsWith(METRICS_CONTEXT_PREFIX)
                || key.startsWith(StreamsConfig.CLIENT_TAG_PREFIX)) {
            return true;
        }
        for (String prefix : CLIENT_PREFIXES) {
            if (key.startsWith(prefix) && isKafkaKey(key.substring(prefix.length()))) {
                return true;
            }
        }
        return key.startsWith(StreamsConfig.TOPIC_PREFIX)
                && topicKeys().contains(key.substring(StreamsConfig.TOPIC_PREFIX.length()));
    }

    private static Set<String> kafkaKeys() {
        if (kafkaKeys == null) {
            Set<String> keys = new HashSet<>();
            keys.addAll(ProducerConfig.configNames());
            keys.addAll(ConsumerConfig.configNames());
            keys.addAll(AdminClientConfig.configNames());
            keys.addAll(StreamsConfig.configDef().names());
            kafkaKeys = Set.copyOf(keys);
        }
        return kafkaKeys;
    }

    private static Set<String> topicKeys() {
        if (topicKeys == null) {
            Set<String> keys = new HashSet<>();
            for (Field f : TopicConfig.class.getFields()) {
                if (Modifier.isStatic(f.getModifiers()) && f.getName().endsWith("_CONFIG") && f.getType() == String.class) {
                    try {
                        keys.add((String) f.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            topicKeys = Set.copyOf(keys);
        }
        return topicKeys;
    }

    static String nearest(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : new TreeSet<>(candidates)) {
            int d = distance(name, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
