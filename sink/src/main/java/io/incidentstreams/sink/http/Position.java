package io.incidentstreams.sink.http;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A position in the incidents topic: the next offset to read on each partition. It is the id of every event on
 * the stream, written {@code partition:offset,...} (e.g. {@code 0:17,1:4,2:0,3:9}), so a client that sends it back as
 * {@code Last-Event-ID} resumes where it stopped, even after the server restarted: offsets are durable. A
 * partition left out is read from its beginning.
 */
public record Position(Map<Integer, Long> next) {
    public static final Position START = new Position(Map.of());

    public Position {
        next = Collections.unmodifiableMap(new TreeMap<>(next));
    }

    /** The next offset to read on {@code partition}: 0 when the position does not name it. */
    public long of(int partition) {
        return next.getOrDefault(partition, 0L);
    }

    /** True if the record at {@code offset} of {@code partition} lies at or after this position. */
    public boolean covers(int partition, long offset) {
        return offset >= of(partition);
    }

    /** This position moved past the record at {@code offset} of {@code partition}. */
    public Position after(int partition, long offset) {
        if (offset < of(partition)) {
            return this;
        }
        TreeMap<Integer, Long> copy = new TreeMap<>(next);
        copy.put(partition, offset + 1);
        return new Position(copy);
    }

    /**
     * Parses {@code partition:offset,...}.
     *
     * @throws IllegalArgumentException with a reason fit for a person when it is not one
     */
    public static Position parse(String text) {
        if (text == null || text.isBlank()) {
            return START;
        }
        TreeMap<Integer, Long> next = new TreeMap<>();
        for (String part : text.trim().split(",")) {
            int colon = part.indexOf(':');
            if (colon < 1 || colon == part.length() - 1) {
                throw new IllegalArgumentException("'" + text + "' is not a stream position (expected partition:offset,...)");
            }
            try {
                int partition = Integer.parseInt(part.substring(0, colon).trim());
                long offset = Long.parseLong(part.substring(colon + 1).trim());
                if (partition < 0 || offset < 0) {
                    throw new IllegalArgumentException("a stream position has no negative partition or offset: '" + text + "'");
                }
                if (next.put(partition, offset) != null) {
                    throw new IllegalArgumentException("partition " + partition + " appears twice in '" + text + "'");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a stream position (expected partition:offset,...)", e);
            }
        }
        return new Position(next);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        next.forEach((p, o) -> sb.append(sb.length() == 0 ? "" : ",").append(p).append(':').append(o));
        return sb.toString();
    }
}
