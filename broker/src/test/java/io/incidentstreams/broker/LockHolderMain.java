package io.incidentstreams.broker;

import java.nio.file.Path;

/** A process for {@link DataDirLockTest}: takes the lock of a folder, says so, and holds it until killed. */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        DataDirLock lock = DataDirLock.acquire(Path.of(args[0]), "lock-holder", System.out::println);
        lock.recordBroker("127.0.0.1:1", -1);
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
