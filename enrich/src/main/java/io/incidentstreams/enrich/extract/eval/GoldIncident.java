package io.incidentstreams.enrich.extract.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One expected incident from a gold file (one JSON object per line).
 *
 * @param article       file name of the article (e.g. {@code 004_camp_taji.txt}) or its id
 * @param type          incident type code
 * @param date          {@code YYYY-MM-DD}, {@code YYYY-MM}, {@code YYYY} or null
 * @param datePrecision {@code day}, {@code month}, {@code year} or null
 * @param location      place name as in the gazetteer, or the raw name
 * @param killed        killed, null when the article gives no figure
 * @param wounded       wounded, null when the article gives no figure
 * @param perpetrator   canonical actor name (for a truce: the party that declared it), or null
 * @param status        claimed, blamed, suspected, denied, unclaimed or null
 * @param background    true for an incident the article only recalls
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GoldIncident(String article, String type, String date, String datePrecision, String location,
                           Integer killed, Integer wounded, String perpetrator, String status, boolean background) {
}
