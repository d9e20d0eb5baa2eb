package io.incidentstreams.ingest.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Time that moves only when told to, or by the length of each wait; waits return at once. */
public final class FakeTicker implements Ticker {
    private long nanos = 1_000_000_000L;
    private boolean stopped;
    public final List<Duration> sleeps = new ArrayList<>();
    private int stopAfterSleeps = -1;

    @Override
    public long nanos() {
        return nanos;
    }

    @Override
    public boolean sleep(Duration duration) {
        if (stopped) {
            return false;
        }
        sleeps.add(duration);
        nanos += Math.max(0, duration.toNanos());
        if (stopAfterSleeps >= 0 && sleeps.size() >= stopAfterSleeps) {
            stopped = true;
            return false;
        }
        return true;
    }

    @Override
    public boolean stopped() {
        return stopped;
    }

    public void advance(Duration d) {
        nanos += d.toNanos();
    }

    /** Stops at the n-th wait, which ends a run loop after its n-th turn. */
    FakeTicker stoppingAtSleep(int n) {
        stopAfterSleeps = n;
        return this;
    }
}
