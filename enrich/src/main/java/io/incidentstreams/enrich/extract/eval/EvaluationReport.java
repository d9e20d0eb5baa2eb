package io.incidentstreams.enrich.extract.eval;

import io.incidentstreams.model.IncidentMention;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How well extraction matched a gold file: incident precision, recall and F1, and per-field accuracy over the
 * matched pairs.
 *
 * @param goldCount      expected incidents
 * @param extractedCount extracted mentions for the articles the gold file names
 * @param matchedCount   one-to-one matches
 * @param fields         accuracy per field, in report order
 * @param matches        the matched pairs
 * @param missed         expected incidents nothing matched
 * @param spurious       extracted mentions no expected incident matched
 * @param unknownArticles gold lines whose article was not among the articles given
 */
public record EvaluationReport(int goldCount, int extractedCount, int matchedCount, Map<String, FieldScore> fields,
                               List<Match> matches, List<GoldIncident> missed, List<IncidentMention> spurious,
                               List<String> unknownArticles) {

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
                b.append(String.format(Locale.ROOT, "  %s %s %s %s%n", m.mentionId(), m.type().code(), m.date(),
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
            b.append(String.format(Locale.ROOT, "  %s %s: %s%n", m.mention().mentionId(), m.gold().type(),
                    String.join(", ", m.wrongFields())));
        }
        if (!unknownArticles.isEmpty()) {
            b.append("gold articles not given: ").append(String.join(", ", unknownArticles)).append('\n');
        }
        return b.toString();
    }
}
