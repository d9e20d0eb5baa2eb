package io.incidentstreams.bench;

import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.IncidentMention;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * Extraction throughput on one thread (one core), reported as articles per second.
 *
 * <ul>
 *   <li>{@code extractOneArticle}: varied ~3 kB synthetic articles from {@link ArticleGenerator}.</li>
 *   <li>{@code extractRealisticPage}: the project's sample and held-out pages (page furniture, teasers, background
 *   paragraphs), each followed by the bodies of the next ones until it holds at least 3,000 characters, cycled
 *   (3.8 kB on average: longer pages are kept whole).</li>
 *   <li>{@code extractRealisticPage3k}: the same pages cut at the last sentence or line end within 3,000
 *   characters, so that they are the 3 kB articles the speed target is stated for.</li>
 * </ul>
 *
 * The pages are read from {@code samples/} under the working directory or its parent, or from the folder in the
 * system property {@code bench.samples}.
 *
 * Run: {@code java -cp 'bench/target/bench.jar:bench/target/lib/*' org.openjdk.jmh.Main ExtractorBenchmark}.
 *
 * <p>On a machine shared with other builds, wall-clock throughput mostly measures the neighbours. {@link #main} counts
 * articles per CPU-second of the extracting thread instead, one-second rounds after a warm-up, and prints the median
 * and the best round: {@code java -cp 'bench/target/bench.jar:bench/target/lib/*'
 * io.incidentstreams.bench.ExtractorBenchmark 20}.
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

    /** Real-looking pages from {@code samples/articles} and {@code samples/heldout/articles}. */
    @State(Scope.Benchmark)
    public static class RealPages {
        private static final Pattern DATE_PREFIX = Pattern.compile("^\\s*date (\\d{4}-\\d{2}-\\d{2}) ");
        /** Realistic news pages are about this long; shorter sample pages are padded with the next pages' bodies. */
        private static final int PAGE_CHARS = 3_000;

        Extractor extractor;
        List<Article> pages;
        int next;

        @Setup
        public void setUp() {
            extractor = Extractor.load(null);
            pages = load(samplesDir());
            if (pages.isEmpty()) {
                throw new IllegalStateException("no sample pages found; run from the project root or set "
                        + "-Dbench.samples=DIR");
            }
            System.out.printf("%n%d realistic pages, %d bytes on average%n", pages.size(), averageBytes(pages));
        }

        private static Path samplesDir() {
            String prop = System.getProperty("bench.samples");
            if (prop != null) {
                return Path.of(prop);
            }
            Path here = Path.of("samples");
            return Files.isDirectory(here) ? here : Path.of("..", "samples");
        }

        static List<Article> load(Path samples) {
            List<Article> read = read(samples);
            List<Article> out = new ArrayList<>(read.size());
            for (int i = 0; i < read.size(); i++) {
                StringBuilder text = new StringBuilder(read.get(i).text());
                for (int j = i + 1; text.length() < PAGE_CHARS && j < i + 1 + read.size(); j++) {
                    String next = read.get(j % read.size()).text();
                    text.append("\n\n").append(DATE_PREFIX.matcher(next).replaceFirst(""));
                }
                Article a = read.get(i);
                out.add(new Article(a.id(), a.url(), a.title(), a.publishedAt(), a.outlet(), text.toString(),
                        a.origin()));
            }
            return out;
        }

        /** {@code pages}, each cut at its last sentence or line end within {@link #PAGE_CHARS} characters. */
        static List<Article> cut(List<Article> pages) {
            List<Article> out = new ArrayList<>(pages.size());
            for (Article a : pages) {
                String text = a.text();
                if (text.length() > PAGE_CHARS) {
                    int end = Math.max(text.lastIndexOf(". ", PAGE_CHARS - 1) + 1, text.lastIndexOf('\n', PAGE_CHARS));
                    text = text.substring(0, end > 0 ? end : PAGE_CHARS);
                }
                out.add(new Article(a.id(), a.url(), a.title(), a.publishedAt(), a.outlet(), text, a.origin()));
            }
            return out;
        }

        static long averageBytes(List<Article> pages) {
            long bytes = 0;
            for (Article a : pages) {
                bytes += a.text().getBytes(StandardCharsets.UTF_8).length;
            }
            return pages.isEmpty() ? 0 : bytes / pages.size();
        }

        private static List<Article> read(Path samples) {
            List<Article> out = new ArrayList<>();
            for (Path dir : List.of(samples.resolve("articles"), samples.resolve("heldout").resolve("articles"))) {
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                        String text = Files.readString(f, StandardCharsets.UTF_8);
                        Matcher m = DATE_PREFIX.matcher(text);
                        String date = m.find() ? m.group(1) : null;
                        String name = f.getFileName().toString();
                        out.add(new Article(name, null, null, date, null, text, f.toString()));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return out;
        }
    }

    /** Articles per CPU-second on synthetic and on realistic pages; the argument is the number of rounds. */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        Extractor x = Extractor.load(null);
        RealPages real = new RealPages();
        real.setUp();
        cpuRate("synthetic ~3 kB", x, new ArticleGenerator(7).generate(2000), rounds);
        cpuRate("realistic pages", x, real.pages, rounds);
        List<Article> cut = RealPages.cut(real.pages);
        System.out.printf("the same pages cut to 3 kB: %d bytes on average%n", RealPages.averageBytes(cut));
        cpuRate("realistic pages cut to 3 kB", x, cut, rounds);
    }

    private static void cpuRate(String label, Extractor x, List<Article> pages, int rounds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] rates = new double[rounds];
        int n = 0;
        for (int r = -5; r < rounds; r++) { // five rounds of warm-up
            long cpu = threads.getCurrentThreadCpuTime();
            long wallEnd = System.nanoTime() + 1_000_000_000L;
            int done = 0;
            while (System.nanoTime() < wallEnd) {
                for (int k = 0; k < 20; k++) {
                    x.extract(pages.get(n++ % pages.size()));
                    done++;
                }
            }
            double rate = done / ((threads.getCurrentThreadCpuTime() - cpu) / 1e9);
            if (r >= 0) {
                rates[r] = rate;
            }
        }
        Arrays.sort(rates);
        System.out.printf("%s: %.0f articles per CPU-second (median of %d rounds), best round %.0f%n", label,
                rates[rounds / 2], rounds, rates[rounds - 1]);
    }

    @Benchmark
    public List<IncidentMention> extractRealisticPage(RealPages s) {
        Article a = s.pages.get(s.next);
        s.next = s.next + 1 == s.pages.size() ? 0 : s.next + 1;
        return s.extractor.extract(a);
    }

    /** The realistic pages cut to 3 kB ({@link RealPages#cut}). */
    @State(Scope.Benchmark)
    public static class RealPages3k extends RealPages {
        /** Runs after {@link RealPages#setUp()}: JMH calls a superclass's setup first. */
        @Setup
        public void cutTo3k() {
            pages = cut(pages);
            System.out.printf("cut to 3 kB: %d bytes on average%n", averageBytes(pages));
        }
    }

    @Benchmark
    public List<IncidentMention> extractRealisticPage3k(RealPages3k s) {
        return extractRealisticPage(s);
    }
}
