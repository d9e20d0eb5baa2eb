package io.incidentstreams.ingest;

import io.incidentstreams.model.Article;
import java.util.Objects;

/**
 * What reading one input gave: an article to publish, or a rejection to send to the dead-letter topic.
 * Readers stream these one by one, so a huge directory is never held in memory.
 */
public sealed interface ReadResult permits ReadResult.Accepted, ReadResult.Rejected {

    /** Where the input came from: a file path, or {@code path:line} for one line of a JSON file. */
    String source();

    /** An input read as an article, its id already assigned by {@link ArticleIds}. */
    record Accepted(Article article) implements ReadResult {
        public Accepted {
            Objects.requireNonNull(article, "article");
        }

        @Override
        public String source() {
            return article.origin();
        }
    }

    /**
     * An input that is not an article.
     *
     * @param source    file path, or {@code path:line}
     * @param reason    why it was rejected, readable by a person
     * @param raw       the input's bytes, or null when there are none (unreadable file) or they were too large to
     *                  keep
     * @param truncated true when the input had bytes but they were left out because they exceed the maximum
     *                  article size: the dead letter then carries the reason without the content
     */
    record Rejected(String source, String reason, byte[] raw, boolean truncated) implements ReadResult {
        public Rejected {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
        }

        /** A rejection that keeps its raw bytes (or has none). */
        public Rejected(String source, String reason, byte[] raw) {
            this(source, reason, raw, false);
        }

        /** A rejection whose content was too large to keep. */
        public static Rejected withoutContent(String source, String reason) {
            return new Rejected(source, reason, null, true);
        }

        @Override
        public String toString() {
            return "Rejected[source=" + source + ", reason=" + reason + ", raw="
                    + (raw == null ? "null" : raw.length + " bytes") + ", truncated=" + truncated + "]";
        }
    }
}
