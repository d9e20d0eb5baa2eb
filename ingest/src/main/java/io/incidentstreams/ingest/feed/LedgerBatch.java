package io.incidentstreams.ingest.feed;

import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.model.Article;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What one commit publishes together: articles with their extra headers, dead letters, and state marks. */
public final class LedgerBatch {
    /** An article and the headers it carries besides the schema version. */
    public record Outgoing(Article article, Map<String, String> headers) {
        public Outgoing {
            Objects.requireNonNull(article, "article");
            headers = Map.copyOf(headers);
        }
    }

    private final List<Outgoing> articles = new ArrayList<>();
    private final List<ReadResult.Rejected> deadLetters = new ArrayList<>();
    private final Map<String, IngestMark> marks = new LinkedHashMap<>();

    public LedgerBatch article(Article article, Map<String, String> headers) {
        articles.add(new Outgoing(article, headers));
        return this;
    }

    public LedgerBatch deadLetter(ReadResult.Rejected rejected) {
        deadLetters.add(Objects.requireNonNull(rejected, "rejected"));
        return this;
    }

    public LedgerBatch mark(String key, IngestMark mark) {
        marks.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(mark, "mark"));
        return this;
    }

    public List<Outgoing> articles() {
        return List.copyOf(articles);
    }

    public List<ReadResult.Rejected> deadLetters() {
        return List.copyOf(deadLetters);
    }

    public Map<String, IngestMark> marks() {
        return Map.copyOf(marks);
    }

    public boolean isEmpty() {
        return articles.isEmpty() && deadLetters.isEmpty() && marks.isEmpty();
    }

    public int size() {
        return articles.size() + deadLetters.size() + marks.size();
    }
}
