package io.incidentstreams.broker;

import java.nio.file.Path;

/** A broker cannot start: another process runs one on the same data folder (see {@link DataDirLock}). */
public final class BrokerLockedException extends IllegalStateException {
    private final Path dataDir;
    private final DataDirLock.Holder holder;

    BrokerLockedException(Path dataDir, DataDirLock.Holder holder) {
        super("the broker data folder " + dataDir + " is in use by "
                + (holder.pid() > 0 ? holder.describe() : "another process")
                + (holder.bootstrapServers() == null ? "" : ", whose broker listens on " + holder.bootstrapServers()));
        this.dataDir = dataDir;
        this.holder = holder;
    }

    public Path dataDir() {
        return dataDir;
    }

    public DataDirLock.Holder holder() {
        return holder;
    }
}
