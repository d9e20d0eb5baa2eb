package io.incidentstreams.topics;

import io.incidentstreams.model.Article;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.serde.JsonSerde;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Every topic of the pipeline, declared once. A prefix lets several pipelines (or tests) share one cluster.
 */
public final class Topics {
    public static final String RAW_ARTICLES = "raw-articles";
    public static final String INCIDENTS = "incidents";
    public static final String DEAD_LETTERS = "dead-letters";
    public static final String UNRESOLVED_MENTIONS = "unresolved-mentions";

    public static final Serde<String> KEY_SERDE = Serdes.String();
    public static final JsonSerde<Article> ARTICLE_SERDE = JsonSerde.of(Article.class);
    public static final JsonSerde<Incident> INCIDENT_SERDE = JsonSerde.of(Incident.class);
    public static final JsonSerde<IncidentMention> MENTION_SERDE = JsonSerde.of(IncidentMention.class);

    /**
     * Raw articles. Key: article id. Value: {@link Article} JSON. Kept forever (no time or size limit): it is the
     * source of truth that replay reprocesses. Append-only, so an edited article keeps its earlier versions.
     */
    public final Topic<String, Article> rawArticles;

    /**
     * Incidents. Key: incident id. Value: {@link Incident} JSON, or null (tombstone) for an incident merged into
     * another or no longer extracted. Compacted: the latest value per id is the current state.
     */
    public final Topic<String, Incident> incidents;

    /**
     * Dead letters. From enrich: key and value are the failed record's bytes, unchanged, with headers
     * {@code __streams.errors.*} (exception, message, stack trace, source topic, partition, offset). From ingest:
     * key is the source (file path, and line for JSON Lines), value the raw bytes (null when too large), with
     * headers {@code incidents.error.stage}, {@code .reason}, {@code .source}, {@code .truncated}. Kept forever,
     * so that nothing is lost.
     */
    public final Topic<byte[], byte[]> deadLetters;

    /**
     * Reports that wait for an incident to join. Key: mention id. Value: {@link IncidentMention} JSON, or null
     * (tombstone) once the report joins a published incident or is withdrawn. A report with no day or month, or with
     * neither a place nor a country, is never published as an incident of its own: it waits here, visible, until
     * exactly one incident fits it. Compacted: the live keys are the reports waiting now.
     */
    public final Topic<String, IncidentMention> unresolvedMentions;

    private final String prefix;

    public Topics(String prefix) {
        this.prefix = prefix == null ? "" : prefix;
        this.rawArticles = new Topic<>(this.prefix + RAW_ARTICLES, KEY_SERDE, ARTICLE_SERDE, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1",
                // Room for the largest article ingest accepts (512 KiB of text, escaped as JSON).
                TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(2 * 1024 * 1024)));
        this.incidents = new Topic<>(this.prefix + INCIDENTS, KEY_SERDE, INCIDENT_SERDE, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                // Consumers that lag less than a day are guaranteed to see every tombstone.
                TopicConfig.DELETE_RETENTION_MS_CONFIG, "86400000"));
        this.deadLetters = new Topic<>(this.prefix + DEAD_LETTERS, Serdes.ByteArray(), Serdes.ByteArray(), Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, "-1",
                TopicConfig.RETENTION_BYTES_CONFIG, "-1"));
        this.unresolvedMentions = new Topic<>(this.prefix + UNRESOLVED_MENTIONS, KEY_SERDE, MENTION_SERDE, Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.DELETE_RETENTION_MS_CONFIG, "86400000"));
    }

    public String prefix() {
        return prefix;
    }

    public List<Topic<?, ?>> all() {
        return List.of(rawArticles, incidents, deadLetters, unresolvedMentions);
    }
}
