package io.incidentstreams.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static String header(ProducerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void carriesRawBytesAndSaysWhoRejectedWhatAndWhy() {
        byte[] raw = "{\"title\": \"no body\"}".getBytes(StandardCharsets.UTF_8);
        ReadResult.Rejected rejected = new ReadResult.Rejected("in/a.jsonl:7", "line 7: no text", raw);

        ProducerRecord<byte[], byte[]> record = DeadLetters.record("t-dead-letters", rejected, 1024);

        assertThat(record.topic()).isEqualTo("t-dead-letters");
        assertThat(record.key()).asString(StandardCharsets.UTF_8).isEqualTo("in/a.jsonl:7");
        assertThat(record.value()).isEqualTo(raw);
        assertThat(header(record, DeadLetters.STAGE)).isEqualTo("ingest");
        assertThat(header(record, DeadLetters.REASON)).isEqualTo("line 7: no text");
        assertThat(header(record, DeadLetters.SOURCE)).isEqualTo("in/a.jsonl:7");
        assertThat(header(record, DeadLetters.TRUNCATED)).isNull();
    }

    @Test
    void rawBytesAboveTheMaximumAreLeftOutAndMarked() {
        ReadResult.Rejected rejected = new ReadResult.Rejected("in/b.txt", "binary file", new byte[2048]);

        ProducerRecord<byte[], byte[]> record = DeadLetters.record("dl", rejected, 1024);

        assertThat(record.value()).isNull();
        assertThat(header(record, DeadLetters.TRUNCATED)).isEqualTo("true");
    }

    @Test
    void rejectionReadWithoutItsContentIsMarkedTruncated() {
        ProducerRecord<byte[], byte[]> record = DeadLetters.record("dl",
                ReadResult.Rejected.withoutContent("in/huge.txt", "file of 10485760 bytes exceeds"), 1024);

        assertThat(record.value()).isNull();
        assertThat(header(record, DeadLetters.TRUNCATED)).isEqualTo("true");
    }

    @Test
    void unreadableFileHasNoValueAndIsNotMarkedTruncated() {
        ProducerRecord<byte[], byte[]> record = DeadLetters.record("dl",
                new ReadResult.Rejected("in/gone.txt", "no such file or directory", null), 1024);

        assertThat(record.value()).isNull();
        assertThat(header(record, DeadLetters.TRUNCATED)).isNull();
    }
}
