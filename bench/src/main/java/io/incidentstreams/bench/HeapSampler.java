package io.incidentstreams.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.TimeUnit;

/**
 * Samples the heap in use of this JVM every {@value #INTERVAL_MS} ms and keeps the highest value. This JVM runs
 * ingest, enrich and the measuring clients; the broker's JVM is not included. Heap in use includes garbage not yet
 * collected, so the peak says how much heap the run needed at most, not its live set.
 */
final class HeapSampler implements AutoCloseable {
    static final long INTERVAL_MS = 50;

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final Thread thread;
    private volatile long peakBytes;
    private volatile boolean running = true;

    HeapSampler() {
        thread = new Thread(this::loop, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            sample();
            try {
                TimeUnit.MILLISECONDS.sleep(INTERVAL_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        long used = memory.getHeapMemoryUsage().getUsed();
        if (used > peakBytes) {
            peakBytes = used;
        }
    }

    long peakMb() {
        sample();
        return Math.round(peakBytes / (1024.0 * 1024.0));
    }

    /** The JVM's maximum heap ({@code -Xmx}), in MiB. */
    static long maxMb() {
        return Math.round(Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0));
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
