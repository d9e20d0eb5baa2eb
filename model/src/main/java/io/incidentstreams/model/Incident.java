package io.incidentstreams.model;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * An incident as published on the compacted incidents topic, keyed by {@link #id}.
 * The field names are a contract with consumers: fields may be added, never renamed.
 *
 * @param id            stable incident id, independent of article arrival order
 * @param type          taxonomy code, see {@link IncidentType}
 * @param eventType     ACLED event type of {@link #type}
 * @param subEventType  ACLED sub-event type of {@link #type}
 * @param date          {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}, the most specific reported
 * @param datePrecision {@code day}, {@code month} or {@code year}
 * @param location      where it happened
 * @param weapons       weapons reported by any source
 * @param killed        killed: the most reported figure, the latest on a tie; null when unknown
 * @param wounded       wounded, chosen like {@link #killed}
 * @param actors        actors with role and attribution status
 * @param targets       targets reported by any source
 * @param relations     typed links to other incidents
 * @param sources       every article that reported it, with the figures and evidence each gave
 * @param mergedFrom    ids this incident absorbed; each of them has a tombstone on the topic
 * @param articleCount  number of distinct articles
 * @param outletCount   number of distinct outlets (articles without an outlet count as their own)
 * @param firstSeen     earliest publication date among the sources
 * @param lastSeen      latest publication date among the sources
 * @param rulesVersion  version of the extraction rules
 */
@JsonPropertyOrder({"id", "type", "eventType", "subEventType", "date", "datePrecision", "location", "weapons",
        "killed", "wounded", "actors", "targets", "relations", "sources", "mergedFrom", "articleCount",
        "outletCount", "firstSeen", "lastSeen", "rulesVersion"})
public record Incident(String id, IncidentType type, String eventType, String subEventType, String date,
                       DatePrecision datePrecision, Location location, List<String> weapons, Integer killed,
                       Integer wounded, List<Actor> actors, List<String> targets, List<Relation> relations,
                       List<Source> sources, List<String> mergedFrom, int articleCount, int outletCount,
                       String firstSeen, String lastSeen, String rulesVersion) {

    public Incident withRelations(List<Relation> newRelations) {
        return new Incident(id, type, eventType, subEventType, date, datePrecision, location, weapons, killed,
                wounded, actors, targets, newRelations, sources, mergedFrom, articleCount, outletCount, firstSeen,
                lastSeen, rulesVersion);
    }
}
