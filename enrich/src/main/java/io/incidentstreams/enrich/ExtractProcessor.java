package io.incidentstreams.enrich;

import io.incidentstreams.enrich.dedup.SimHash;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.IncidentMention;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Extracts the incident mentions of an article and keys each by region ({@link RegionKeyer}).
 * Input: key article id, value {@link Article}. Output: key region, value {@link IncidentMention}, with the
 * article's SimHash in header {@value #FINGERPRINT_HEADER} so the merge step can count near-duplicate articles
 * once.
 */
public final class ExtractProcessor implements Processor<String, Article, String, IncidentMention> {
    public static final String FINGERPRINT_HEADER = "incidents.article.simhash";

    private final Function<Article, List<IncidentMention>> extractor;
    private ProcessorContext<String, IncidentMention> context;

    private ExtractProcessor(Function<Article, List<IncidentMention>> extractor) {
        this.extractor = extractor;
    }

    public static ProcessorSupplier<String, Article, String, IncidentMention> supplier(
            Function<Article, List<IncidentMention>> extractor) {
        return () -> new ExtractProcessor(extractor);
    }

    @Override
    public void init(ProcessorContext<String, IncidentMention> context) {
        this.context = context;
    }

    @Override
    public void process(Record<String, Article> record) {
        List<IncidentMention> mentions = extractor.apply(record.value());
        if (mentions.isEmpty()) {
            return;
        }
        byte[] fingerprint = SimHash.hex(SimHash.of(record.value().text())).getBytes(StandardCharsets.UTF_8);
        for (KeyValue<String, IncidentMention> kv : RegionKeyer.key(mentions)) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(FINGERPRINT_HEADER, fingerprint);
            context.forward(new Record<>(kv.key, kv.value, record.timestamp(), headers));
        }
    }
}
