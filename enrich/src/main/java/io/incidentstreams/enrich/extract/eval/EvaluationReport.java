package io.incidentstreams.enrich.extract.eval;

import io.incidentstreams.model.Actor;
import io.incidentstreams.model.IncidentMention;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well extraction matched a gold file: incident precision, recall and F1, and per-field accuracy over the
 * matched pairs.
 *
 * @param goldCount      expected incidents
 * @param extractedCount extracted mentions, from every article given
 * @param matchedCount   one-to-one matches
 * @param fields         accuracy per field, in report order
 * @param matches        the matched pairs
 * @param missed         expected incidents nothing matched
 * @param spurious       extracted mentions no expected incident matched
 * @param unknownArticles gold lines whose article was not among the articles given
 * @param articleNames   article id to the name the report shows for it (the gold file's name, or the file name)
 */
public record EvaluationReport(int goldCount, int extractedCount, int matchedCount, Map<String, FieldScore> fields,
                               List<Match> matches, List<GoldIncident> missed, List<IncidentMention> spurious,
                               List<String> unknownArticles, Map<String, String> articleNames) {

    /** Accuracy of one field over the matched pairs. */
    public record FieldScore(String field, int correct, int total) {
        public double accuracy() {
            return total == 0 ? 0.0 : (double) correct / total;
        }
    }

    /** An expected incident and the mention matched to it, with the fields that differ. */
    public record Match(GoldIncident gold, IncidentMention mention, List<String> wrongFields) {
    }

    public double precision() {
        return extractedCount == 0 ? 0.0 : (double) matchedCount / extractedCount;
    }

    public double recall() {
        return goldCount == 0 ? 0.0 : (double) matchedCount / goldCount;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** Each wrong field as {@code field expected->extracted}. */
    private static String differences(Match m) {
        StringBuilder b = new StringBuilder();
        GoldIncident g = m.gold();
        IncidentMention x = m.mention();
        for (String f : m.wrongFields()) {
            if (b.length() > 0) {
                b.append(", ");
            }
            Object expected;
            Object actual;
            switch (f) {
                case "type" -> { expected = g.type(); actual = x.type().code(); }
                case "date" -> { expected = g.date(); actual = x.date(); }
                case "location" -> { expected = g.location(); actual = x.location() == null ? null : x.location().name(); }
                case "killed" -> { expected = g.killed(); actual = x.killed(); }
                case "wounded" -> { expected = g.wounded(); actual = x.wounded(); }
                case "status" -> { expected = g.status(); actual = actors(x); }
                case "perpetrator" -> { expected = g.perpetrator(); actual = actors(x); }
                case "background" -> { expected = g.background(); actual = x.background(); }
                default -> { expected = "?"; actual = "?"; }
            }
            b.append(f).append(' ').append(expected).append("->").append(actual);
        }
        return b.toString();
    }

    private static String actors(IncidentMention m) {
        StringBuilder b = new StringBuilder("[");
        for (Actor a : m.actors()) {
            if (b.length() > 1) {
                b.append("; ");
            }
            b.append(a.name()).append('/').append(a.role()).append('/').append(a.status());
        }
        return b.append(']').toString();
    }

    /** The article's short name and the mention's index ("004_camp_taji.txt#2"). */
    private String name(IncidentMention m) {
        String id = m.mentionId();
        int hash = id.lastIndexOf('#');
        String label = articleNames == null ? null : articleNames.get(m.articleId());
        return label == null || hash < 0 ? id : label + id.substring(hash);
    }

    /** A plain-text report for a terminal or a CI log. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "incidents: gold %d, extracted %d, matched %d%n", goldCount,
                extractedCount, matchedCount));
        b.append(String.format(Locale.ROOT, "precision %.3f  recall %.3f  F1 %.3f%n", precision(), recall(), f1()));
        b.append("field accuracy over matched pairs:\n");
        for (FieldScore f : fields.values()) {
            b.append(String.format(Locale.ROOT, "  %-12s %.3f  (%d/%d)%n", f.field(), f.accuracy(), f.correct(),
                    f.total()));
        }
        if (!missed.isEmpty()) {
            b.append("missed:\n");
            for (GoldIncident g : missed) {
                b.append(String.format(Locale.ROOT, "  %s %s %s %s%n", g.article(), g.type(), g.date(),
                        g.location()));
            }
        }
        if (!spurious.isEmpty()) {
            b.append("spurious:\n");
            for (IncidentMention m : spurious) {
                b.append(String.format(Locale.ROOT, "  %s %s %s %s%n", name(m), m.type().code(), m.date(),
                        m.location() == null ? null : m.location().name()));
            }
        }
        boolean header = false;
        for (Match m : matches) {
            if (m.wrongFields().isEmpty()) {
                continue;
            }
            if (!header) {
                b.append("matched with differences:\n");
                header = true;
            }
            b.append(String.format(Locale.ROOT, "  %s %s %s: %s%n", name(m.mention()), m.gold().type(),
                    m.gold().date(), differences(m)));
        }
        if (!unknownArticles.isEmpty()) {
            b.append("gold articles not given: ").append(String.join(", ", unknownArticles)).append('\n');
        }
        return b.toString();
    }
}
