package io.incidentstreams.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by this JVM and the broker's JVM together. On a machine shared with other work, wall-clock rates
 * swing with the load; the CPU a phase costs per record swings far less, so it is the better guide for tuning.
 */
final class CpuMeter {
    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ProcessHandle broker;
    private long lastOwn;
    private long lastBroker;
    private double brokerMillis;

    CpuMeter(long brokerPid) {
        this.broker = ProcessHandle.of(brokerPid).orElseThrow(() -> new IllegalStateException("no broker process"));
        this.lastOwn = own();
        this.lastBroker = broker();
    }

    /** CPU milliseconds used by both JVMs since the previous call (or since construction). */
    double millisSinceLast() {
        long own = own();
        long child = broker();
        double millis = (own - lastOwn + child - lastBroker) / 1e6;
        brokerMillis = (child - lastBroker) / 1e6;
        lastOwn = own;
        lastBroker = child;
        return millis;
    }

    /** The broker's part of what the last {@link #millisSinceLast()} returned. */
    double brokerMillisOfLast() {
        return brokerMillis;
    }

    /** CPU milliseconds used so far by the live threads of this JVM whose name has this prefix and part. */
    static double threadMillis(String prefix, String part) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long nanos = 0;
        for (java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(prefix) && t.getThreadName().contains(part)) {
                nanos += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
            }
        }
        return nanos / 1e6;
    }

    /**
     * CPU milliseconds used so far by the JIT compiler threads of this JVM, from {@code /proc/self/task} (Linux);
     * elsewhere the compilers' elapsed time from the {@link java.lang.management.CompilationMXBean}.
     */
    static double compilerMillis() {
        Path tasks = Path.of("/proc/self/task");
        if (Files.isDirectory(tasks)) {
            try (Stream<Path> threads = Files.list(tasks)) {
                return threads.mapToLong(CpuMeter::compilerNanos).sum() / 1e6;
            } catch (IOException | UncheckedIOException e) {
                // fall through to the MXBean
            }
        }
        java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** On-CPU nanoseconds of a thread if it is a JIT compiler thread ("C1 CompilerThre", "C2 CompilerThre"), else 0. */
    private static long compilerNanos(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).trim();
            if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
                return 0;
            }
            return Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended, or the kernel keeps no schedstat
        }
    }

    private long own() {
        return Math.max(0, os.getProcessCpuTime());
    }

    private long broker() {
        return broker.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }
}
