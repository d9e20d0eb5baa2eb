package io.incidentstreams.broker.testing;

import io.incidentstreams.broker.KafkaBroker;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One Kafka broker for all the broker tests of a test JVM.
 *
 * <pre>{@code
 * @ExtendWith(SharedKafkaBroker.class)
 * class PipelineIT {
 *     @Test
 *     void ... {
 *         String bootstrap = SharedKafkaBroker.bootstrapServers();
 *         String prefix = SharedKafkaBroker.uniqueName("pipeline");
 *     }
 * }
 * }</pre>
 *
 * <p>Starting a broker costs about three seconds and a few hundred MB, so it starts once, on first use, and every
 * test class shares it; tests keep apart by naming their topics and application ids with {@link #uniqueName}. It
 * lives in the root context's store, which JUnit closes when the whole run ends.
 *
 * <p>Set {@value #EXTERNAL_BOOTSTRAP} (system property or environment variable) to run against a broker that is
 * already up instead; none is started then. Such a broker should have {@code auto.create.topics.enable=false} and
 * replication factor 1 for internal topics, as {@link KafkaBroker} does.
 */
public final class SharedKafkaBroker implements BeforeAllCallback {
    public static final String EXTERNAL_BOOTSTRAP = "INCIDENTS_TEST_BOOTSTRAP_SERVERS";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedKafkaBroker.class);
    private static final AtomicLong COUNTER = new AtomicLong();
    private static volatile String bootstrapServers;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (bootstrapServers != null) {
            return;
        }
        String external = externalBootstrap();
        if (external != null) {
            bootstrapServers = external;
            return;
        }
        Holder holder = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Holder.class, key -> new Holder(), Holder.class);
        bootstrapServers = holder.broker.bootstrapServers();
    }

    /**
     * {@code host:port} of the shared broker.
     *
     * @throws IllegalStateException if the test class is not extended with this extension
     */
    public static String bootstrapServers() {
        String servers = bootstrapServers;
        if (servers == null) {
            throw new IllegalStateException("no shared broker: annotate the test class with "
                    + "@ExtendWith(SharedKafkaBroker.class)");
        }
        return servers;
    }

    /**
     * {@code base} plus a suffix unique in this JVM and, with high probability, across runs against the same
     * external broker; safe as a topic name, topic prefix, group id or Streams application id.
     */
    public static String uniqueName(String base) {
        String clean = base.replaceAll("[^A-Za-z0-9._-]", "-");
        String suffix = COUNTER.incrementAndGet() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF)).toLowerCase(Locale.ROOT);
        int room = 200 - suffix.length() - 1;
        return (clean.length() > room ? clean.substring(0, room) : clean) + "-" + suffix;
    }

    static String externalBootstrap() {
        String value = System.getProperty(EXTERNAL_BOOTSTRAP);
        if (value == null || value.isBlank()) {
            value = System.getenv(EXTERNAL_BOOTSTRAP);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    /**
     * Keeps the broker in the store. JUnit before 5.13 closes only {@code CloseableResource} values; from 5.13 on it
     * prefers {@code AutoCloseable} and warns about the other. Implementing both, it is closed once by either.
     */
    @SuppressWarnings("deprecation")
    private static final class Holder implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        // The log goes to the module's target/ so that a failed run can be read afterwards; the heap is
        // larger than the default because a test run creates hundreds of partitions on this one broker.
        private final KafkaBroker broker = KafkaBroker.builder().heapMb(512)
                .logFile(java.nio.file.Path.of("target", "shared-kafka-broker.log").toAbsolutePath()).start();

        @Override
        public void close() {
            bootstrapServers = null;
            broker.close();
        }
    }
}
