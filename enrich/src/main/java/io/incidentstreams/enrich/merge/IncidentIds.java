package io.incidentstreams.enrich.merge;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Incident ids. A cluster of mentions is named after its smallest mention id, so the id depends only on which
 * mentions belong to the incident, never on the order in which they arrived.
 */
public final class IncidentIds {
    private IncidentIds() {
    }

    public static String forMention(String mentionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(mentionId.getBytes(StandardCharsets.UTF_8));
            return "inc-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static String forCluster(Collection<String> mentionIds) {
        return forMention(mentionIds.stream().min(String::compareTo)
                .orElseThrow(() -> new IllegalArgumentException("empty cluster")));
    }

    /** The article id part of a mention id {@code <articleId>#<index>}. */
    public static String articleOf(String mentionId) {
        int hash = mentionId.lastIndexOf('#');
        return hash < 0 ? mentionId : mentionId.substring(0, hash);
    }
}
