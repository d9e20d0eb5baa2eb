package io.incidentstreams.model;

/**
 * An actor of an incident.
 *
 * @param name   canonical name from the actor list (e.g. "Kataib Hezbollah"), or the text's own words
 * @param role   {@code perpetrator}, {@code target}, {@code party} (of a truce) or {@code announcer}
 * @param status attribution status of a perpetrator: {@code claimed}, {@code blamed}, {@code suspected},
 *               {@code denied}, {@code unclaimed}; null for other roles
 * @param family the actor family used for linking (e.g. "iran-aligned-militias"); null when unknown
 */
public record Actor(String name, String role, String status, String family) {

    /**
     * How strong an attribution status is, for choosing among reports: a claim outranks blame, blame
     * suspicion, suspicion a denial, a denial "unclaimed"; no status ranks lowest.
     */
    public static int statusRank(String status) {
        if (status == null) {
            return 0;
        }
        return switch (status) {
            case "claimed" -> 5;
            case "blamed" -> 4;
            case "suspected" -> 3;
            case "denied" -> 2;
            default -> 1;
        };
    }
}
