package io.incidentstreams.broker;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the broker's child JVM: runs {@code kafka.Kafka} and exits when the parent goes away.
 *
 * <p>A JVM shutdown hook in the parent cannot run when the parent is killed with SIGKILL (a timed-out test fork,
 * an IDE's stop button). The child's stdin is a pipe held by the parent; the operating system closes it whenever
 * the parent dies, however it dies, so end-of-file on stdin is the one signal that never fails to arrive. The child
 * then exits normally, which runs Kafka's own shutdown hook, and halts if that takes too long.
 *
 * <p>SIGINT is ignored. Ctrl-C in a terminal signals the whole process group, this child included; the parent's
 * clients (a Streams app committing its last transaction) still need the broker while they close, so the parent
 * stops the child itself, with SIGTERM, once they are done (see {@link KafkaBroker#hold()}).
 */
public final class ChildMain {
    /** Longest wait for Kafka's graceful shutdown once the parent is gone. */
    static final long ORPHAN_HALT_MILLIS = 30_000;

    private ChildMain() {
    }

    public static void main(String[] args) {
        // jdk.unsupported, as Kafka itself uses it: the one way to ignore a signal in Java.
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        Thread watchdog = new Thread(ChildMain::exitWhenParentGoes, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }

    private static void exitWhenParentGoes() {
        try (InputStream in = System.in) {
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // The parent never writes; anything read is ignored.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end-of-file: the parent is gone.
        }
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(ORPHAN_HALT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(2);
        }, "orphan-halter");
        halter.setDaemon(true);
        halter.start();
        System.exit(0);
    }
}
