package io.incidentstreams.ingest.feed;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Time and waiting for the pollers, so that tests can run schedules without real waits, and so that a stop ends
 * a wait at once instead of interrupting a thread that may be inside a Kafka call.
 */
public interface Ticker {
    /** Monotonic time in nanoseconds. */
    long nanos();

    /**
     * Waits for {@code duration}, or less when stopped.
     *
     * @return false when the wait ended because of a stop
     */
    boolean sleep(Duration duration) throws InterruptedException;

    /** True once stopped. */
    boolean stopped();

    /** The real clock, stoppable from another thread with {@link Real#stop()}. */
    static Real system() {
        return new Real();
    }

    /** Real time; {@link #stop()} wakes every current and future wait. */
    final class Real implements Ticker {
        private final CountDownLatch stop = new CountDownLatch(1);

        @Override
        public long nanos() {
            return System.nanoTime();
        }

        @Override
        public boolean sleep(Duration duration) throws InterruptedException {
            if (duration.isNegative() || duration.isZero()) {
                return !stopped();
            }
            return !stop.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public boolean stopped() {
            return stop.getCount() == 0;
        }

        public void stop() {
            stop.countDown();
        }
    }
}
