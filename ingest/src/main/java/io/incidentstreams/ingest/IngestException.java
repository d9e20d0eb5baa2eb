package io.incidentstreams.ingest;

import java.util.Optional;

/**
 * Ingest could not go on: Kafka unreachable, topics not creatable, or a send failed for good. The message is meant
 * for the user as it is ("cannot reach Kafka at localhost:9092 within 10 s"); a command prints it and exits
 * non-zero.
 */
public class IngestException extends RuntimeException {
    private final transient IngestSummary partial;

    public IngestException(String message) {
        this(message, null, null);
    }

    public IngestException(String message, Throwable cause) {
        this(message, cause, null);
    }

    private IngestException(String message, Throwable cause, IngestSummary partial) {
        super(message, cause);
        this.partial = partial;
    }

    /** The same failure, with what the run achieved before it. */
    IngestException withPartialSummary(IngestSummary summary) {
        IngestException copy = new IngestException(getMessage(), getCause(), summary);
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    /** What had been read, published and rejected when the run stopped; empty when it stopped before reading. */
    public Optional<IngestSummary> partialSummary() {
        return Optional.ofNullable(partial);
    }
}
