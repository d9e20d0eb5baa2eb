package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.ingest.IngestOptions;
import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.ingest.files.ArticleFiles;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.IncidentMention;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The extractor's whole output on every sample, held-out and seed page is unchanged, byte for byte.
 *
 * <p>Speed work must not change what is extracted. Each page is extracted as it is, without its publication date,
 * and followed by the next pages' bodies (the benchmark's realistic pages, which make teasers and long pieces). The
 * golden file keeps, per input, the number of mentions, a SHA-256 of their {@code toString()} (every field, evidence
 * included) and a short summary to read; it holds no article text, so seed pages stay out of the project.
 *
 * <p>After an intended change of the output (new rules), rewrite the file and review its diff:
 * {@code mvn -pl enrich -am test -Dtest=GoldenOutputTest -Dgolden.update=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class GoldenOutputTest {

    private static final Path GOLDEN = Path.of("src/test/resources/extract/golden-output.tsv");
    private static final Path SAMPLES = Path.of("../samples");
    private static final Path SEEDS = Path.of("../../shared/seeds");
    private static final String SEED_PREFIX = "seeds/";
    private static final Pattern DATE_PREFIX = Pattern.compile("^\\s*date (\\d{4}-\\d{2}-\\d{2}) ");
    /** As the benchmark: pages shorter than this are followed by the next pages' bodies. */
    private static final int PAGE_CHARS = 3_000;
    private static final Extractor X = Extractor.load(null);

    @Test
    void outputOnEveryKnownPageIsUnchanged() throws IOException {
        Map<String, String> actual = new LinkedHashMap<>();
        for (Map.Entry<String, Article> e : inputs().entrySet()) {
            actual.put(e.getKey(), line(e.getKey(), X.extract(e.getValue())));
        }
        if (Boolean.getBoolean("golden.update")) {
            Files.write(GOLDEN, actual.values(), StandardCharsets.UTF_8);
        }
        Map<String, String> expected = new LinkedHashMap<>();
        for (String l : Files.readAllLines(GOLDEN, StandardCharsets.UTF_8)) {
            expected.put(l.substring(0, l.indexOf('\t')), l);
        }
        if (!Files.isDirectory(SEEDS)) {
            expected.keySet().removeIf(k -> k.startsWith(SEED_PREFIX)); // seeds are not checked out here
        }
        assertThat(actual).as("extractor output per input (golden file %s)", GOLDEN).isEqualTo(expected);
        assertThat(actual).hasSizeGreaterThan(150);
    }

    /** Every input by a stable name: its path under samples/ (or seeds/) and the variant. */
    private static Map<String, Article> inputs() throws IOException {
        List<Map.Entry<String, Article>> pages = new ArrayList<>();
        for (String dir : List.of("articles", "articles.jsonl", "heldout/articles", "heldout/fresh/articles")) {
            pages.addAll(read(SAMPLES.resolve(dir), SAMPLES, ""));
        }
        if (Files.isDirectory(SEEDS)) {
            pages.addAll(read(SEEDS, SEEDS, SEED_PREFIX));
        }
        Map<String, Article> out = new LinkedHashMap<>();
        for (int i = 0; i < pages.size(); i++) {
            String name = pages.get(i).getKey();
            Article a = pages.get(i).getValue();
            out.put(name, a);
            out.put(name + " undated", new Article(a.id(), a.url(), a.title(), null, a.outlet(), a.text(),
                    a.origin()));
            StringBuilder text = new StringBuilder(a.text());
            for (int j = i + 1; text.length() < PAGE_CHARS && j < i + 1 + pages.size(); j++) {
                String next = pages.get(j % pages.size()).getValue().text();
                text.append("\n\n").append(DATE_PREFIX.matcher(next).replaceFirst(""));
            }
            out.put(name + " padded", new Article(a.id(), a.url(), a.title(), a.publishedAt(), a.outlet(),
                    text.toString(), a.origin()));
        }
        return out;
    }

    private static List<Map.Entry<String, Article>> read(Path input, Path base, String prefix) throws IOException {
        List<Map.Entry<String, Article>> out = new ArrayList<>();
        try (Stream<ReadResult> results = new ArticleFiles(IngestOptions.defaults()).read(input)) {
            int line = 0;
            for (ReadResult r : results.toList()) {
                if (r instanceof ReadResult.Accepted accepted) {
                    Article a = accepted.article();
                    String file = base.relativize(Path.of(a.origin())).toString().replace('\\', '/');
                    String name = prefix + file + (file.endsWith(".jsonl") ? ":" + ++line : "");
                    out.add(Map.entry(name, a));
                }
            }
        }
        return out;
    }

    private static String line(String name, List<IncidentMention> ms) {
        StringBuilder summary = new StringBuilder();
        for (IncidentMention m : ms) {
            summary.append(summary.length() == 0 ? "" : "; ").append(m.type().code()).append(' ').append(m.date())
                    .append(' ').append(m.location() == null ? "-" : m.location().name())
                    .append(m.background() ? " bg" : "");
        }
        return name + "\t" + ms.size() + "\t" + sha256(ms.toString()) + "\t" + summary;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
