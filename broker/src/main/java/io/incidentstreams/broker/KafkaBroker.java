package io.incidentstreams.broker;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one process) running in a child JVM.
 *
 * <p>A child JVM rather than a broker inside this JVM: the broker's threads, heap and log output stay out of the
 * application or test that uses it, it can be killed with SIGKILL to test recovery, and it needs no Kafka-internal
 * test API that changes between releases. The child runs with this JVM's classpath, so the Kafka version is the one
 * the project builds against.
 *
 * <pre>{@code
 * try (KafkaBroker broker = KafkaBroker.builder().start()) {
 *     String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 *
 * <p>No broker outlives its parent: a JVM shutdown hook stops a child that is still running, and the child exits on
 * its own when the parent dies without running hooks (see {@link ChildMain}).
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBroker.class);

    static final String SERVER_PROPERTIES = "server.properties";
    static final String LOG4J2_CONFIG = "broker-log4j2.xml";
    static final String CLASSPATH_ARGS = "classpath.args";
    static final String KAFKA_DATA = "kraft-data";
    static final String DEFAULT_LOG_FILE = "broker.log";
    /** The TLS material and SCRAM credentials of a secured broker, in its data dir. */
    static final String SECURITY_DIR = "security";

    /** Variables the launcher or the JVM reads; they were meant for the parent, and the child's options are ours. */
    private static final List<String> PARENT_JVM_ENV = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration HOOK_STOP_TIMEOUT = Duration.ofSeconds(15);
    static final long HOLD_TIMEOUT_SECONDS = 30;
    /** Longest wait, at JVM shutdown, for clients holding the broker (see {@link #hold()}) to close. */
    static final Duration HOLD_TIMEOUT = Duration.ofSeconds(HOLD_TIMEOUT_SECONDS);
    private static final long MIN_BACKOFF_MS = 25;
    private static final long MAX_BACKOFF_MS = 250;
    private static final int TAIL_LINES = 40;

    private final Path dataDir;
    private final boolean ownsDataDir;
    private final int port;
    private final int controllerPort;
    private final int heapMb;
    private final Duration startupTimeout;
    private final Path logFile;
    private final List<String> jvmOptions;
    private final Map<String, String> extraConfig;
    private final Path serverProperties;
    private final Path log4j2Config;
    private final Path classpathArgs;
    private final boolean secure;
    /** The cluster id storage is formatted with; {@code null} picks a random one. */
    private final String clusterId;
    private BrokerSecurity security;

    private final DataDirLock lock;
    private volatile Process process;
    /** Clients that need the broker until they have closed; guarded by itself. */
    private final Object holdLock = new Object();
    private int holds;
    private volatile Duration lastStartup = Duration.ZERO;
    private Thread shutdownHook;
    private boolean closed;

    private KafkaBroker(Builder builder, Path dataDir, boolean ownsDataDir, int port, int controllerPort,
                        DataDirLock lock) {
        this.lock = lock;
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heapMb = builder.heapMb;
        this.startupTimeout = builder.startupTimeout;
        this.logFile = builder.logFile != null ? builder.logFile.toAbsolutePath() : dataDir.resolve(DEFAULT_LOG_FILE);
        this.jvmOptions = List.copyOf(builder.jvmOptions);
        this.extraConfig = Map.copyOf(builder.brokerConfig);
        this.serverProperties = dataDir.resolve(SERVER_PROPERTIES);
        this.log4j2Config = dataDir.resolve(LOG4J2_CONFIG);
        this.classpathArgs = dataDir.resolve(CLASSPATH_ARGS);
        this.secure = builder.secure;
        this.clusterId = builder.clusterId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code 127.0.0.1:<port>}, the PLAINTEXT listener, or the SASL_SSL one of a {@linkplain Builder#secure() secured} broker. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The CONTROLLER listener's port on 127.0.0.1. */
    public int controllerPort() {
        return controllerPort;
    }

    /** Whether the listener is SASL_SSL with SCRAM-SHA-512 (see {@link Builder#secure()}). */
    public boolean isSecure() {
        return secure;
    }

    /** The TLS material and user of a secured broker. */
    public BrokerSecurity security() {
        if (security == null) {
            throw new IllegalStateException("the broker is not secured");
        }
        return security;
    }

    /**
     * The Kafka client properties that reach this broker, {@code bootstrap.servers} included: for a secured broker
     * also {@code security.protocol}, {@code sasl.*} and {@code ssl.truststore.*}.
     */
    public Map<String, String> clientProperties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (secure) {
            p.putAll(security().clientProperties());
        }
        return p;
    }

    /** Process id of the broker's JVM; changes on {@link #restart()}. */
    public long pid() {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException("broker was never started");
        }
        return p.pid();
    }

    /** The folder holding the broker's config, its Kafka data ({@code kraft-data/}) and, by default, its log. */
    public Path dataDir() {
        return dataDir;
    }

    /** The broker's own log: log4j2 output, plus whatever the child JVM writes to stdout and stderr. */
    public Path logFile() {
        return logFile;
    }

    public boolean isRunning() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Time from launching the child JVM to the broker answering, for the last start or restart. */
    public Duration startupTime() {
        return lastStartup;
    }

    /**
     * Blocks until the broker's JVM exits, for running a broker in the foreground until Ctrl-C; returns its exit code.
     *
     * <p>On Ctrl-C the child ignores the SIGINT it gets with its process group; this JVM's shutdown hook stops it with
     * SIGTERM once no client {@linkplain #hold() holds} it, and Kafka shuts down gracefully.
     */
    public int awaitExit() throws InterruptedException {
        Process p = process;
        if (p == null) {
            throw new IllegalStateException("broker was never started");
        }
        return p.waitFor();
    }

    /** Graceful stop: SIGTERM, so Kafka flushes and closes its logs, then waits; kills it if that takes over 30 s. */
    public synchronized void stop() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        long begin = System.nanoTime();
        p.destroy();
        boolean exited = waitFor(p, STOP_TIMEOUT);
        if (!exited) {
            LOG.warn("Kafka broker pid {} did not stop within {} s; killing it", p.pid(), STOP_TIMEOUT.toSeconds());
            p.destroyForcibly();
            waitFor(p, STOP_TIMEOUT);
        }
        closeQuietly(p.getOutputStream());
        LOG.info("Kafka broker pid {} stopped in {} ms", p.pid(), millisSince(begin));
    }

    /**
     * Kills the broker's JVM with SIGKILL, as a crash would: no flush, no controlled shutdown.
     *
     * <p>Records acknowledged before the kill survive a {@link #restart()}, and so do transactions whose commit
     * markers were written. A transaction killed between its commit and its markers can hang, though: on restart the
     * node's partitions have no leader until its previous registration expires, Kafka's transaction coordinator
     * skips markers for leaderless partitions, and {@code read_committed} consumers then stop at that transaction.
     * A single combined node always goes through that window, so fault tests should wait until committed data is
     * readable before killing the broker.
     */
    public synchronized void kill() {
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroyForcibly();
        if (!waitFor(p, STOP_TIMEOUT)) {
            throw new IllegalStateException("Kafka broker pid " + p.pid() + " survived SIGKILL for 30 s");
        }
        closeQuietly(p.getOutputStream());
        LOG.info("Kafka broker pid {} killed", p.pid());
    }

    /**
     * Stops the broker if it runs, then starts it again on the same ports with the same data, and waits until it
     * answers. Storage is not formatted again, so topics and committed records survive.
     */
    public synchronized void restart() {
        ensureOpen();
        stop();
        launchAndAwait(false);
    }

    /** Stops the broker and deletes the data dir if this broker created it. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is shutting down already; the hook does the same work.
            }
        }
        lock.close();
        if (ownsDataDir) {
            deleteRecursively(dataDir);
        }
    }

    @Override
    public String toString() {
        return "KafkaBroker[" + bootstrapServers() + ", data=" + dataDir + ", running=" + isRunning() + "]";
    }

    private synchronized void start() {
        writeFiles();
        launchAndAwait(true);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("broker is closed");
        }
    }

    private void writeFiles() {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            Path securityDir = dataDir.resolve(SECURITY_DIR);
            if (isFormatted() && secure != BrokerSecurity.exists(securityDir)) {
                throw new IllegalStateException("the broker data in " + dataDir + " was made "
                        + (secure ? "without" : "with") + " the SASL_SSL listener, and cannot be started "
                        + (secure ? "with" : "without") + " it; use another data folder");
            }
            Map<String, String> overrides = new LinkedHashMap<>();
            if (secure) {
                security = BrokerSecurity.prepare(securityDir);
                overrides.putAll(security.serverSettings(port, controllerPort));
            }
            overrides.putAll(extraConfig);
            Map<String, String> settings = ServerProperties.settings(port, controllerPort, dataDir.resolve(KAFKA_DATA),
                    overrides);
            Files.writeString(serverProperties, ServerProperties.render(settings), StandardCharsets.UTF_8);
            if (secure && serverProperties.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(serverProperties,
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            }
            Files.writeString(log4j2Config, ChildJvm.log4j2Config(logFile), StandardCharsets.UTF_8);
            ChildJvm.writeClasspathArgFile(classpathArgs,
                    ChildJvm.expandClasspath(System.getProperty("java.class.path")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write broker files in " + dataDir, e);
        }
    }

    private void launchAndAwait(boolean formatIfNeeded) {
        long begin = System.nanoTime();
        long formatMillis = 0;
        if (formatIfNeeded && !isFormatted()) {
            format();
            formatMillis = millisSince(begin);
        }
        long launch = System.nanoTime();
        Process p = launch(List.of("io.incidentstreams.broker.ChildMain", serverProperties.toString()), heapMb,
                ProcessBuilder.Redirect.PIPE);
        process = p;
        registerShutdownHook();
        try {
            awaitReady(p, launch);
        } catch (RuntimeException e) {
            p.destroyForcibly();
            waitFor(p, STOP_TIMEOUT);
            throw e;
        }
        lastStartup = Duration.ofNanos(System.nanoTime() - launch);
        lock.recordBroker(bootstrapServers(), p.pid());
        LOG.info("Kafka broker ready on {} in {} ms{} (pid {}, heap {} MiB, data {})", bootstrapServers(),
                lastStartup.toMillis(), formatMillis > 0 ? ", storage formatted first in " + formatMillis + " ms" : "",
                p.pid(), heapMb, dataDir);
    }

    /** {@code meta.properties} is what {@code StorageTool format} writes; its presence means "formatted". */
    private boolean isFormatted() {
        return Files.exists(dataDir.resolve(KAFKA_DATA).resolve("meta.properties"));
    }

    private void format() {
        String clusterId = this.clusterId != null ? this.clusterId : Uuid.randomUuid().toString();
        // A short-lived tool: the C1 compiler and the serial collector start fastest.
        List<String> command = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "kafka.tools.StorageTool", "format", "-t", clusterId, "-c", serverProperties.toString()));
        if (secure) {
            // The SCRAM user exists before the broker first listens, as brokers authenticate with it too.
            command.add("--add-scram");
            command.add(security.scramArgument());
        }
        Process p = launch(command, Math.min(heapMb, 128),
                ProcessBuilder.Redirect.from(nullFile()));
        if (!waitFor(p, startupTimeout)) {
            p.destroyForcibly();
            throw failure("formatting storage did not finish within " + startupTimeout.toSeconds() + " s");
        }
        if (p.exitValue() != 0) {
            throw failure("formatting storage failed with exit code " + p.exitValue());
        }
    }

    /**
     * Starts a child JVM with this JVM's classpath. Its stdout and stderr go to the broker log, never to ours.
     * {@code jvmOptions} may start with JVM flags, followed by the main class and its arguments.
     */
    private Process launch(List<String> mainAndArgs, int heap, ProcessBuilder.Redirect stdin) {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaExecutable());
        command.add("@" + classpathArgs);
        command.add("-Xmx" + heap + "m");
        command.add("-Xms" + Math.min(heap, 64) + "m");
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.add("-Djava.awt.headless=true");
        command.add("-Dlog4j2.configurationFile=" + log4j2Config);
        command.addAll(jvmOptions);
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dataDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(stdin);
        PARENT_JVM_ENV.forEach(builder.environment()::remove);
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /**
     * Polls until the broker answers an Admin client, failing as soon as the child exits.
     *
     * <p>First a plain TCP connect, which costs nothing while the JVM boots and keeps the Admin client from logging
     * a connection warning per attempt; then {@code describeCluster} and {@code listTopics}, which only succeed once
     * the broker has registered with its controller and serves requests.
     */
    private void awaitReady(Process p, long launchNanos) {
        long deadline = launchNanos + startupTimeout.toNanos();
        long backoff = MIN_BACKOFF_MS;
        while (!portAccepts()) {
            backoff = pause(p, deadline, backoff, null);
        }
        Properties props = new Properties();
        props.putAll(clientProperties());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "kafka-broker-readiness");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, "25");
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "250");
        props.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, "25");
        backoff = MIN_BACKOFF_MS;
        try (Admin admin = Admin.create(props)) {
            while (true) {
                Exception last;
                try {
                    int attemptMs = 1000;
                    Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(attemptMs))
                            .nodes().get(attemptMs + 500L, TimeUnit.MILLISECONDS);
                    admin.listTopics(new ListTopicsOptions().timeoutMs(attemptMs).listInternal(true))
                            .names().get(attemptMs + 500L, TimeUnit.MILLISECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                    last = null;
                } catch (ExecutionException e) {
                    last = e.getCause() instanceof Exception cause ? cause : e;
                } catch (TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for the Kafka broker", e);
                }
                backoff = pause(p, deadline, backoff, last);
            }
        }
    }

    private boolean portAccepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 250);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Waits for one back-off period, returning the next one; throws when the child has exited or time is up.
     * Waiting on the process itself means an exit ends the wait at once.
     */
    private long pause(Process p, long deadline, long backoff, Exception last) {
        long remaining = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (remaining <= 0) {
            String cause = last == null ? "" : " (last error: " + last + ")";
            throw failure("Kafka broker did not answer on " + bootstrapServers() + " within "
                    + startupTimeout.toSeconds() + " s" + cause);
        }
        boolean exited = waitFor(p, Duration.ofMillis(Math.min(backoff, remaining)));
        if (exited) {
            throw failure("Kafka broker JVM exited with code " + p.exitValue() + " before it was ready");
        }
        return Math.min(backoff * 2, MAX_BACKOFF_MS);
    }

    private IllegalStateException failure(String message) {
        return new IllegalStateException(message + "; broker log " + logFile + " ends with:\n" + tail(logFile, TAIL_LINES));
    }

    /**
     * Registers, once, a hook that stops a still-running child when this JVM exits. It reads the volatile
     * {@link #process} without locking, so it cannot deadlock with a thread stuck in {@link #start()}.
     */
    private void registerShutdownHook() {
        if (shutdownHook != null) {
            return;
        }
        shutdownHook = new Thread(this::stopForShutdown, "kafka-broker-shutdown-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The shutdown hook's work: once no client holds the broker, stop a still-running child and clean up. */
    void stopForShutdown() {
        awaitReleased(HOLD_TIMEOUT);
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!waitFor(p, HOOK_STOP_TIMEOUT)) {
                p.destroyForcibly();
                waitFor(p, HOOK_STOP_TIMEOUT);
            }
        }
        if (p == null || !p.isAlive()) {
            lock.close();
        }
        if (ownsDataDir) {
            deleteRecursively(dataDir);
        }
    }

    /**
     * Keeps the broker running through this JVM's shutdown until the returned handle is closed (at most
     * {@value #HOLD_TIMEOUT_SECONDS} s), so that a client closing in its own shutdown hook, such as a Streams app
     * committing its last transaction, still reaches it. All hooks of a JVM run at once, in no set order; without a
     * hold, this broker's hook could stop it first. Closing the handle more than once is harmless.
     */
    public AutoCloseable hold() {
        synchronized (holdLock) {
            holds++;
        }
        java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                synchronized (holdLock) {
                    holds--;
                    holdLock.notifyAll();
                }
            }
        };
    }

    private void awaitReleased(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (holdLock) {
            while (holds > 0) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    LOG.warn("{} client(s) still hold the broker after {} s; stopping it anyway", holds,
                            timeout.toSeconds());
                    return;
                }
                try {
                    holdLock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Waits up to {@code timeout} for the broker's JVM to exit; true if it is not running at the end. A pause that
     * ends at once when the node dies, for callers polling the cluster around it ({@link KafkaCluster}).
     */
    boolean exitsWithin(Duration timeout) {
        Process p = process;
        return p == null || waitFor(p, timeout);
    }

    private static boolean waitFor(Process p, Duration timeout) {
        try {
            return p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException e) {
            // The child is gone; nothing to flush.
        }
    }

    /** The last {@code lines} lines of {@code file}, read from at most its last 64 KiB. */
    static String tail(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "(no log file)";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[size];
            raf.seek(length - size);
            raf.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\\R");
            int from = Math.max(0, all.length - lines);
            return String.join("\n", java.util.Arrays.asList(all).subList(from, all.length));
        } catch (IOException e) {
            return "(cannot read log file: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warn("could not delete broker data dir {}: {}", root, e.toString());
        }
    }

    static int[] freePorts(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // Only probing.
                }
            }
        }
    }

    /** Options of a broker; {@link #start()} launches it and returns once it answers. */
    public static final class Builder {
        private Path dataDir;
        private int port;
        private int heapMb = 256;
        private Duration startupTimeout = Duration.ofSeconds(60);
        private final Map<String, String> brokerConfig = new LinkedHashMap<>();
        private Path logFile;
        private final List<String> jvmOptions = new ArrayList<>();
        private String owner = defaultOwner();
        private java.util.function.Consumer<String> notices = LOG::warn;
        private boolean secure;
        private int controllerPort;
        private String clusterId;

        private Builder() {
        }

        /**
         * The CONTROLLER port on 127.0.0.1; 0 (the default) picks a free one. A node of a multi-node quorum needs it
         * fixed, since every node's {@code controller.quorum.voters} names it (see {@link KafkaCluster}).
         */
        public Builder controllerPort(int controllerPort) {
            if (controllerPort < 0 || controllerPort > 65535) {
                throw new IllegalArgumentException("port out of range: " + controllerPort);
            }
            this.controllerPort = controllerPort;
            return this;
        }

        /**
         * The cluster id a fresh data dir is formatted with; by default a random one. The nodes of one cluster must
         * share it. A data dir formatted before keeps its own.
         */
        public Builder clusterId(String clusterId) {
            this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
            return this;
        }

        /**
         * A SASL_SSL listener with SCRAM-SHA-512 instead of PLAINTEXT: a self-signed certificate for 127.0.0.1 and a
         * random password for the user {@value BrokerSecurity#USER}, made on first start in the data dir's
         * {@code security/} folder and kept with the data. {@link KafkaBroker#clientProperties()} gives what clients
         * need. A data dir keeps the choice it was first started with.
         */
        public Builder secure() {
            this.secure = true;
            return this;
        }

        private static String defaultOwner() {
            String command = System.getProperty("sun.java.command", "");
            return command.length() > 200 ? command.substring(0, 200) + "..." : command;
        }

        /**
         * What the process starting the broker is, as recorded in the data folder's lock so that a refused second
         * start can name it. Default: the JVM's main class and arguments.
         */
        public Builder owner(String owner) {
            this.owner = Objects.requireNonNull(owner, "owner");
            return this;
        }

        /** Where notices for the user go, such as a stale lock cleared. Default: this class's log, as warnings. */
        public Builder notices(java.util.function.Consumer<String> notices) {
            this.notices = Objects.requireNonNull(notices, "notices");
            return this;
        }

        /**
         * Where the broker keeps its config and data. Default: a fresh temporary folder, deleted on close. A given
         * folder is kept, and a folder formatted by an earlier run is reused without formatting it again.
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** The PLAINTEXT port on 127.0.0.1; 0 (the default) picks a free one. The controller port is always free. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        /** Maximum heap of the broker's JVM. 256 MiB by default; the broker has been seen to run in 96 MiB. */
        public Builder heapMb(int heapMb) {
            if (heapMb < 64) {
                throw new IllegalArgumentException("heap below 64 MiB cannot hold a broker: " + heapMb);
            }
            this.heapMb = heapMb;
            return this;
        }

        /** How long {@link #start()} and {@link KafkaBroker#restart()} wait for the broker to answer. Default 60 s. */
        public Builder startupTimeout(Duration startupTimeout) {
            if (startupTimeout.isNegative() || startupTimeout.isZero()) {
                throw new IllegalArgumentException("startup timeout must be positive: " + startupTimeout);
            }
            this.startupTimeout = startupTimeout;
            return this;
        }

        /** An extra server property; it overrides the defaults of {@link ServerProperties}. */
        public Builder brokerConfig(String key, String value) {
            brokerConfig.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Where the broker's own log goes. Default: {@code broker.log} in the data dir. */
        public Builder logFile(Path logFile) {
            this.logFile = Objects.requireNonNull(logFile, "logFile");
            return this;
        }

        /** An extra option for the broker's JVM, such as {@code -XX:+UseSerialGC}. */
        public Builder jvmOption(String option) {
            jvmOptions.add(Objects.requireNonNull(option, "option"));
            return this;
        }

        /**
         * Formats storage if needed, launches the broker and waits until it answers.
         *
         * @throws BrokerLockedException if another process runs a broker on the same data dir
         * @throws IllegalStateException if the broker exits or does not answer in time; the message holds the end of
         *                               its log. A data dir given with {@link #dataDir(Path)} is kept for a closer
         *                               look, a temporary one is deleted so failed starts leave nothing behind.
         */
        public KafkaBroker start() {
            boolean owns = dataDir == null;
            Path dir;
            try {
                dir = owns ? Files.createTempDirectory("kafka-broker-") : dataDir.toAbsolutePath();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary data dir", e);
            }
            DataDirLock lock = DataDirLock.acquire(dir, owner, notices);
            int[] free = freePorts(2);
            int chosenPort = port != 0 ? port : free[0];
            int controllerPort = this.controllerPort != 0 ? this.controllerPort
                    : free[1] != chosenPort ? free[1] : free[0];
            KafkaBroker broker = new KafkaBroker(this, dir, owns, chosenPort, controllerPort, lock);
            try {
                broker.start();
            } catch (RuntimeException e) {
                broker.close();
                throw e;
            }
            return broker;
        }
    }
}
