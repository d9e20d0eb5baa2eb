package io.incidentstreams.ingest.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.NoSuchElementException;

/**
 * A JSON Lines file: one article object per line, read line by line. A bad line is rejected with its line number
 * and the next line is read as usual. Blank lines separate nothing and are skipped.
 */
final class JsonLinesFile implements FileResults {
    private static final ObjectReader READER = Json.MAPPER.reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final String path;
    private final int maxTextBytes;
    private final BoundedLineReader lines;
    private ReadResult next;
    private boolean done;
    private int produced;

    JsonLinesFile(String path, InputStream in, int maxTextBytes) {
        this.path = path;
        this.maxTextBytes = maxTextBytes;
        this.lines = new BoundedLineReader(in, maxLineBytes(maxTextBytes));
    }

    /**
     * Longest line read: the text limit doubled (JSON escapes seldom double a text) plus room for the other fields.
     */
    static int maxLineBytes(int maxTextBytes) {
        return (int) Math.min(Integer.MAX_VALUE - 16, 2L * maxTextBytes + 64 * 1024);
    }

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            next = readNext();
        }
        return next != null;
    }

    @Override
    public ReadResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ReadResult result = next;
        next = null;
        produced++;
        return result;
    }

    /** The next result, or null for a blank line; sets {@link #done} at the end. */
    private ReadResult readNext() {
        BoundedLineReader.Line line;
        try {
            line = lines.next();
        } catch (IOException e) {
            done = true;
            return new ReadResult.Rejected(path, "cannot read the rest of the file: " + Rejections.describe(e), null);
        }
        if (line == null) {
            done = true;
            return produced == 0 ? new ReadResult.Rejected(path, "empty file: no JSON lines", new byte[0]) : null;
        }
        String source = path + ":" + line.number();
        String where = "line " + line.number();
        if (line.tooLong()) {
            return ReadResult.Rejected.withoutContent(source, where + ": " + line.length()
                    + " bytes, longer than the maximum line of " + maxLineBytes(maxTextBytes) + " bytes");
        }
        byte[] raw = line.bytes();
        if (isBlank(raw)) {
            return null;
        }
        if (Utf8.containsNul(raw, 0, raw.length)) {
            return Rejections.of(source, where + ": binary content (NUL bytes)", raw, maxTextBytes);
        }
        String json;
        try {
            json = Utf8.decode(raw);
        } catch (Utf8.InvalidUtf8Exception e) {
            return Rejections.of(source, where + ": not valid UTF-8: malformed byte sequence at byte offset "
                    + e.offset() + " of the line", raw, maxTextBytes);
        }
        if (line.number() == 1) {
            json = Utf8.withoutBom(json);
        }
        JsonNode node;
        try {
            node = READER.readTree(json);
        } catch (JsonProcessingException e) {
            String column = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            return Rejections.of(source, where + ": malformed JSON" + column + ": " + e.getOriginalMessage(), raw,
                    maxTextBytes);
        }
        return JsonArticle.toResult(node, source, where, () -> raw, maxTextBytes);
    }

    private static boolean isBlank(byte[] raw) {
        for (byte b : raw) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            lines.close();
        } catch (IOException ignored) {
            // Read-only file: nothing was written that a failed close could lose.
        }
    }
}
