package io.incidentstreams.ingest;

/**
 * Told how an ingest run is going, every {@link IngestOptions#progressEveryRecords()} inputs and at least every
 * {@link IngestOptions#progressInterval()} while inputs keep coming. Called on the ingesting thread: keep it quick.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = progress -> { };

    void onProgress(IngestProgress progress);
}
