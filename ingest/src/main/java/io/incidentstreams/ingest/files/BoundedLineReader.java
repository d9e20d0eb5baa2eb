package io.incidentstreams.ingest.files;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ({@code \n} or {@code \r\n}) without ever holding more than a bounded number of
 * bytes: a longer line is skipped to its end and reported by its length, so one 10 MB line cannot exhaust memory.
 */
final class BoundedLineReader implements Closeable {

    /**
     * One line.
     *
     * @param number 1-based line number
     * @param bytes  the line without its terminator, or null when it exceeds the limit
     * @param length the line's length in bytes
     */
    record Line(int number, byte[] bytes, long length) {
        boolean tooLong() {
            return bytes == null;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private int lineNumber;
    private boolean eof;

    BoundedLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        if (eof && position >= limit) {
            return null;
        }
        byte[] line = new byte[Math.min(maxLineBytes, 8 * 1024)];
        int size = 0;
        long length = 0;
        boolean kept = true;
        boolean sawAny = false;
        while (true) {
            if (position >= limit && !fill()) {
                if (!sawAny) {
                    return null;
                }
                break;
            }
            sawAny = true;
            int start = position;
            int newline = -1;
            for (int i = position; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            int count = end - start;
            length += count;
            if (kept) {
                if (length > maxLineBytes + 1L) {
                    kept = false;
                    line = null;
                } else {
                    if (size + count > line.length) {
                        line = Arrays.copyOf(line, Math.max(size + count, Math.min(line.length * 2, maxLineBytes + 1)));
                    }
                    System.arraycopy(buffer, start, line, size, count);
                    size += count;
                }
            }
            position = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        lineNumber++;
        if (kept && size > 0 && line[size - 1] == '\r') {
            size--;
            length--;
        }
        if (!kept || size > maxLineBytes) {
            return new Line(lineNumber, null, length);
        }
        return new Line(lineNumber, Arrays.copyOf(line, size), size);
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int read = in.read(buffer, 0, buffer.length);
        if (read < 0) {
            eof = true;
            position = 0;
            limit = 0;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
