package io.incidentstreams.enrich;

import java.util.List;

/** Names of enrich's state stores and repartition topics: part of the app's contract with its changelogs. */
public final class StoreNames {
    /** Article id to content digest: drops exact repeats. */
    public static final String ARTICLE_DIGESTS = "article-digests";
    /** Record timestamp and article id to article id: the digests to expire, in time order. */
    public static final String ARTICLE_DIGEST_EXPIRY = "article-digest-expiry";
    /** Article id to the region and id of each mention its latest version produced: edits withdraw the rest. */
    public static final String ARTICLE_MENTIONS = "article-mentions";
    /** Mention id to mention. */
    public static final String MENTIONS = "mentions";
    /**
     * Secondary indexes over mentions (by date, truce date, place): range scans, never full scans. Version 2: a
     * dated entry's value is a {@code merge.MatchProfile} instead of the bare mention id.
     */
    public static final String MERGE_INDEX = "merge-index-v2";
    /** Mention id to incident id, and incident id to its member mention ids. */
    public static final String CLUSTERS = "clusters";
    /**
     * Incident id to a digest and the date of the incident last published ({@code merge.PublishedIncident}).
     * Earlier versions kept the whole incident, in the store {@code incidents-by-id}; the name changed with the
     * format, so that old state is never read as new (see {@link #RETIRED}).
     */
    public static final String INCIDENTS = "incident-digests";
    /**
     * Mention id to nothing but its presence: the reports now published on the unresolved-mentions topic, so that
     * each is tombstoned there exactly once when it joins an incident.
     */
    public static final String WAITING = "waiting-mentions";
    /** Repartition topic that brings the mentions of one region to one task. */
    public static final String MENTIONS_BY_REGION = "mentions-by-region";

    /**
     * Stores and repartition topics of earlier versions, whose format this version cannot read. Each format change
     * takes a new name, so that old state is never misread; enrich refuses to start on an application whose
     * internal topics still bear one of these names, because the state under the new names would start empty
     * while the committed offsets move on. A full {@code incidents replay} deletes them and rebuilds all state.
     */
    public static final List<String> RETIRED = List.of("incidents-by-id", "merge-index");

    private StoreNames() {
    }

    /** The internal topics that state of an earlier version leaves behind: a changelog or repartition topic. */
    public static List<String> retiredTopics(String applicationId) {
        return RETIRED.stream().flatMap(name -> List.of(applicationId + "-" + name + "-changelog",
                applicationId + "-" + name + "-repartition").stream()).toList();
    }
}
