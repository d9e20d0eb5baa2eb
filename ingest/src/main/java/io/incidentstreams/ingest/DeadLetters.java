package io.incidentstreams.ingest;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Dead letters written by ingest. Key: the source ({@code path} or {@code path:line}) as UTF-8, so that letters of
 * one file share a partition and stay in reading order. Value: the input's raw bytes, or null when they exceed the
 * maximum article size (then header {@value #TRUNCATED} is {@code true}) or there were none (unreadable file).
 * Headers say which stage rejected it, why, and from where.
 */
public final class DeadLetters {
    public static final String STAGE = "incidents.error.stage";
    public static final String REASON = "incidents.error.reason";
    public static final String SOURCE = "incidents.error.source";
    public static final String TRUNCATED = "incidents.error.truncated";
    public static final String STAGE_INGEST = "ingest";

    private DeadLetters() {
    }

    /** The dead letter of one rejection; raw bytes above {@code maxValueBytes} are left out. */
    public static ProducerRecord<byte[], byte[]> record(String topic, ReadResult.Rejected rejected, int maxValueBytes) {
        byte[] raw = rejected.raw();
        boolean truncated = rejected.truncated() || (raw != null && raw.length > maxValueBytes);
        byte[] value = truncated ? null : raw;
        RecordHeaders headers = new RecordHeaders();
        headers.add(STAGE, utf8(STAGE_INGEST));
        headers.add(REASON, utf8(rejected.reason()));
        headers.add(SOURCE, utf8(rejected.source()));
        if (truncated) {
            headers.add(TRUNCATED, utf8("true"));
        }
        return new ProducerRecord<>(topic, null, utf8(rejected.source()), value, headers);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
