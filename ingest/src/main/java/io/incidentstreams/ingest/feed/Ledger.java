package io.incidentstreams.ingest.feed;

/**
 * Where pollers publish, and what they remember: {@link KafkaLedger} in production. A batch is all or nothing,
 * and its marks are visible to {@link #seen} only once it is committed.
 */
public interface Ledger extends AutoCloseable {

    /** True when a mark is committed under {@code key}, by this instance or an earlier one. */
    boolean seen(String key);

    /** The digest of the mark committed under {@code key}; null when there is none or it has no digest. */
    String digest(String key);

    /** Publishes the batch atomically; throws {@link io.incidentstreams.ingest.IngestException} when it failed. */
    void commit(LedgerBatch batch);

    /** Articles committed by this instance. */
    long published();

    /** Dead letters committed by this instance. */
    long deadLettered();

    @Override
    void close();
}
