package io.incidentstreams.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondLockInTheSameJvmIsRefusedNamingThisProcess() {
        try (DataDirLock first = DataDirLock.acquire(dir, "first", s -> { })) {
            assertThatThrownBy(() -> DataDirLock.acquire(dir, "second", s -> { }))
                    .isInstanceOf(BrokerLockedException.class)
                    .hasMessageContaining("process " + ProcessHandle.current().pid())
                    .hasMessageContaining("first");
        }
        DataDirLock.acquire(dir, "third", s -> { }).close();
    }

    @Test
    void anotherProcessHoldsTheLockUntilKilledThenItsStaleLockIsCleared() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolderMain.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");

            assertThat(DataDirLock.holder(dir)).hasValueSatisfying(h -> {
                assertThat(h.pid()).isEqualTo(holder.pid());
                assertThat(h.bootstrapServers()).isEqualTo("127.0.0.1:1");
            });
            assertThatThrownBy(() -> DataDirLock.acquire(dir, "second", s -> { }))
                    .isInstanceOf(BrokerLockedException.class)
                    .hasMessageContaining("process " + holder.pid() + " (lock-holder)")
                    .hasMessageContaining("127.0.0.1:1");

            holder.destroyForcibly();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(DataDirLock.holder(dir)).isEmpty();
            List<String> notices = new ArrayList<>();
            try (DataDirLock lock = DataDirLock.acquire(dir, "after the kill", notices::add)) {
                assertThat(notices).singleElement().asString()
                        .contains("stale lock").contains("process " + holder.pid());
                assertThat(DataDirLock.holder(dir)).hasValueSatisfying(
                        h -> assertThat(h.pid()).isEqualTo(ProcessHandle.current().pid()));
            }
        } finally {
            holder.destroyForcibly();
        }
    }

    @Test
    void aCleanReleaseLeavesNoStaleLock() {
        DataDirLock.acquire(dir, "first", s -> { }).close();
        List<String> notices = new ArrayList<>();
        DataDirLock.acquire(dir, "second", notices::add).close();
        assertThat(notices).isEmpty();
        assertThat(DataDirLock.holder(dir)).isEmpty();
        assertThat(Files.exists(dir.resolve(DataDirLock.FILE))).isTrue();
    }
}
