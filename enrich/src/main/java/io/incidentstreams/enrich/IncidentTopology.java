package io.incidentstreams.enrich;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.dedup.ArticleDedupProcessor;
import io.incidentstreams.enrich.link.Linker;
import io.incidentstreams.enrich.merge.IncidentJson;
import io.incidentstreams.enrich.merge.MergeOutput;
import io.incidentstreams.enrich.merge.MergeProcessor;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The enrich topology, built here and nowhere else: the app and the tests run this same topology.
 *
 * <pre>
 * raw-articles ─▶ article-dedup ─▶ extract-incidents ─▶ [mentions-by-region] ─▶ merge-and-link ─┬▶ incidents
 *                 (article-digests,  (article-mentions)                         (mentions,          └▶ unresolved-mentions
 *                  article-digest-expiry)                                        merge-index-v2, clusters,
 *                                                                                incident-digests, waiting-mentions)
 * </pre>
 *
 * <p>The sink serialises incidents with {@link IncidentJson}, which reuses the JSON the merge step already wrote
 * for each incident's digest: the bytes are those of {@code Topics.INCIDENT_SERDE}.
 */
public final class IncidentTopology {
    public static final String SOURCE = "raw-articles-source";
    public static final String DEDUP = "article-dedup";
    public static final String EXTRACT = "extract-incidents";
    public static final String MERGE = "merge-and-link";
    public static final String SINK = "incidents-sink";
    public static final String SPLIT = "merge-output-";
    public static final String INCIDENT_VALUES = "incident-values";
    public static final String WAITING_VALUES = "waiting-mention-values";
    public static final String UNRESOLVED_SINK = "unresolved-mentions-sink";

    private IncidentTopology() {
    }

    /** The topology with the default article-digest retention ({@code dedup.retention.ms}). */
    public static Topology build(Topics topics, Function<Article, List<IncidentMention>> extractor,
                                 String rulesVersion, Linker linker) {
        return build(topics, extractor, rulesVersion, linker, PipelineConfig.DEFAULT_DEDUP_RETENTION);
    }

    /**
     * @param topics    the topics to read and write
     * @param extractor article to incident mentions; must be deterministic and thread-safe
     * @param rulesVersion version of the extraction rules; part of the dedup digest, so new rules re-extract
     * @param linker    link rules
     * @param dedupRetention how long, in stream time, an article's digest is kept to drop exact repeats
     */
    public static Topology build(Topics topics, Function<Article, List<IncidentMention>> extractor,
                                 String rulesVersion, Linker linker, Duration dedupRetention) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<String, MergeOutput> merged = builder.stream(topics.rawArticles.name(),
                        Consumed.with(topics.rawArticles.keySerde(), topics.rawArticles.valueSerde()).withName(SOURCE))
                .process(ArticleDedupProcessor.supplier(rulesVersion, dedupRetention), Named.as(DEDUP))
                .process(ExtractProcessor.supplier(extractor), Named.as(EXTRACT))
                .repartition(Repartitioned.with(Serdes.String(), MergeProcessor.MENTION_SERDE)
                        .withName(StoreNames.MENTIONS_BY_REGION))
                .process(MergeProcessor.supplier(linker), Named.as(MERGE));
        merged.split(Named.as(SPLIT))
                .branch((id, out) -> out instanceof MergeOutput.IncidentChange, Branched.withConsumer(incidents -> incidents
                        .mapValues(out -> ((MergeOutput.IncidentChange) out).incident(), Named.as(INCIDENT_VALUES))
                        .to(topics.incidents.name(), Produced.with(topics.incidents.keySerde(),
                                Serdes.serdeFrom(new IncidentJson(), topics.incidents.valueSerde().deserializer()))
                                .withName(SINK)), "incidents"))
                .defaultBranch(Branched.withConsumer(waiting -> waiting
                        .mapValues(out -> ((MergeOutput.WaitingChange) out).mention(), Named.as(WAITING_VALUES))
                        .to(topics.unresolvedMentions.name(), Produced.with(topics.unresolvedMentions.keySerde(),
                                topics.unresolvedMentions.valueSerde()).withName(UNRESOLVED_SINK)), "unresolved"));
        return builder.build();
    }
}
