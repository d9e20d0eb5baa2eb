package io.incidentstreams.ingest.feed;

import io.incidentstreams.ingest.ReadResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A ledger in memory, with the same all-or-nothing commits and mark semantics as the Kafka one. */
public final class InMemoryLedger implements Ledger {
    public final List<LedgerBatch.Outgoing> articles = new ArrayList<>();
    public final List<ReadResult.Rejected> deadLetters = new ArrayList<>();
    public final Map<String, IngestMark> marks = new HashMap<>();
    public int commits;

    @Override
    public boolean seen(String key) {
        return marks.containsKey(key);
    }

    @Override
    public String digest(String key) {
        IngestMark mark = marks.get(key);
        return mark == null ? null : mark.digest();
    }

    @Override
    public void commit(LedgerBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        commits++;
        articles.addAll(batch.articles());
        deadLetters.addAll(batch.deadLetters());
        marks.putAll(batch.marks());
    }

    @Override
    public long published() {
        return articles.size();
    }

    @Override
    public long deadLettered() {
        return deadLetters.size();
    }

    public List<String> articleIds() {
        return articles.stream().map(o -> o.article().id()).toList();
    }

    @Override
    public void close() {
    }
}
