package io.incidentstreams.sink.http;

import java.util.Map;

/**
 * Something else running in the server's process whose state belongs in {@code /health} and {@code /metrics},
 * such as the enrich Kafka Streams app when it runs in the same process.
 */
public interface Component {
    /** Its key in the health and metrics documents. */
    String name();

    /** False when it has stopped or failed: the server is then unhealthy. */
    boolean healthy();

    /** Its figures and state, as JSON-friendly values. */
    Map<String, Object> details();
}
