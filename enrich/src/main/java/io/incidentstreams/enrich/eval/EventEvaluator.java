package io.incidentstreams.enrich.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.incidentstreams.enrich.extract.eval.Evaluator;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Relation;
import io.incidentstreams.model.Source;
import io.incidentstreams.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Scores the published incidents against event-level gold: which reports are one real event, which events link to
 * which, and which look-alikes must stay apart. It counts what users of the compacted topic see: an event published
 * as two incidents (a duplicate), two events published as one (a false merge), and links missing or extra. The
 * extraction itself is scored by {@code extract.eval.Evaluator}; this works on the pipeline's output.
 *
 * <p>Each incident is tied to gold events through its sources: for every source article, the gold mention of that
 * article with the incident's type family, place and date (see {@link #bestMention}). A source that ties to no gold
 * mention is left out.
 */
public final class EventEvaluator {

    /** One gold report: an incident as one article reports it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GoldMention(String article, String type, String location, String date) {
        public GoldMention(String article, String type, String location) {
            this(article, type, location, null);
        }
    }

    /** One real event and the reports of it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GoldEvent(String event, String description, String date, String location,
                            List<GoldMention> mentions) {
    }

    /** A link users should be able to follow, from one event to another. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GoldLink(String from, String to, String type, String why) {
    }

    /** The event-level gold file ({@code events.json}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Gold(List<GoldEvent> events, List<GoldLink> links, List<List<String>> distinct) {
        public Gold {
            events = events == null ? List.of() : List.copyOf(events);
            links = links == null ? List.of() : List.copyOf(links);
            distinct = distinct == null ? List.of() : List.copyOf(distinct);
        }

        public static Gold read(Path file) {
            try {
                return Json.MAPPER.readValue(file.toFile(), Gold.class);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read event gold " + file + ": " + e.getMessage(), e);
            }
        }
    }

    private EventEvaluator() {
    }

    /**
     * @param articles  the articles that were ingested, to tie article ids to the file names gold uses
     * @param incidents the live incidents of the compacted topic
     */
    public static EventReport evaluate(Gold gold, List<Article> articles, List<Incident> incidents) {
        Map<String, String> fileOf = new HashMap<>();
        for (Article a : articles) {
            fileOf.put(a.id(), Evaluator.fileName(a.origin() != null ? a.origin() : a.id()));
        }
        Map<String, List<Candidate>> mentionsOfFile = new HashMap<>();
        for (GoldEvent e : gold.events()) {
            for (GoldMention m : e.mentions()) {
                mentionsOfFile.computeIfAbsent(Evaluator.fileName(m.article()), k -> new ArrayList<>()).add(new Candidate(m, e));
            }
        }
        Map<String, Set<String>> eventsOfIncident = new TreeMap<>();
        Map<String, Set<String>> incidentsOfEvent = new TreeMap<>();
        gold.events().forEach(e -> incidentsOfEvent.put(e.event(), new TreeSet<>()));
        List<String> unmatched = new ArrayList<>();
        for (Incident i : incidents) {
            Set<String> events = new TreeSet<>();
            for (Source s : i.sources()) {
                Candidate c = bestMention(i, s, mentionsOfFile.getOrDefault(fileOf.get(s.articleId()), List.of()));
                if (c != null) {
                    events.add(c.event().event());
                }
            }
            eventsOfIncident.put(i.id(), events);
            events.forEach(e -> incidentsOfEvent.get(e).add(i.id()));
            if (events.isEmpty()) {
                unmatched.add(describe(i));
            }
        }
        Map<String, Integer> split = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        incidentsOfEvent.forEach((event, ids) -> {
            if (ids.isEmpty()) {
                missing.add(event);
            } else if (ids.size() > 1) {
                split.put(event, ids.size());
            }
        });
        Map<String, Set<String>> merged = new LinkedHashMap<>();
        eventsOfIncident.forEach((id, events) -> {
            if (events.size() > 1) {
                merged.put(id, events);
            }
        });
        List<List<String>> distinctMerged = new ArrayList<>();
        for (List<String> pair : gold.distinct()) {
            if (merged.values().stream().anyMatch(events -> events.containsAll(pair))) {
                distinctMerged.add(pair);
            }
        }
        Set<String> foundLinks = new LinkedHashSet<>();
        for (Incident i : incidents) {
            for (Relation r : i.relations()) {
                for (String from : eventsOfIncident.getOrDefault(i.id(), Set.of())) {
                    for (String to : eventsOfIncident.getOrDefault(r.incidentId(), Set.of())) {
                        if (!from.equals(to)) {
                            foundLinks.add(linkKey(from, to, r.type()));
                        }
                    }
                }
            }
        }
        List<String> expectedLinks = gold.links().stream().map(l -> linkKey(l.from(), l.to(), l.type())).toList();
        List<String> missingLinks = expectedLinks.stream().filter(l -> !foundLinks.contains(l)).toList();
        List<String> extraLinks = foundLinks.stream().filter(l -> !expectedLinks.contains(l)).toList();
        return new EventReport(gold.events().size(), incidents.size(), incidentsOfEvent.values().stream()
                .filter(ids -> !ids.isEmpty()).count(), split, missing, merged, distinctMerged, expectedLinks.size(),
                expectedLinks.size() - missingLinks.size(), missingLinks, extraLinks, unmatched);
    }

    /** A gold mention with the event it belongs to. */
    record Candidate(GoldMention mention, GoldEvent event) {
    }

    /**
     * The gold mention of one article that an incident stands for, or null: of the same type family, with a date
     * that agrees with the date this source reported (the mention's gold date, else its event's; an article may report
     * two attacks at one place), then the best place: same name, one name inside the other, the incident's town or
     * province, or the only candidate left.
     */
    static Candidate bestMention(Incident i, Source source, List<Candidate> candidates) {
        Candidate best = null;
        int bestScore = 0;
        List<Candidate> sameType = new ArrayList<>();
        for (Candidate c : candidates) {
            String goldDate = c.mention().date() != null ? c.mention().date() : c.event().date();
            String reported = source.date() != null ? source.date() : i.date();
            if (!typeFits(c.mention().type(), i.type()) || !datesAgree(goldDate, reported)) {
                continue;
            }
            sameType.add(c);
            int score = placeScore(c.mention().location(), i);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best == null && sameType.size() == 1 ? sameType.get(0) : best;
    }

    /** Dates agree as far as the coarser goes ("2020-11" and "2020-11-17"); a missing one agrees. */
    private static boolean datesAgree(String a, String b) {
        if (a == null || b == null) {
            return true;
        }
        int n = Math.min(a.length(), b.length());
        return a.regionMatches(0, b, 0, n);
    }

    private static boolean typeFits(String goldType, IncidentType type) {
        if (type.code().equals(goldType)) {
            return true;
        }
        try {
            IncidentType g = IncidentType.fromCode(goldType);
            return g.isViolent() && type.isViolent();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** 3: the same place; 2: one name contains the other; 1: the gold place is the incident's town or province. */
    private static int placeScore(String gold, Incident i) {
        if (gold == null || i.location() == null || i.location().name() == null) {
            return gold == null && i.location() == null ? 2 : 0;
        }
        String g = norm(gold);
        String name = norm(i.location().name());
        if (g.equals(name)) {
            return 3;
        }
        if (g.contains(name) || name.contains(g)) {
            return 2;
        }
        return g.equals(norm(i.location().city())) || g.equals(norm(i.location().admin1())) ? 1 : 0;
    }

    private static String norm(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace("-", " ").replace("’", "'").trim();
    }

    private static String linkKey(String from, String to, String type) {
        return from + " -" + type + "-> " + to;
    }

    private static String describe(Incident i) {
        return i.id() + " " + i.type().code() + " " + i.date() + " "
                + (i.location() == null ? "(no place)" : i.location().name());
    }
}
