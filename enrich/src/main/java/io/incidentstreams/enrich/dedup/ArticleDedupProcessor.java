package io.incidentstreams.enrich.dedup;

import io.incidentstreams.enrich.StoreNames;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.PublicationDates;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Drops exact repeats of an article: same id and same content. An article republished under its id with other
 * content is an edit: it passes through and is extracted again.
 *
 * <p>Input and output: key article id, value {@link Article}. A null value, a missing id or an empty text is
 * not an article, nor is one published before 1900 or more than a day after the record's timestamp
 * ({@link PublicationDates}): it raises {@link InvalidArticleException}, which sends the record to the dead-letter
 * topic.
 * The raw topic is keyed by article id, so every version of one article meets its digest in one task.
 *
 * <p>Digests are kept for {@code dedup.retention.ms} of stream time after the article's record timestamp, then
 * dropped by a stream-time punctuation that range-scans an expiry index (never the whole store). A repeat that
 * arrives later is extracted again; its mentions are unchanged, so the merge step publishes nothing new. The
 * retention bounds work and state, not results. Stream time, not wall-clock time, so a replay expires the same
 * digests at the same records.
 */
public final class ArticleDedupProcessor implements Processor<String, Article, String, Article> {
    private static final char SEP = '|';

    private final String rulesVersion;
    private final long retentionMs;
    private ProcessorContext<String, Article> context;
    private KeyValueStore<String, String> digests;
    private KeyValueStore<String, String> expiry;

    ArticleDedupProcessor(String rulesVersion, Duration retention) {
        this.rulesVersion = rulesVersion;
        this.retentionMs = retention.toMillis();
    }

    /**
     * @param rulesVersion part of the digest: after a rules change, a replay extracts every article again
     * @param retention    how long a digest is kept, in stream time
     */
    public static ProcessorSupplier<String, Article, String, Article> supplier(String rulesVersion, Duration retention) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Article, String, Article> get() {
                return new ArticleDedupProcessor(rulesVersion, retention);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ARTICLE_DIGESTS),
                                Serdes.String(), Serdes.String()),
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.ARTICLE_DIGEST_EXPIRY),
                                Serdes.String(), Serdes.String()));
            }
        };
    }

    @Override
    public void init(ProcessorContext<String, Article> context) {
        this.context = context;
        this.digests = context.getStateStore(StoreNames.ARTICLE_DIGESTS);
        this.expiry = context.getStateStore(StoreNames.ARTICLE_DIGEST_EXPIRY);
        long interval = Math.max(1_000L, Math.min(retentionMs / 10, Duration.ofHours(1).toMillis()));
        context.schedule(Duration.ofMillis(interval), PunctuationType.STREAM_TIME, this::expire);
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
        String outOfRange = PublicationDates.outOfRange(article.publishedAt(), Instant.ofEpochMilli(record.timestamp()));
        if (outOfRange != null) {
            throw new InvalidArticleException("article " + id + ": " + outOfRange);
        }
        String digest = digest(article, rulesVersion);
        String stored = digests.get(id);
        if (stored != null && digest.equals(digestPart(stored))) {
            return;
        }
        if (stored != null && timestampPart(stored) >= 0) {
            expiry.delete(expiryKey(timestampPart(stored), id));
        }
        if (retentionMs > 0) {
            digests.put(id, digest + SEP + record.timestamp());
            expiry.put(expiryKey(record.timestamp(), id), id);
        }
        Article withId = id.equals(article.id()) ? article : article.withId(id);
        context.forward(record.withKey(id).withValue(withId));
    }

    /** Drops the digests of articles whose timestamp is more than the retention behind stream time. */
    private void expire(long streamTime) {
        long cutoff = streamTime - retentionMs;
        if (cutoff <= 0) {
            return;
        }
        try (KeyValueIterator<String, String> it = expiry.range(expiryKey(0, ""), expiryKey(cutoff, ""))) {
            while (it.hasNext()) {
                KeyValue<String, String> e = it.next();
                expiry.delete(e.key);
                digests.delete(e.value);
            }
        }
    }

    /** Zero-padded to 19 digits (the longest long) so that keys sort by time. */
    static String expiryKey(long timestamp, String id) {
        String digits = Long.toString(Math.max(0, timestamp));
        return "0".repeat(19 - digits.length()) + digits + SEP + id;
    }

    private static String digestPart(String stored) {
        int i = stored.indexOf(SEP);
        return i < 0 ? stored : stored.substring(0, i);
    }

    /** The record timestamp stored with a digest, or -1 for an entry written before digests expired. */
    private static long timestampPart(String stored) {
        int i = stored.indexOf(SEP);
        try {
            return i < 0 ? -1 : Long.parseLong(stored.substring(i + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
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
