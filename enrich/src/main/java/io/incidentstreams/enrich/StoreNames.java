package io.incidentstreams.enrich;

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
    /** Secondary indexes over mentions (by date, truce date, place): range scans, never full scans. */
    public static final String MERGE_INDEX = "merge-index";
    /** Mention id to incident id, and incident id to its member mention ids. */
    public static final String CLUSTERS = "clusters";
    /** Incident id to the incident last published. */
    public static final String INCIDENTS = "incidents-by-id";
    /** Repartition topic that brings the mentions of one region to one task. */
    public static final String MENTIONS_BY_REGION = "mentions-by-region";

    private StoreNames() {
    }
}
