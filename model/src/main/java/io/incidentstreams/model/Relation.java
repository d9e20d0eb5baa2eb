package io.incidentstreams.model;

/**
 * A typed link from one incident to another.
 *
 * @param type       {@code breaks_truce}, {@code retaliation_for}, {@code follows} or {@code coincides_with}
 * @param incidentId the id of the incident linked to
 * @param evidence   the sentence or rule that supports the link
 */
public record Relation(String type, String incidentId, String evidence) {
    public static final String BREAKS_TRUCE = "breaks_truce";
    public static final String RETALIATION_FOR = "retaliation_for";
    public static final String FOLLOWS = "follows";
    /** Happened on the same day as, or during, the other incident (a truce in force, another attack). */
    public static final String COINCIDES_WITH = "coincides_with";
}
