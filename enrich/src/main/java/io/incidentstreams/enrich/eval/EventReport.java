package io.incidentstreams.enrich.eval;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The pipeline's output against event-level gold.
 *
 * @param goldEvents      real events in the gold file
 * @param incidents       live incidents published
 * @param eventsFound     gold events at least one incident stands for
 * @param split           events published as several incidents (duplicates), with how many
 * @param missing         events no incident stands for
 * @param merged          incidents that stand for several events (false merges), with those events
 * @param distinctMerged  look-alike pairs the gold says must stay apart, found in one incident
 * @param goldLinks       links the gold expects
 * @param linksFound      of those, links found between incidents of the two events
 * @param missingLinks    expected links not found, as {@code E3 -breaks_truce-> E1}
 * @param extraLinks      links found between gold events that the gold does not list
 * @param unmatched       incidents tied to no gold event (not labelled, or not an incident)
 */
public record EventReport(int goldEvents, int incidents, long eventsFound, Map<String, Integer> split,
                          List<String> missing, Map<String, Set<String>> merged, List<List<String>> distinctMerged,
                          int goldLinks, int linksFound, List<String> missingLinks, List<String> extraLinks,
                          List<String> unmatched) {

    /** Extra incidents users see for events already published: the sum over split events of (incidents - 1). */
    public int duplicates() {
        return split.values().stream().mapToInt(n -> n - 1).sum();
    }

    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("events: gold %d, found %d, missing %d; incidents %d (%d tied to no gold event)%n",
                goldEvents, eventsFound, missing.size(), incidents, unmatched.size()));
        b.append(String.format("duplicates: %d extra incident(s) over %d event(s)%n", duplicates(), split.size()));
        b.append(String.format("false merges: %d incident(s), %d must-stay-apart pair(s) merged%n", merged.size(),
                distinctMerged.size()));
        b.append(String.format("links: gold %d, found %d, missing %d, extra %d%n", goldLinks, linksFound,
                missingLinks.size(), extraLinks.size()));
        split.forEach((e, n) -> b.append("  split: ").append(e).append(" as ").append(n).append(" incidents\n"));
        missing.forEach(e -> b.append("  missing event: ").append(e).append('\n'));
        merged.forEach((id, events) -> b.append("  merged: ").append(id).append(" = ").append(events).append('\n'));
        distinctMerged.forEach(p -> b.append("  must stay apart, merged: ").append(p).append('\n'));
        missingLinks.forEach(l -> b.append("  missing link: ").append(l).append('\n'));
        extraLinks.forEach(l -> b.append("  extra link: ").append(l).append('\n'));
        unmatched.forEach(i -> b.append("  no gold event: ").append(i).append('\n'));
        return b.toString();
    }
}
