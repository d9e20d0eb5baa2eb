package io.incidentstreams.enrich.dedup;

import io.incidentstreams.enrich.StoreNames;
import io.incidentstreams.model.Article;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Drops exact repeats of an article: same id and same content. An article republished under its id with other
 * content is an edit: it passes through and is extracted again (mentions the edit no longer carries are not yet
 * withdrawn).
 *
 * <p>Input and output: key article id, value {@link Article}. A null value, a missing id or an empty text is
 * not an article: it raises {@link InvalidArticleException}, which sends the record to the dead-letter topic.
 * The raw topic is keyed by article id, so every version of one article meets its digest in one task.
 */
public final class ArticleDedupProcessor implements Processor<String, Article, String, Article> {
    private final String rulesVersion;
    private ProcessorContext<String, Article> context;
    private KeyValueStore<String, String> digests;

    ArticleDedupProcessor(String rulesVersion) {
        this.rulesVersion = rulesVersion;
    }

    /** The digest covers the rules version: after a rules change, a replay extracts every article again. */
    public static ProcessorSupplier<String, Article, String, Article> supplier(String rulesVersion) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Article, String, Article> get() {
                return new ArticleDedupProcessor(rulesVersion);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(StoreNames.ARTICLE_DIGESTS), Serdes.String(), Serdes.String()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        this.digests = context.getStateStore(StoreNames.ARTICLE_DIGESTS);
    }

    @Override
    public void process(Record<String, Article> record) {
        Article article = record.value();
        if (article == null) {
            throw new InvalidArticleException("null value: a raw-articles record must carry an article");
        }
        String id = article.id() != null ? article.id() : record.key();
        if (id == null || id.isBlank()) {
            throw new InvalidArticleException("article without an id (neither in the key nor in the value)");
        }
        if (article.text() == null || article.text().isBlank()) {
            throw new InvalidArticleException("article " + id + " has no text");
        }
        String digest = digest(article, rulesVersion);
        if (digest.equals(digests.get(id))) {
            return;
        }
        digests.put(id, digest);
        Article withId = id.equals(article.id()) ? article : article.withId(id);
        context.forward(record.withKey(id).withValue(withId));
    }

    static String digest(Article a, String rulesVersion) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {rulesVersion, a.title(), a.publishedAt(), a.url(), a.outlet(), a.text()}) {
                md.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
