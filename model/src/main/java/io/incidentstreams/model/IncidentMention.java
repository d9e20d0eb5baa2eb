package io.incidentstreams.model;

import java.util.List;

/**
 * One incident as reported by one article: the extractor's output and the merge step's input.
 * An article can yield several mentions: its main report and older incidents it recalls.
 *
 * @param mentionId     {@code <articleId>#<index>}: stable for a given article and rules version
 * @param articleId     the article it came from
 * @param title         the article's headline
 * @param publishedAt   the article's publication date
 * @param outlet        the article's outlet
 * @param url           the article's URL
 * @param type          the incident type
 * @param date          {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}; null when it could not be resolved
 * @param datePrecision precision of {@link #date}
 * @param weekday       the weekday the text names ({@code MONDAY}) when {@link #date} could not be resolved (an
 *                      undated page's "on Monday"), else null: it tells the merge step which dated reports can match
 * @param location      where, or null
 * @param weapons       weapons named (rocket, missile, drone, mortar, ied, ...)
 * @param killed        killed, null when the text gives no figure (0 when it says no casualties)
 * @param wounded       wounded, null when the text gives no figure
 * @param actors        perpetrators, truce parties and their attribution status
 * @param targets       what was targeted
 * @param persons       named people among the targets ("Qasem Soleimani"): a strike that killed one named person
 *                      is one event, which lets the merge step place a report that gives neither a date nor a place
 * @param cues          relation cues found near this incident
 * @param background    true for an older incident the article only recalls
 * @param evidence      the sentence behind each field
 * @param rulesVersion  the version of the extraction rules that produced it
 */
public record IncidentMention(String mentionId, String articleId, String title, String publishedAt, String outlet,
                              String url, IncidentType type, String date, DatePrecision datePrecision, String weekday,
                              Location location, List<String> weapons, Integer killed, Integer wounded,
                              List<Actor> actors, List<String> targets, List<String> persons, List<Cue> cues, boolean background,
                              List<Evidence> evidence, String rulesVersion) {
}
