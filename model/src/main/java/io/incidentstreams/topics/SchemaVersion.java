package io.incidentstreams.topics;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The schema version every record on the raw-articles and incidents topics carries in header
 * {@value #HEADER}, as UTF-8 text. A consumer checks it before parsing; the major number changes only when a
 * field is removed or changes meaning (adding a field is not a break, so consumers must ignore unknown fields).
 */
public final class SchemaVersion {
    /** Header name carrying the value's schema version. */
    public static final String HEADER = "incidents.schema.version";
    /** Version of the {@code Article} record on raw-articles. */
    public static final String ARTICLE = "1";
    /** Version of the {@code Incident} record on incidents (tombstones carry it too). */
    public static final String INCIDENT = "1";
    /** Version of the {@code IncidentMention} record on unresolved-mentions (tombstones carry it too). */
    public static final String MENTION = "1";

    private SchemaVersion() {
    }

    /** Fresh headers holding only the given schema version. */
    public static Headers headers(String version) {
        return new RecordHeaders().add(HEADER, version.getBytes(StandardCharsets.UTF_8));
    }

    /** The version a record carries, or null when it has none. */
    public static String of(Headers headers) {
        var h = headers.lastHeader(HEADER);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
