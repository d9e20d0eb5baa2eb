package io.incidentstreams.broker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A parent JVM for {@link ChildLifetimeIT}: starts a broker, prints its pid and data dir, then either blocks until
 * killed ({@code hold}), exits without closing the broker ({@code exit}), or blocks with a client that needs the
 * broker in its own shutdown hook ({@code client}): on Ctrl-C that hook creates a topic and prints whether it could.
 */
public final class BrokerParentMain {
    private BrokerParentMain() {
    }

    public static void main(String[] args) throws Exception {
        KafkaBroker broker = KafkaBroker.builder().heapMb(128).start();
        String mode = args.length > 0 ? args[0] : "hold";
        if (mode.equals("client")) {
            AutoCloseable hold = broker.hold();
            Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 20_000,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> closingClient(admin, hold), "closing-client"));
        }
        System.out.println("child-pid=" + broker.pid());
        System.out.println("data-dir=" + broker.dataDir());
        System.out.flush();
        if (mode.equals("exit")) {
            System.exit(0);
        }
        broker.awaitExit();
    }

    /** What a Streams app does while it closes: talk to the broker one last time, then release it. */
    private static void closingClient(Admin client, AutoCloseable hold) {
        String outcome;
        try (Admin admin = client) {
            admin.createTopics(List.of(new NewTopic("written-while-closing", 1, (short) 1))).all()
                    .get(25, TimeUnit.SECONDS);
            outcome = "true";
        } catch (Exception e) {
            outcome = "false " + e;
        }
        System.out.println("client-closed-cleanly=" + outcome);
        System.out.flush();
        try {
            hold.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
