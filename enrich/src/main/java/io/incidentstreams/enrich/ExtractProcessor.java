package io.incidentstreams.enrich;

import io.incidentstreams.enrich.dedup.SimHash;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.IncidentMention;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Extracts the incident mentions of an article and keys each by region ({@link RegionKeyer}).
 * Input: key article id, value {@link Article}. Output: key region, value {@link IncidentMention}, with the
 * article's SimHash in header {@value #FINGERPRINT_HEADER} so the merge step can count near-duplicate articles
 * once.
 *
 * <p>An edited article (same id, new content) may report fewer incidents, or place one in another region. For
 * every mention its previous version had and this one no longer has where it was, a withdrawal goes to the old
 * region: key region, value null, the mention id in header {@value #WITHDRAWN_HEADER}. The store
 * {@link StoreNames#ARTICLE_MENTIONS} remembers where each article's mentions went.
 */
public final class ExtractProcessor implements Processor<String, Article, String, IncidentMention> {
    public static final String FINGERPRINT_HEADER = "incidents.article.simhash";
    public static final String WITHDRAWN_HEADER = "incidents.mention.withdrawn";
    private static final String TAB = "\t";

    private final Function<Article, List<IncidentMention>> extractor;
    private ProcessorContext<String, IncidentMention> context;
    private KeyValueStore<String, String> placed;

    private ExtractProcessor(Function<Article, List<IncidentMention>> extractor) {
        this.extractor = extractor;
    }

    public static ProcessorSupplier<String, Article, String, IncidentMention> supplier(
            Function<Article, List<IncidentMention>> extractor) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Article, String, IncidentMention> get() {
                return new ExtractProcessor(extractor);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ARTICLE_MENTIONS),
                        Serdes.String(), Serdes.String()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, IncidentMention> context) {
        this.context = context;
        this.placed = context.getStateStore(StoreNames.ARTICLE_MENTIONS);
    }

    @Override
    public void process(Record<String, Article> record) {
        List<IncidentMention> mentions = extractor.apply(record.value());
        List<KeyValue<String, IncidentMention>> keyed = mentions.isEmpty() ? List.of() : RegionKeyer.key(mentions);
        Set<String> now = new LinkedHashSet<>();
        keyed.forEach(kv -> now.add(kv.key + TAB + kv.value.mentionId()));
        String articleId = record.key();
        String before = placed.get(articleId);
        if (before != null) {
            for (String entry : before.split("\n")) {
                if (!now.contains(entry)) {
                    int tab = entry.indexOf(TAB);
                    RecordHeaders headers = new RecordHeaders();
                    headers.add(WITHDRAWN_HEADER, entry.substring(tab + 1).getBytes(StandardCharsets.UTF_8));
                    context.forward(new Record<String, IncidentMention>(entry.substring(0, tab), null,
                            record.timestamp(), headers));
                }
            }
        }
        if (now.isEmpty()) {
            if (before != null) {
                placed.delete(articleId);
            }
            return;
        }
        placed.put(articleId, String.join("\n", now));
        byte[] fingerprint = SimHash.hex(SimHash.of(record.value().text())).getBytes(StandardCharsets.UTF_8);
        for (KeyValue<String, IncidentMention> kv : keyed) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(FINGERPRINT_HEADER, fingerprint);
            context.forward(new Record<>(kv.key, kv.value, record.timestamp(), headers));
        }
    }
}
