package io.incidentstreams.broker;

/**
 * A parent JVM for {@link ChildLifetimeIT}: starts a broker, prints its pid and data dir, then either blocks until
 * killed ({@code hold}) or exits without closing the broker ({@code exit}).
 */
public final class BrokerParentMain {
    private BrokerParentMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = KafkaBroker.builder().heapMb(128).start();
        System.out.println("child-pid=" + broker.pid());
        System.out.println("data-dir=" + broker.dataDir());
        System.out.flush();
        if (args.length > 0 && args[0].equals("exit")) {
            System.exit(0);
        }
        broker.awaitExit();
    }
}
