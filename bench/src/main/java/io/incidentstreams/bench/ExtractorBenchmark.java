package io.incidentstreams.bench;

import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.IncidentMention;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extraction throughput on one thread (one core), over varied ~3 kB synthetic articles. Reported as articles
 * per second. Run: {@code java -cp 'bench/target/bench.jar:bench/target/lib/*' org.openjdk.jmh.Main Extractor}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ExtractorBenchmark {
    private Extractor extractor;
    private List<Article> articles;
    private int next;

    @Setup
    public void setUp() {
        extractor = Extractor.load(null);
        articles = new ArticleGenerator(7).generate(2000);
    }

    @Benchmark
    public List<IncidentMention> extractOneArticle() {
        Article a = articles.get(next);
        next = next + 1 == articles.size() ? 0 : next + 1;
        return extractor.extract(a);
    }
}
