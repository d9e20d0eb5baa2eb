package io.incidentstreams.ingest;

import io.incidentstreams.model.Article;
import java.util.ArrayList;
import java.util.List;

/** A sink that acknowledges on flush, can refuse chosen articles as too large, and can fail on the n-th send. */
final class InMemorySink implements ArticleSink {
    final List<Article> sent = new ArrayList<>();
    final List<ReadResult.Rejected> deadLetters = new ArrayList<>();
    private final List<ReadResult.Rejected> refusedSinceLastTake = new ArrayList<>();
    private final List<String> refuseIds = new ArrayList<>();
    private long acknowledged;
    private long deadLettersAcknowledged;
    private int failOnSend = -1;
    private int sends;
    private boolean acknowledgeImmediately;

    InMemorySink acknowledgingImmediately() {
        acknowledgeImmediately = true;
        return this;
    }

    InMemorySink refusing(String articleId) {
        refuseIds.add(articleId);
        return this;
    }

    InMemorySink failingOnSend(int n) {
        failOnSend = n;
        return this;
    }

    @Override
    public void publish(Article article) {
        if (++sends == failOnSend) {
            throw new IngestException("publishing failed for article " + article.id());
        }
        if (refuseIds.contains(article.id())) {
            ReadResult.Rejected rejected = ReadResult.Rejected.withoutContent(article.origin(), "too large");
            refusedSinceLastTake.add(rejected);
            deadLetters.add(rejected);
            return;
        }
        sent.add(article);
        if (acknowledgeImmediately) {
            acknowledged = sent.size();
        }
    }

    @Override
    public void deadLetter(ReadResult.Rejected rejected) {
        sends++;
        deadLetters.add(rejected);
    }

    @Override
    public void flush() {
        acknowledged = sent.size();
        deadLettersAcknowledged = deadLetters.size();
    }

    @Override
    public long published() {
        return acknowledged;
    }

    @Override
    public long deadLettered() {
        return deadLettersAcknowledged;
    }

    @Override
    public List<ReadResult.Rejected> takeRefused() {
        List<ReadResult.Rejected> taken = List.copyOf(refusedSinceLastTake);
        refusedSinceLastTake.clear();
        return taken;
    }
}
