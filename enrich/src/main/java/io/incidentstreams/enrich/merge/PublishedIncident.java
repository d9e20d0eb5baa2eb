package io.incidentstreams.enrich.merge;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the merge step remembers of an incident it published: a digest of its JSON, to skip publishing it again
 * unchanged, and its date, for the linker's choice between truces. About 45 bytes instead of the whole incident
 * (2 to 3 KB, growing with its sources): the store's changelog no longer repeats the incidents topic, and an
 * unchanged incident is recognised without reading the last one back into an object.
 *
 * <p>Stored as {@code <digest>|<date>}, the date empty when the incident has none. The digest is the first 128
 * bits of the SHA-256 of the record value: a collision, which would hold back one update, is out of reach.
 *
 * @param digest hex of the digest of the incident's JSON, as written to the incidents topic
 * @param date   the incident's date, or null
 */
public record PublishedIncident(String digest, String date) {
    private static final char SEP = '|';

    public static PublishedIncident of(byte[] json, String date) {
        try {
            return new PublishedIncident(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 16),
                    date);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The stored form, or null for null. */
    public static PublishedIncident decode(String stored) {
        if (stored == null) {
            return null;
        }
        int sep = stored.indexOf(SEP);
        if (sep < 0) {
            throw new IllegalStateException("not a published-incident entry: " + stored);
        }
        String date = stored.substring(sep + 1);
        return new PublishedIncident(stored.substring(0, sep), date.isEmpty() ? null : date);
    }

    public String encode() {
        return digest + SEP + (date == null ? "" : date);
    }
}
