package io.incidentstreams.ingest.feed;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.serde.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Extracts an article page's body text, headline and date with jsoup.
 *
 * <p>Boilerplate goes first: scripts, styles, forms, navigation, headers, footers, asides, figures and their
 * captions, and every element whose class or id names a share, social, related, recommended, comment, newsletter,
 * advert, breadcrumb, caption, cookie, sidebar or tag block. The body is then the {@code articleBody} (microdata),
 * else the {@code <article>} with the most paragraph text, else {@code <main>}, else the page; its paragraphs,
 * subheadings, list items and quotes are kept in order, one per line with a blank line between.
 *
 * <p>The date is the page's own: {@code article:published_time} and similar meta tags, JSON-LD
 * {@code datePublished} (also inside {@code @graph}), else a {@code <time>} marked as the publication date.
 */
public final class PageText {
    /** Class or id words that mark boilerplate blocks, matched as whole words split on - and _. */
    private static final Set<String> BOILERPLATE_WORDS = Set.of(
            "share", "sharing", "sharebar", "social", "related", "recommended", "recommendations", "recirculation",
            "more-stories", "comment", "comments", "newsletter", "subscribe", "subscription", "promo", "ad", "ads",
            "advert", "advertisement", "sponsored", "breadcrumb", "breadcrumbs", "caption", "credit", "cookie",
            "cookies", "consent", "popup", "modal", "sidebar", "widget", "nav", "navigation", "menu", "footer",
            "tags", "taglist", "byline-photo", "outbrain", "taboola");
    private static final Pattern WORD_SPLIT = Pattern.compile("[\\s_\\-]+");
    private static final String REMOVED = "script, style, noscript, template, svg, iframe, object, embed, form, "
            + "button, input, select, textarea, nav, header, footer, aside, figure, figcaption, picture, video, "
            + "audio, [role=navigation], [role=banner], [role=contentinfo], [role=complementary], [aria-hidden=true], "
            + "[hidden]";
    private static final String BLOCKS = "p, h2, h3, h4, li, blockquote, pre";
    private static final String[] DATE_META = {
            "meta[property=article:published_time]", "meta[property=og:article:published_time]",
            "meta[name=article:published_time]", "meta[itemprop=datePublished]", "meta[name=datePublished]",
            "meta[name=pubdate]", "meta[name=publishdate]", "meta[name=publish-date]", "meta[name=date]",
            "meta[name=dc.date.issued]", "meta[name=DC.date.issued]", "meta[name=dcterms.created]",
            "meta[name=dc.date]", "meta[name=DC.date]", "meta[name=parsely-pub-date]", "meta[name=sailthru.date]"};
    private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");

    private PageText() {
    }

    /**
     * @param html        the page's bytes
     * @param contentType its Content-Type, for the charset; may be null (then the page's meta charset, else UTF-8)
     * @param baseUri     the page's URL
     */
    public static Page extract(byte[] html, String contentType, String baseUri) {
        Document doc;
        try {
            doc = Jsoup.parse(new ByteArrayInputStream(html), charsetOf(contentType), baseUri);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an in-memory page", e);
        }
        return extract(doc);
    }

    /** The same, from markup already decoded. */
    public static Page extract(String html, String baseUri) {
        return extract(Jsoup.parse(html, baseUri));
    }

    private static Page extract(Document doc) {
        String title = title(doc);
        String date = date(doc);
        Element body = doc.body();
        if (body == null) {
            return new Page(title, date, "");
        }
        body.select(REMOVED).remove();
        for (Element e : new ArrayList<>(body.getAllElements())) {
            if (e != body && e.parent() != null && isBoilerplate(e)) {
                e.remove();
            }
        }
        Element main = mainElement(body);
        return new Page(title, date, blockText(main));
    }

    private static String charsetOf(String contentType) {
        if (contentType == null) {
            return null;
        }
        Matcher m = Pattern.compile("(?i)charset\\s*=\\s*\"?([^\\s;\"]+)").matcher(contentType);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1)).name();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    private static boolean isBoilerplate(Element e) {
        String tag = e.normalName();
        if (tag.equals("article") || tag.equals("main") || tag.equals("body") || tag.equals("html")) {
            return false;
        }
        if ("articleBody".equals(e.attr("itemprop"))) {
            return false;
        }
        return namesBoilerplate(e.className()) || namesBoilerplate(e.id());
    }

    private static boolean namesBoilerplate(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.contains("more-stories")) {
            return true;
        }
        for (String word : WORD_SPLIT.split(lower)) {
            if (BOILERPLATE_WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static Element mainElement(Element body) {
        Element articleBody = body.selectFirst("[itemprop=articleBody]");
        if (articleBody != null) {
            return articleBody;
        }
        Element best = null;
        int bestLength = 0;
        for (Element article : body.select("article")) {
            int length = article.select("p").text().length();
            if (length > bestLength) {
                best = article;
                bestLength = length;
            }
        }
        if (best != null) {
            return best;
        }
        Element main = body.selectFirst("main, [role=main]");
        return main != null ? main : body;
    }

    private static String blockText(Element main) {
        List<String> blocks = new ArrayList<>();
        for (Element block : main.select(BLOCKS)) {
            // A list item or quote holding paragraphs is read through its paragraphs.
            if (!block.select(BLOCKS).stream().allMatch(b -> b == block)) {
                continue;
            }
            String text = block.text().strip();
            if (!text.isEmpty()) {
                blocks.add(text);
            }
        }
        if (blocks.isEmpty()) {
            return main.text().strip();
        }
        return String.join("\n\n", blocks);
    }

    private static String title(Document doc) {
        for (String query : new String[] {"meta[property=og:title]", "meta[name=twitter:title]"}) {
            Element meta = doc.selectFirst(query);
            if (meta != null && !meta.attr("content").isBlank()) {
                return meta.attr("content").strip();
            }
        }
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && !h1.text().isBlank()) {
            return h1.text().strip();
        }
        String title = doc.title();
        return title == null || title.isBlank() ? null : title.strip();
    }

    private static String date(Document doc) {
        for (String query : DATE_META) {
            for (Element meta : doc.select(query)) {
                String date = normaliseDate(meta.attr("content"));
                if (date != null) {
                    return date;
                }
            }
        }
        for (Element script : doc.select("script[type=application/ld+json]")) {
            String date = jsonLdDate(script.data());
            if (date != null) {
                return date;
            }
        }
        Elements times = doc.select("time[itemprop=datePublished], time[pubdate], time.published, "
                + "article time[datetime]");
        for (Element time : times) {
            String date = normaliseDate(time.hasAttr("datetime") ? time.attr("datetime") : time.text());
            if (date != null) {
                return date;
            }
        }
        return null;
    }

    private static String jsonLdDate(String json) {
        try {
            return findDatePublished(Json.MAPPER.readTree(json), 0);
        } catch (IOException e) {
            return null;
        }
    }

    private static String findDatePublished(JsonNode node, int depth) {
        if (node == null || depth > 8) {
            return null;
        }
        if (node.isArray()) {
            for (JsonNode child : node) {
                String date = findDatePublished(child, depth + 1);
                if (date != null) {
                    return date;
                }
            }
            return null;
        }
        if (!node.isObject()) {
            return null;
        }
        JsonNode published = node.get("datePublished");
        if (published != null && published.isTextual()) {
            String date = normaliseDate(published.textValue());
            if (date != null) {
                return date;
            }
        }
        for (JsonNode child : node) {
            if (child.isContainerNode()) {
                String date = findDatePublished(child, depth + 1);
                if (date != null) {
                    return date;
                }
            }
        }
        return null;
    }

    /**
     * A date in one of the forms pages use, as {@code YYYY-MM-DD} (no time, or a time without offset: the local
     * date is what is known) or an ISO offset date-time; null when unreadable.
     */
    static String normaliseDate(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > 10 && v.charAt(10) == ' ') {
            v = v.substring(0, 10) + 'T' + v.substring(11);
        }
        v = COMPACT_OFFSET.matcher(v).replaceFirst("$1:$2");
        try {
            return OffsetDateTime.parse(v).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException ignored) {
            // other forms below
        }
        try {
            return ZonedDateTime.parse(v).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException ignored) {
            // other forms below
        }
        try {
            return LocalDateTime.parse(v).toLocalDate().toString();
        } catch (DateTimeParseException ignored) {
            // other forms below
        }
        try {
            return LocalDate.parse(v.length() >= 10 ? v.substring(0, 10) : v).toString();
        } catch (DateTimeParseException ignored) {
            // other forms below
        }
        try {
            return ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime()
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
