package io.incidentstreams.ingest.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    private static List<BoundedLineReader.Line> lines(String content, int max) throws IOException {
        List<BoundedLineReader.Line> lines = new ArrayList<>();
        try (BoundedLineReader reader = new BoundedLineReader(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), max)) {
            for (BoundedLineReader.Line line = reader.next(); line != null; line = reader.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String text(BoundedLineReader.Line line) {
        return new String(line.bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void splitsOnNewlinesAndDropsCarriageReturns() throws IOException {
        List<BoundedLineReader.Line> lines = lines("one\r\ntwo\n\nthree", 100);

        assertThat(lines).extracting(BoundedLineReaderTest::text).containsExactly("one", "two", "", "three");
        assertThat(lines).extracting(BoundedLineReader.Line::number).containsExactly(1, 2, 3, 4);
    }

    @Test
    void finalNewlineDoesNotMakeAnExtraLine() throws IOException {
        assertThat(lines("one\ntwo\n", 100)).hasSize(2);
    }

    @Test
    void lineLongerThanTheLimitIsReportedByLengthAndReadingGoesOn() throws IOException {
        String longLine = "z".repeat(200_000);

        List<BoundedLineReader.Line> lines = lines("short\n" + longLine + "\nafter\n", 1000);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(1).tooLong()).isTrue();
        assertThat(lines.get(1).length()).isEqualTo(200_000);
        assertThat(text(lines.get(2))).isEqualTo("after");
        assertThat(lines.get(2).number()).isEqualTo(3);
    }

    @Test
    void lineOfExactlyTheLimitIsKept() throws IOException {
        assertThat(lines("abcde\r\n", 5)).singleElement().satisfies(l -> assertThat(text(l)).isEqualTo("abcde"));
    }
}
