package io.incidentstreams.cli;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs the CLI in the test's JVM with its stdout captured, and gives the real stdout back after each test. Register
 * it on an instance field with {@code @RegisterExtension}, so that each test starts with an empty capture.
 */
final class CapturedCli implements AfterEachCallback {
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    /** Runs {@code incidents <args>}; returns its exit code. */
    int run(String... args) {
        Cli.redirectOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        Cli.redirectErr(new PrintStream(new TeeStream(stderr, new FileOutputStream(FileDescriptor.err)), true,
                StandardCharsets.UTF_8));
        return IncidentsCli.run(args);
    }

    /** Everything the runs of this test printed on stdout. */
    String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    /** Everything the runs of this test told the user on stderr (also shown on the real stderr). */
    String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Cli.redirectOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
        Cli.redirectErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
    }

    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
