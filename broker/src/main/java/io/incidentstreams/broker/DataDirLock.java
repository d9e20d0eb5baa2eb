package io.incidentstreams.broker;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One broker per data folder: an operating-system lock on {@code broker.lock} in the folder, held by the JVM that
 * started the broker for as long as the broker runs. The file also records who holds it (the process id, its
 * command, the broker's address and the broker JVM's pid), so that a refused start can say which process holds the
 * folder.
 *
 * <p>The operating system releases the lock whenever its holder dies, however it dies, so a lock file left by a
 * killed process is recognised as stale by simply taking the lock; its old record is then replaced. A broker JVM the
 * dead holder left behind (it exits on its own once its parent is gone, see {@link ChildMain}) is waited for, and
 * killed if it lingers, because it still holds Kafka's own lock on the data.
 */
public final class DataDirLock implements AutoCloseable {
    public static final String FILE = "broker.lock";
    static final String PID = "pid";
    static final String COMMAND = "command";
    static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    static final String BROKER_PID = "broker.pid";
    static final String SINCE = "since";
    private static final Duration LEFTOVER_WAIT = Duration.ofSeconds(ChildMain.ORPHAN_HALT_MILLIS / 1000 + 5);

    /** Folders locked by this JVM: a second lock in the same JVM is refused by the JDK, not the OS. */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Map<String, String> record = new LinkedHashMap<>();
    private boolean released;

    private DataDirLock(Path dir, Path file, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Who holds a data folder's lock. */
    public record Holder(long pid, String command, String bootstrapServers, long brokerPid, String since) {
        public String describe() {
            return "process " + pid + (command == null || command.isBlank() ? "" : " (" + command + ")");
        }
    }

    /**
     * Takes the lock of {@code dir}, or throws {@link BrokerLockedException} naming the process that holds it.
     * A stale lock is cleared, and {@code notice} told so.
     */
    public static DataDirLock acquire(Path dir, String command, Consumer<String> notice) {
        Path abs = dir.toAbsolutePath().normalize();
        Path file = abs.resolve(FILE);
        if (!HELD_HERE.add(abs)) {
            throw new BrokerLockedException(abs, readHolder(file).orElse(
                    new Holder(ProcessHandle.current().pid(), "this process", null, -1, null)));
        }
        try {
            Files.createDirectories(abs);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new BrokerLockedException(abs, readHolder(file).orElse(new Holder(-1, null, null, -1, null)));
            }
            Optional<Holder> stale = parse(read(channel));
            DataDirLock held = new DataDirLock(abs, file, channel, lock);
            if (stale.isPresent()) {
                Holder old = stale.get();
                notice.accept("cleared a stale lock on " + abs + " left by " + old.describe()
                        + ", which is no longer running");
                awaitLeftover(old.brokerPid(), notice);
            }
            held.record.put(PID, Long.toString(ProcessHandle.current().pid()));
            held.record.put(COMMAND, command == null ? "" : command);
            held.record.put(SINCE, Instant.now().toString());
            held.write();
            return held;
        } catch (IOException e) {
            HELD_HERE.remove(abs);
            throw new UncheckedIOException("cannot lock " + file, e);
        } catch (RuntimeException e) {
            HELD_HERE.remove(abs);
            throw e;
        }
    }

    /** Who holds the lock of {@code dir} now; empty when nobody does (a stale record does not count). */
    public static Optional<Holder> holder(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path file = abs.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        if (HELD_HERE.contains(abs)) {
            return readHolder(file);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock probe;
            try {
                probe = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                probe = null;
            }
            if (probe != null) {
                probe.release();
                return Optional.empty();
            }
            return Optional.of(parse(read(channel)).orElse(new Holder(-1, null, null, -1, null)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Records the broker's address and the pid of its JVM, for {@code holder()}. */
    public synchronized void recordBroker(String bootstrapServers, long brokerPid) {
        record.put(BOOTSTRAP_SERVERS, bootstrapServers);
        record.put(BROKER_PID, Long.toString(brokerPid));
        try {
            write();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Clears the record and releases the lock. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        try {
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            // Closing the channel releases the lock in any case.
        } finally {
            HELD_HERE.remove(dir);
        }
    }

    private void write() throws IOException {
        StringBuilder text = new StringBuilder("# held by the process that runs the broker of this folder\n");
        record.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\").replace("\n", " ")).append('\n'));
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
    }

    private static String read(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 64 * 1024);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    }

    private static Optional<Holder> readHolder(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    static Optional<Holder> parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        long pid = number(p.getProperty(PID));
        if (pid < 0) {
            return Optional.empty();
        }
        return Optional.of(new Holder(pid, p.getProperty(COMMAND), p.getProperty(BOOTSTRAP_SERVERS),
                number(p.getProperty(BROKER_PID)), p.getProperty(SINCE)));
    }

    private static long number(String s) {
        try {
            return s == null ? -1 : Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Waits for a broker JVM left by a dead holder to exit (it does once its parent is gone), then kills it. */
    private static void awaitLeftover(long brokerPid, Consumer<String> notice) {
        if (brokerPid <= 0) {
            return;
        }
        Optional<ProcessHandle> left = ProcessHandle.of(brokerPid).filter(ProcessHandle::isAlive)
                .filter(h -> h.info().commandLine().map(c -> c.contains(ChildMain.class.getName())).orElse(false));
        if (left.isEmpty()) {
            return;
        }
        notice.accept("waiting for the broker JVM (pid " + brokerPid + ") that process left behind to exit");
        try {
            left.get().onExit().get(LEFTOVER_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            notice.accept("killing the broker JVM (pid " + brokerPid + "), which did not exit within "
                    + LEFTOVER_WAIT.toSeconds() + " s");
            left.get().destroyForcibly();
            try {
                left.get().onExit().get(LEFTOVER_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException again) {
                // Kafka's own lock then tells.
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            // It is gone.
        }
    }
}
