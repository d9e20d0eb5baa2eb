package io.incidentstreams.enrich.extract;

import io.incidentstreams.model.Article;
import io.incidentstreams.model.IncidentMention;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;

/**
 * Extracts incident mentions from news articles with data-driven rules.
 *
 * <p>Rules are read once in {@link #load}; afterwards an instance holds only immutable data, so one instance can be
 * shared by all stream threads. Extraction is deterministic: the same article and rules give the same mentions, with
 * ids {@code <articleId>#<index>}. Every step is linear in the length of the text (precompiled patterns, token tries,
 * bounded look-arounds), so a very long page costs time in proportion and cannot hang.
 */
public final class Extractor {

    private final Rules rules;
    private final ArticleCleaner cleaner;
    private final MentionAssembler assembler;

    private Extractor(Rules rules) {
        this.rules = rules;
        this.cleaner = new ArticleCleaner(rules.gazetteer, rules.triggers, rules.lexicon);
        this.assembler = new MentionAssembler(rules);
    }

    /**
     * Built-in rules from the classpath folder {@code /rules/}, each file replaced by a file of the same name in
     * {@code rulesDir} when rulesDir is non-null.
     *
     * @throws IllegalArgumentException if rulesDir is not a folder, or an override file cannot be read or parsed
     */
    public static Extractor load(Path rulesDir) {
        return new Extractor(rulesDir == null ? Rules.builtIn() : Rules.load(rulesDir));
    }

    /**
     * As {@link #load(Path)}, with the places of user gazetteer files (written by {@code incidents gazetteer
     * import}) added to the built-in world gazetteer; the hand-kept overlay still wins over them.
     */
    public static Extractor load(Path rulesDir, java.util.List<Path> gazetteerFiles) {
        if (gazetteerFiles == null || gazetteerFiles.isEmpty()) {
            return load(rulesDir);
        }
        return new Extractor(Rules.load(rulesDir, gazetteerFiles));
    }

    /** The version of the rules, from {@code manifest.json} (e.g. "2026.11.4"). */
    public String rulesVersion() {
        return rules.version;
    }

    /**
     * The incidents an article reports or recalls, in text order.
     *
     * @throws IllegalArgumentException if the article or its text is null or blank
     */
    public List<IncidentMention> extract(Article article) {
        if (article == null) {
            throw new IllegalArgumentException("article is null");
        }
        String text = article.text();
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("article " + article.id() + " has no text");
        }
        if (article.id() == null || article.id().isBlank()) {
            throw new IllegalArgumentException("article has no id");
        }
        LocalDate published = publishedDate(article);
        ParsedArticle parsed = cleaner.parse(text, published);
        return assembler.assemble(article, parsed);
    }

    /**
     * {@link Article#publishedDate()}, with the common {@code YYYY-MM-DD} read directly: the general parser costs
     * about as much as extracting a short page.
     */
    static LocalDate publishedDate(Article article) {
        String v = article.publishedAt();
        if (v != null && v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-' && digits(v, 0, 4)
                && digits(v, 5, 7) && digits(v, 8, 10)) {
            try {
                return LocalDate.of(Integer.parseInt(v, 0, 4, 10), Integer.parseInt(v, 5, 7, 10),
                        Integer.parseInt(v, 8, 10, 10));
            } catch (DateTimeException e) {
                return null; // as LocalDate.parse: no such day
            }
        }
        return article.publishedDate().orElse(null);
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The gazetteer's canonical name for a place name or alias ("Baghdad airport" gives "Baghdad International
     * Airport"), or the name itself when the gazetteer does not know it. For evaluation and tools.
     */
    public String canonicalPlace(String name) {
        if (name == null) {
            return null;
        }
        Place p = rules.gazetteer.lookup(name);
        return p == null ? name.trim() : p.name();
    }

    /** True if the place named {@code outer} contains the one named {@code inner}, or both name the same place. */
    public boolean placeContains(String outer, String inner) {
        if (outer == null || inner == null) {
            return false;
        }
        Place o = rules.gazetteer.lookup(outer);
        Place i = rules.gazetteer.lookup(inner);
        if (o == null || i == null) {
            return Gazetteer.key(outer).equals(Gazetteer.key(inner));
        }
        return rules.gazetteer.contains(o, i);
    }

    /** The actor list's canonical name for an actor name or alias, or the name itself when unknown. */
    public String canonicalActor(String name) {
        if (name == null) {
            return null;
        }
        ActorCatalog.Def d = rules.actors.lookup(name);
        return d == null ? name.trim() : d.name();
    }

    /** The article split into pieces and sentences after cleaning; for diagnostics and tests. */
    ParsedArticle parse(Article article) {
        return cleaner.parse(article.text(), article.publishedDate().orElse(null));
    }
}
