package io.incidentstreams.enrich.extract.eval;

import io.incidentstreams.enrich.extract.Extractor;
import io.incidentstreams.model.Actor;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.serde.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Measures extraction against a hand-labelled gold file.
 *
 * <p>An extracted mention and an expected incident can match when they come from the same article, their types are
 * compatible (the same code, or both violent) and their dates agree as far as the coarser precision allows. Matching
 * is greedy and one-to-one, best-agreeing pairs first, so that one mention cannot count for two incidents. Places are
 * compared through the gazetteer: a mention located at a finer place inside the expected one (Tayaran Square for
 * Baghdad) counts as right, because ACLED-style coding would accept it.
 */
public final class Evaluator {

    private static final String UNIDENTIFIED = "Unidentified armed group";
    private static final List<String> FIELDS = List.of("type", "date", "location", "killed", "wounded", "status",
            "perpetrator", "background");

    private final Extractor extractor;

    public Evaluator(Extractor extractor) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
    }

    /** Reads a gold file: one JSON object per line; blank lines and lines starting with # are skipped. */
    public static List<GoldIncident> readGold(Path file) {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readGold(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<GoldIncident> readGold(Reader reader) {
        List<GoldIncident> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(reader)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String t = line.trim();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                try {
                    out.add(Json.MAPPER.readValue(t, GoldIncident.class));
                } catch (IOException e) {
                    throw new IllegalArgumentException("gold line " + n + " is not a gold incident: " + e.getMessage(),
                            e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public EvaluationReport evaluate(Path goldFile, List<Article> articles) {
        return evaluate(readGold(goldFile), articles);
    }

    /**
     * Extracts every article given and scores the result. An article the gold file has no line for is taken to
     * report nothing, so every mention from it counts as spurious (a page that must yield nothing is labelled by
     * leaving it out of the gold file).
     */
    public EvaluationReport evaluate(List<GoldIncident> gold, List<Article> articles) {
        Map<String, List<GoldIncident>> goldByArticle = new LinkedHashMap<>();
        for (GoldIncident g : gold) {
            goldByArticle.computeIfAbsent(g.article(), k -> new ArrayList<>()).add(g);
        }
        List<EvaluationReport.Match> matches = new ArrayList<>();
        List<GoldIncident> missed = new ArrayList<>();
        List<IncidentMention> spurious = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Set<Article> labelled = new java.util.HashSet<>();
        int extracted = 0;
        for (Map.Entry<String, List<GoldIncident>> e : goldByArticle.entrySet()) {
            Article article = findArticle(e.getKey(), articles);
            if (article == null) {
                unknown.add(e.getKey());
                missed.addAll(e.getValue());
                continue;
            }
            labelled.add(article);
            names.put(article.id(), e.getKey());
            List<IncidentMention> mentions = extractor.extract(article);
            extracted += mentions.size();
            matchArticle(e.getValue(), mentions, matches, missed, spurious);
        }
        for (Article article : articles) {
            if (labelled.contains(article)) {
                continue;
            }
            names.put(article.id(), label(article));
            List<IncidentMention> mentions = extractor.extract(article);
            extracted += mentions.size();
            spurious.addAll(mentions);
        }
        Map<String, EvaluationReport.FieldScore> fields = new LinkedHashMap<>();
        for (String f : FIELDS) {
            int correct = 0;
            for (EvaluationReport.Match m : matches) {
                if (!m.wrongFields().contains(f)) {
                    correct++;
                }
            }
            fields.put(f, new EvaluationReport.FieldScore(f, correct, matches.size()));
        }
        return new EvaluationReport(gold.size(), extracted, matches.size(), fields, List.copyOf(matches),
                List.copyOf(missed), List.copyOf(spurious), List.copyOf(unknown), Map.copyOf(names));
    }

    /** A short name for an article in a report: the file name of its origin or URL, else its id. */
    private static String label(Article a) {
        for (String candidate : new String[] {a.origin(), a.url()}) {
            if (candidate != null && !candidate.isBlank() && !candidate.equals("feed")) {
                return fileName(candidate);
            }
        }
        return a.id();
    }

    private void matchArticle(List<GoldIncident> gold, List<IncidentMention> mentions,
                              List<EvaluationReport.Match> matches, List<GoldIncident> missed,
                              List<IncidentMention> spurious) {
        record Pair(int g, int m, int score) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int gi = 0; gi < gold.size(); gi++) {
            for (int mi = 0; mi < mentions.size(); mi++) {
                GoldIncident g = gold.get(gi);
                IncidentMention m = mentions.get(mi);
                if (typeCompatible(g, m) && dateCompatible(g.date(), m.date())) {
                    pairs.add(new Pair(gi, mi, score(g, m)));
                }
            }
        }
        pairs.sort(Comparator.comparingInt(Pair::score).reversed().thenComparingInt(Pair::g).thenComparingInt(Pair::m));
        boolean[] goldUsed = new boolean[gold.size()];
        boolean[] mentionUsed = new boolean[mentions.size()];
        for (Pair p : pairs) {
            if (goldUsed[p.g()] || mentionUsed[p.m()]) {
                continue;
            }
            goldUsed[p.g()] = true;
            mentionUsed[p.m()] = true;
            GoldIncident g = gold.get(p.g());
            IncidentMention m = mentions.get(p.m());
            matches.add(new EvaluationReport.Match(g, m, wrongFields(g, m)));
        }
        for (int gi = 0; gi < gold.size(); gi++) {
            if (!goldUsed[gi]) {
                missed.add(gold.get(gi));
            }
        }
        for (int mi = 0; mi < mentions.size(); mi++) {
            if (!mentionUsed[mi]) {
                spurious.add(mentions.get(mi));
            }
        }
    }

    /** More agreeing fields make a better pair; type, date and place weigh most. */
    private int score(GoldIncident g, IncidentMention m) {
        List<String> wrong = wrongFields(g, m);
        int s = 0;
        for (String f : FIELDS) {
            if (!wrong.contains(f)) {
                s += f.equals("type") || f.equals("date") || f.equals("location") ? 3 : 1;
            }
        }
        return s;
    }

    private List<String> wrongFields(GoldIncident g, IncidentMention m) {
        List<String> wrong = new ArrayList<>();
        if (!g.type().equals(m.type().code())) {
            wrong.add("type");
        }
        if (!Objects.equals(g.date(), m.date()) || g.date() != null && !Objects.equals(
                lower(g.datePrecision()), m.datePrecision() == null ? null : m.datePrecision().json())) {
            wrong.add("date");
        }
        if (!locationMatches(g.location(), m)) {
            wrong.add("location");
        }
        if (!Objects.equals(g.killed(), m.killed())) {
            wrong.add("killed");
        }
        if (!Objects.equals(g.wounded(), m.wounded())) {
            wrong.add("wounded");
        }
        Actor a = principal(m);
        String status = a == null || m.type() == IncidentType.TRUCE ? null : a.status();
        if (!Objects.equals(lower(g.status()), status)) {
            wrong.add("status");
        }
        String name = a == null || UNIDENTIFIED.equals(a.name()) ? null : a.name();
        String expected = g.perpetrator() == null ? null : extractor.canonicalActor(g.perpetrator());
        if (!Objects.equals(expected, name)) {
            wrong.add("perpetrator");
        }
        if (g.background() != m.background()) {
            wrong.add("background");
        }
        return wrong;
    }

    /** The perpetrator with the strongest attribution, or the first party of a truce. */
    private static Actor principal(IncidentMention m) {
        Actor best = null;
        for (Actor a : m.actors()) {
            boolean relevant = m.type() == IncidentType.TRUCE ? "party".equals(a.role())
                    : "perpetrator".equals(a.role());
            if (relevant && (best == null || Actor.statusRank(a.status()) > Actor.statusRank(best.status()))) {
                best = a;
            }
        }
        return best;
    }


    private boolean locationMatches(String expected, IncidentMention m) {
        String actual = m.location() == null ? null : m.location().name();
        if (expected == null || actual == null) {
            return expected == null && actual == null;
        }
        if (extractor.canonicalPlace(expected).equals(extractor.canonicalPlace(actual))) {
            return true;
        }
        return extractor.placeContains(expected, actual);
    }

    private static boolean typeCompatible(GoldIncident g, IncidentMention m) {
        if (g.type().equals(m.type().code())) {
            return true;
        }
        IncidentType t;
        try {
            t = IncidentType.fromCode(g.type());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return t.isViolent() && m.type().isViolent();
    }

    /** Dates agree as far as the coarser of the two goes ("2020-03" and "2020-03-11" agree); a missing one agrees. */
    static boolean dateCompatible(String a, String b) {
        if (a == null || b == null) {
            return true;
        }
        int n = Math.min(a.length(), b.length());
        return a.regionMatches(0, b, 0, n);
    }

    private static Article findArticle(String key, List<Article> articles) {
        for (Article a : articles) {
            if (key.equals(a.id())) {
                return a;
            }
        }
        Set<String> keys = new LinkedHashSet<>(List.of(key, stripExtension(key)));
        for (Article a : articles) {
            for (String candidate : new String[] {a.id(), a.origin(), a.url()}) {
                if (candidate == null) {
                    continue;
                }
                String file = fileName(candidate);
                if (keys.contains(file) || keys.contains(stripExtension(file))) {
                    return a;
                }
            }
        }
        return null;
    }

    /** The last segment of a path or URL: how gold files name articles. */
    public static String fileName(String pathOrUrl) {
        String s = pathOrUrl.replace('\\', '/');
        int slash = s.lastIndexOf('/');
        return slash >= 0 ? s.substring(slash + 1) : s;
    }

    private static String stripExtension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
