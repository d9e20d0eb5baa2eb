package io.incidentstreams.enrich.link;

import io.incidentstreams.enrich.merge.DateRange;
import io.incidentstreams.model.Actor;
import io.incidentstreams.model.Cue;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.Evidence;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Relation;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Derives typed links of an incident from its mentions and the state around it. Links are recomputed whenever
 * an incident or one it may link to changes, so a late article (a truce reported after the attack) still
 * produces the link.
 *
 * <ul>
 *   <li>Same-article cues: a cue sentence ("the ceasefire was broken when...", "a week after...",
 *       "in retaliation for...", "on the same day that...") that also reports another incident of the same
 *       article links to it; "during the truce" links to the article's truce ({@code coincides_with}).</li>
 *   <li>{@code breaks_truce} across articles: a violent incident dated after a truce began and inside its window,
 *       whose perpetrator is of the truce party's actor family, or that carries a breaks-truce cue.</li>
 *   <li>{@code retaliation_for} across articles: an incident with a retaliation cue and no target in its own
 *       article links to the latest earlier incident, within {@link #CUE_WINDOW_DAYS}, whose perpetrators are of
 *       another actor family than its own (the actors reversed).</li>
 *   <li>{@code follows} across articles: an incident with a "follows" cue ("a week after", "the latest in a
 *       series") and no target in its own article links to the latest earlier incident of the same type at the
 *       same place, within {@link #CUE_WINDOW_DAYS}.</li>
 * </ul>
 */
public final class Linker {
    /** Default length of a truce's window when the text states no end. */
    public static final int DEFAULT_TRUCE_WINDOW_DAYS = 183;

    /** How far back a retaliation or "follows" cue looks for its target in other articles. */
    public static final int CUE_WINDOW_DAYS = 30;

    /** State the linker reads, by key or range: never a full scan. */
    public interface Lookup {
        /** Mentions dated to a day in [from, to]. */
        List<IncidentMention> datedBetween(LocalDate from, LocalDate to);

        /** Other mentions of the same article. */
        List<IncidentMention> siblings(String mentionId);

        /** Truce mentions whose start lies in [from's month, to]. */
        List<IncidentMention> trucesStartingBetween(LocalDate from, LocalDate to);

        /** The incident id a mention currently belongs to, or null. */
        String incidentOf(String mentionId);

        /** The date of a published incident, or null when it has none or is not published yet. */
        String truceDate(String incidentId);
    }

    private final int truceWindowDays;

    public Linker(int truceWindowDays) {
        this.truceWindowDays = truceWindowDays;
    }

    public int truceWindowDays() {
        return truceWindowDays;
    }

    /** Whether a violent mention could be linked to a truce of these actor families. */
    public boolean mayBreakTruce(IncidentMention violent, Set<String> truceFamilies) {
        return hasCue(List.of(violent), Relation.BREAKS_TRUCE)
                || perpetratorFamilies(List.of(violent)).stream().anyMatch(truceFamilies::contains);
    }

    public List<Relation> relations(Incident incident, List<IncidentMention> members, Lookup lookup) {
        TreeMap<String, Relation> out = new TreeMap<>();
        Set<String> memberIds = members.stream().map(IncidentMention::mentionId).collect(Collectors.toSet());
        for (IncidentMention m : members) {
            if (m.cues() == null || m.cues().isEmpty()) {
                continue;
            }
            List<IncidentMention> siblings = lookup.siblings(m.mentionId()).stream()
                    .filter(s -> !memberIds.contains(s.mentionId()))
                    .sorted(Comparator.comparing(IncidentMention::mentionId)).toList();
            for (Cue cue : m.cues()) {
                for (IncidentMention s : siblings) {
                    if (fits(cue, s)) {
                        String target = lookup.incidentOf(s.mentionId());
                        if (target != null && !target.equals(incident.id())) {
                            out.putIfAbsent(cue.relation() + "|" + target,
                                    new Relation(cue.relation(), target, cue.sentence()));
                        }
                    }
                }
            }
        }
        for (String relation : List.of(Relation.RETALIATION_FOR, Relation.FOLLOWS)) {
            if (out.keySet().stream().noneMatch(k -> k.startsWith(relation + "|"))) {
                Relation r = acrossArticles(relation, incident, members, lookup);
                if (r != null) {
                    out.put(r.type() + "|" + r.incidentId(), r);
                }
            }
        }
        boolean hasTruceLink = out.keySet().stream().anyMatch(k -> k.startsWith(Relation.BREAKS_TRUCE + "|"));
        if (!hasTruceLink && incident.type().isViolent()) {
            Relation r = truceInWindow(incident, members, lookup);
            if (r != null) {
                out.put(r.type() + "|" + r.incidentId(), r);
            }
        }
        return oneTruce(out, lookup);
    }

    /**
     * An attack breaks one truce. When reports of it name several (an undated report's truce and a dated one),
     * the link goes to the truce with the most precise date, then the latest, then the smallest id.
     */
    private static List<Relation> oneTruce(TreeMap<String, Relation> links, Lookup lookup) {
        List<Relation> truces = links.values().stream().filter(r -> Relation.BREAKS_TRUCE.equals(r.type())).toList();
        if (truces.size() < 2) {
            return List.copyOf(links.values());
        }
        Relation keep = truces.stream().min(Comparator
                .comparing((Relation r) -> precisionRank(lookup.truceDate(r.incidentId())))
                .thenComparing((Relation r) -> lookup.truceDate(r.incidentId()) == null ? "" : lookup.truceDate(r.incidentId()),
                        Comparator.reverseOrder())
                .thenComparing(Relation::incidentId)).orElseThrow();
        return links.values().stream().filter(r -> !Relation.BREAKS_TRUCE.equals(r.type()) || r == keep).toList();
    }

    private static int precisionRank(String date) {
        return date == null ? 9 : -date.length();
    }

    private static boolean fits(Cue cue, IncidentMention sibling) {
        if (Relation.BREAKS_TRUCE.equals(cue.relation())) {
            return sibling.type() == IncidentType.TRUCE;
        }
        if (Relation.COINCIDES_WITH.equals(cue.relation()) && sibling.type() == IncidentType.TRUCE) {
            return true; // "during the truce": the article's truce
        }
        return sibling.type().isViolent() && sibling.evidence() != null
                && sibling.evidence().stream().map(Evidence::start).anyMatch(start -> start == cue.start());
    }

    /** Whether a mention carries a cue that may point at an incident of another article. */
    public static boolean looksBack(IncidentMention m) {
        return m.cues() != null && m.cues().stream().anyMatch(c -> Relation.RETALIATION_FOR.equals(c.relation())
                || Relation.FOLLOWS.equals(c.relation()));
    }

    /** The target of a retaliation or "follows" cue among earlier incidents of other articles, or null. */
    private static Relation acrossArticles(String relation, Incident incident, List<IncidentMention> members,
                                           Lookup lookup) {
        String sentence = cueSentence(members, relation);
        DateRange when = DateRange.of(incident.date(), incident.datePrecision());
        if (sentence == null || when == null || when.precision() != DatePrecision.DAY) {
            return null;
        }
        Set<String> own = perpetratorFamilies(members);
        IncidentMention best = null;
        String bestTarget = null;
        for (IncidentMention c : lookup.datedBetween(when.first().minusDays(CUE_WINDOW_DAYS), when.first().minusDays(1))) {
            if (!c.type().isViolent()) {
                continue;
            }
            if (Relation.RETALIATION_FOR.equals(relation)) {
                Set<String> theirs = perpetratorFamilies(List.of(c));
                if (own.isEmpty() || theirs.isEmpty() || theirs.stream().anyMatch(own::contains)) {
                    continue;
                }
            } else if (c.type() != incident.type() || !samePlace(c, incident)) {
                continue;
            }
            String target = lookup.incidentOf(c.mentionId());
            if (target == null || target.equals(incident.id())) {
                continue;
            }
            int order = best == null ? 1 : c.date().compareTo(best.date());
            if (order > 0 || (order == 0 && target.compareTo(bestTarget) < 0)) {
                best = c;
                bestTarget = target;
            }
        }
        return best == null ? null : new Relation(relation, bestTarget, sentence);
    }

    private static boolean samePlace(IncidentMention m, Incident incident) {
        if (m.location() == null || incident.location() == null || m.location().name() == null) {
            return false;
        }
        return m.location().name().equalsIgnoreCase(incident.location().name());
    }

    private Relation truceInWindow(Incident incident, List<IncidentMention> members, Lookup lookup) {
        DateRange when = DateRange.of(incident.date(), incident.datePrecision());
        if (when == null) {
            return null;
        }
        Set<String> perpetrators = perpetratorFamilies(members);
        boolean cue = hasCue(members, Relation.BREAKS_TRUCE);
        if (perpetrators.isEmpty() && !cue) {
            return null;
        }
        IncidentMention best = null;
        DateRange bestRange = null;
        for (IncidentMention t : lookup.trucesStartingBetween(when.first().minusDays(truceWindowDays), when.first())) {
            DateRange tr = truceStart(t, lookup);
            if (tr == null || !tr.first().isBefore(when.first())
                    || tr.first().plusDays(truceWindowDays).isBefore(when.first())) {
                continue;
            }
            Set<String> parties = families(t);
            if (!cue && parties.stream().noneMatch(perpetrators::contains)) {
                continue;
            }
            if (best == null || tr.first().isAfter(bestRange.first())
                    || (tr.first().equals(bestRange.first()) && t.mentionId().compareTo(best.mentionId()) < 0)) {
                best = t;
                bestRange = tr;
            }
        }
        if (best == null) {
            return null;
        }
        String target = lookup.incidentOf(best.mentionId());
        if (target == null || target.equals(incident.id())) {
            return null;
        }
        String evidence = cue ? cueSentence(members, Relation.BREAKS_TRUCE)
                : "rule: perpetrator of actor family " + String.join(",", new TreeSet<>(perpetrators))
                + " attacked " + (when.first().toEpochDay() - bestRange.first().toEpochDay())
                + " days after the truce began (window " + truceWindowDays + " days)";
        return new Relation(Relation.BREAKS_TRUCE, target, evidence);
    }

    /**
     * When a truce began: the date of its published incident, which is the best-resolved date of its reports, else
     * the report's own. A year-only report ("the 2020 truce") must not open the window on January 1.
     */
    private static DateRange truceStart(IncidentMention t, Lookup lookup) {
        String target = lookup.incidentOf(t.mentionId());
        String date = target == null ? null : lookup.truceDate(target);
        if (date != null) {
            DatePrecision p = date.length() >= 10 ? DatePrecision.DAY : date.length() == 7 ? DatePrecision.MONTH
                    : DatePrecision.YEAR;
            DateRange r = DateRange.of(date, p);
            if (r != null) {
                return r;
            }
        }
        return DateRange.of(t.date(), t.datePrecision());
    }

    private static boolean hasCue(List<IncidentMention> ms, String relation) {
        return cueSentence(ms, relation) != null;
    }

    private static String cueSentence(List<IncidentMention> ms, String relation) {
        return ms.stream().filter(m -> m.cues() != null)
                .sorted(Comparator.comparing(IncidentMention::mentionId))
                .flatMap(m -> m.cues().stream())
                .filter(c -> relation.equals(c.relation()))
                .map(Cue::sentence).findFirst().orElse(null);
    }

    static Set<String> perpetratorFamilies(List<IncidentMention> ms) {
        return ms.stream().filter(m -> m.actors() != null).flatMap(m -> m.actors().stream())
                .filter(a -> "perpetrator".equals(a.role()) && !"denied".equals(a.status()))
                .map(Actor::family).filter(Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
    }

    static Set<String> families(IncidentMention m) {
        return m.actors() == null ? Set.of() : m.actors().stream().map(Actor::family).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
