package io.incidentstreams.ingest.feed;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/** Markup in feeds to plain text. */
final class HtmlText {
    private HtmlText() {
    }

    /**
     * The text of an HTML fragment on one line: tags dropped, entities decoded, whitespace collapsed. Plain text
     * passes through with its whitespace collapsed. Null for null.
     */
    static String inline(String fragment) {
        if (fragment == null) {
            return null;
        }
        if (fragment.indexOf('<') < 0 && fragment.indexOf('&') < 0) {
            return fragment.replaceAll("\\s+", " ").strip();
        }
        Document doc = Jsoup.parseBodyFragment(fragment);
        doc.select("script, style, noscript, template, iframe, figure, figcaption, img").remove();
        return doc.body().text().strip();
    }
}
