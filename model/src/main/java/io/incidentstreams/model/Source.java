package io.incidentstreams.model;

import java.util.List;

/**
 * One article's report of an incident, with the figures it gave: figures are never overwritten, only added.
 *
 * @param articleId   the raw article's id
 * @param title       its headline
 * @param publishedAt its publication date, as on the article
 * @param outlet      its outlet, if known
 * @param url         its URL, if known
 * @param date        the incident date this article gave
 * @param killed      the killed figure this article gave, null if none
 * @param wounded     the wounded figure this article gave, null if none
 * @param evidence    the sentence behind each field, from this article
 */
public record Source(String articleId, String title, String publishedAt, String outlet, String url, String date,
                     Integer killed, Integer wounded, List<Evidence> evidence) {
}
