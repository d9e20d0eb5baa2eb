package io.incidentstreams.enrich.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real-article corpora in {@code ../shared/corpus} beside the clone (CI lays them there), read at run time and
 * never copied into the project. {@code -Dincidents.corpus.dir=DIR} points elsewhere.
 */
public final class SharedCorpus {
    private SharedCorpus() {
    }

    /** The corpus folder holding {@code a/}, {@code b/} and {@code score.py}. */
    public static Path dir() {
        String configured = System.getProperty("incidents.corpus.dir");
        if (configured != null && !configured.isBlank()) {
            return require(Path.of(configured));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("corpus");
            if (p.getParent() != null && Files.isRegularFile(candidate.resolve("score.py"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no ../shared/corpus beside the project (it holds the real-article corpora the"
                + " quality tests read); put it there or pass -Dincidents.corpus.dir=DIR");
    }

    /** One labelled set, {@code a} or {@code b}. */
    public static Path set(String name) {
        return require(dir().resolve(name));
    }

    private static Path require(Path p) {
        if (!Files.isDirectory(p)) {
            throw new IllegalStateException("corpus folder " + p + " does not exist");
        }
        return p;
    }
}
