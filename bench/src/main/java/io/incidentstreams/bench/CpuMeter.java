package io.incidentstreams.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time used by this JVM and the broker's JVM together. On a machine shared with other work, wall-clock rates
 * swing with the load; the CPU a phase costs per record swings far less, so it is the better guide for tuning.
 */
final class CpuMeter {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ProcessHandle broker;
    private long last;

    CpuMeter(long brokerPid) {
        this.broker = ProcessHandle.of(brokerPid).orElseThrow(() -> new IllegalStateException("no broker process"));
        this.last = nanos();
    }

    /** CPU milliseconds used since the previous call (or since construction). */
    double millisSinceLast() {
        long now = nanos();
        double millis = (now - last) / 1e6;
        last = now;
        return millis;
    }

    private long nanos() {
        long own = Math.max(0, os.getProcessCpuTime());
        long child = broker.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
        return own + child;
    }
}
