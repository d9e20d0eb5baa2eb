package io.incidentstreams.ingest.watch;

import java.nio.file.Path;

/** Told what the watcher does, on its thread: keep it quick. Every method does nothing by default. */
public interface WatchListener {
    WatchListener NONE = new WatchListener() { };

    /** A file was read and committed: {@code published} new articles, {@code unchanged} already published, {@code rejected} dead-lettered. */
    default void published(Path file, int published, int unchanged, int rejected) {
    }

    /** A file whose bytes were already handled by an earlier run was skipped. */
    default void unchanged(Path file) {
    }

    /** An entry that is never read, such as a symbolic link, was skipped; told once per entry. */
    default void skipped(Path file, String reason) {
    }

    /** A file could not be read; it is tried again when it changes. */
    default void failed(Path file, String reason) {
    }
}
