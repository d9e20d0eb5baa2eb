package io.incidentstreams.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * On Ctrl-C (JVM shutdown), asks a long-running command to stop and waits up to 30 s for it to finish its current
 * step, so that producers close cleanly. Removed again when the command ends on its own.
 */
final class StopOnShutdown implements AutoCloseable {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    StopOnShutdown(Runnable stop) {
        this.hook = new Thread(() -> {
            stop.run();
            try {
                finished.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "incidents-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The command has finished its work: a shutdown need not wait any more. */
    void done() {
        finished.countDown();
    }

    @Override
    public void close() {
        done();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Shutting down already: the hook is running and will see done().
        }
    }
}
