package io.incidentstreams.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentstreams.ingest.IngestSummary.Rejection;
import io.incidentstreams.model.Article;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IngesterLoopTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final List<IngestProgress> reports = new ArrayList<>();

    private static ReadResult article(String id) {
        return new ReadResult.Accepted(new Article(id, null, null, "2022-01-01", null,
                "Report " + id + " of shelling near the river crossing.", "in/" + id + ".txt"));
    }

    private static ReadResult rejection(String source, String reason) {
        return new ReadResult.Rejected(source, reason, new byte[] {1, 2});
    }

    private IngestSummary run(List<ReadResult> inputs, InMemorySink sink, IngestOptions options) {
        return Ingester.run(inputs.iterator(), sink, reports::add, options, clock.get(), clock::get);
    }

    @Test
    void countsArticlesAndRejectionsAndListsEachRejection() {
        InMemorySink sink = new InMemorySink();

        IngestSummary summary = run(List.of(article("a"), rejection("in/b.txt", "empty file"), article("c"),
                rejection("in/d.jsonl:4", "line 4: no text")), sink, IngestOptions.defaults());

        assertThat(summary.read()).isEqualTo(4);
        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.deadLettered()).isEqualTo(2);
        assertThat(summary.rejections()).containsExactly(new Rejection("in/b.txt", "empty file"),
                new Rejection("in/d.jsonl:4", "line 4: no text"));
        assertThat(summary.complete()).isTrue();
        assertThat(sink.sent).extracting(Article::id).containsExactly("a", "c");
        assertThat(sink.deadLetters).extracting(ReadResult::source).containsExactly("in/b.txt", "in/d.jsonl:4");
    }

    @Test
    void publishedCountsOnlyWhatWasAcknowledgedBeforeTheSummary() {
        InMemorySink sink = new InMemorySink();

        IngestSummary summary = run(List.of(article("a"), article("b")), sink, IngestOptions.defaults());

        assertThat(summary.published()).isEqualTo(2);
    }

    @Test
    void articleTheBrokerRefusesIsCountedAsARejection() {
        InMemorySink sink = new InMemorySink().refusing("big");

        IngestSummary summary = run(List.of(article("a"), article("big"), article("c")), sink,
                IngestOptions.defaults());

        assertThat(summary.published()).isEqualTo(2);
        assertThat(summary.rejections()).containsExactly(new Rejection("in/big.txt", "too large"));
        assertThat(summary.complete()).isTrue();
    }

    @Test
    void reportsProgressEveryNRecords() {
        InMemorySink sink = new InMemorySink().acknowledgingImmediately();
        List<ReadResult> inputs = IntStream.range(0, 7).mapToObj(i -> article("n" + i)).toList();

        run(inputs, sink, IngestOptions.defaults().withProgress(3, Duration.ofHours(1)));

        assertThat(reports).extracting(IngestProgress::read).containsExactly(3L, 6L);
        assertThat(reports).extracting(IngestProgress::published).containsExactly(3L, 6L);
    }

    @Test
    void reportsProgressWhenTheIntervalHasPassedEvenBelowNRecords() {
        InMemorySink sink = new InMemorySink();
        List<ReadResult> inputs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            inputs.add(article("s" + i));
        }
        Iterable<ReadResult> slow = () -> inputs.stream().peek(r -> clock.addAndGet(Duration.ofMillis(900).toNanos()))
                .iterator();

        Ingester.run(slow.iterator(), sink, reports::add,
                IngestOptions.defaults().withProgress(1000, Duration.ofSeconds(2)), clock.get(), clock::get);

        assertThat(reports).extracting(IngestProgress::read).containsExactly(3L);
        assertThat(reports.get(0).elapsed()).isEqualTo(Duration.ofMillis(2700));
    }

    @Test
    void failingListenerDoesNotStopTheRun() {
        InMemorySink sink = new InMemorySink();

        IngestSummary summary = Ingester.run(List.of(article("a"), article("b")).iterator(), sink,
                p -> { throw new IllegalStateException("terminal closed"); },
                IngestOptions.defaults().withProgress(1, Duration.ofSeconds(2)), clock.get(), clock::get);

        assertThat(summary.published()).isEqualTo(2);
    }

    @Test
    void fatalSendFailureCarriesWhatTheRunAchieved() {
        InMemorySink sink = new InMemorySink().failingOnSend(3);

        assertThatThrownBy(() -> run(List.of(article("a"), rejection("in/x.txt", "binary file"), article("c"),
                article("d")), sink, IngestOptions.defaults()))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("publishing failed for article c");
                    assertThat(e.partialSummary()).hasValueSatisfying(partial -> {
                        assertThat(partial.read()).isEqualTo(3);
                        assertThat(partial.rejected()).isEqualTo(1);
                        assertThat(partial.complete()).isFalse();
                    });
                });
    }

    @Test
    void noInputsGiveAnEmptyCompleteSummary() {
        IngestSummary summary = run(List.of(), new InMemorySink(), IngestOptions.defaults());

        assertThat(summary.read()).isZero();
        assertThat(summary.complete()).isTrue();
        assertThat(reports).isEmpty();
    }
}
