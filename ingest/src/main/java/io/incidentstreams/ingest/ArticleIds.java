package io.incidentstreams.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Stable article ids, the key of the raw-articles topic: ingesting the same input twice gives the same key.
 *
 * <p>The order of preference is the id the input gives, else its URL, else {@code sha256:} and the hex SHA-256 of
 * the normalised text. Normalisation applies Unicode NFKC (so full-width letters, ligatures and non-breaking spaces
 * become their plain forms), collapses every run of Unicode whitespace into one space and trims. Case is kept:
 * the id names one text, and whether two differently capitalised texts report the same thing is decided by the
 * near-duplicate detection downstream, not by the key.
 */
public final class ArticleIds {
    public static final String SHA256_PREFIX = "sha256:";

    private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");

    private ArticleIds() {
    }

    /**
     * The id of an article.
     *
     * @param givenId the input's own id, used when not blank (trimmed)
     * @param url     the article's URL, used when there is no id and it is not blank (trimmed)
     * @param text    the article's text, hashed when there is neither
     * @throws IllegalArgumentException when all three are blank
     */
    public static String idFor(String givenId, String url, String text) {
        if (givenId != null && !givenId.isBlank()) {
            return givenId.strip();
        }
        if (url != null && !url.isBlank()) {
            return url.strip();
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an article needs an id, a URL or a text");
        }
        return SHA256_PREFIX + sha256Hex(normalise(text));
    }

    /** NFKC, whitespace runs collapsed to one space, trimmed; case kept. */
    public static String normalise(String text) {
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC);
        return WHITESPACE.matcher(nfkc).replaceAll(" ").strip();
    }

    private static String sha256Hex(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
