package io.incidentstreams.ingest.files;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.ingest.ArticleIds;
import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.ingest.WebUrls;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.PublicationDates;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * One article as a JSON object: {@code {"id"?, "url"?, "publishedAt"?, "title"?, "outlet"?, "text"}}. Other fields
 * are ignored, so exports with extra columns can be ingested as they are. A {@code url} that is not http or https
 * rejects the article ({@link WebUrls}).
 */
final class JsonArticle {
    private JsonArticle() {
    }

    /** Thrown for a field of the wrong JSON type. */
    private static final class FieldException extends Exception {
        FieldException(String message) {
            super(message);
        }
    }

    /**
     * @param node         the parsed JSON value
     * @param source       {@code path:line}, the rejection's source and the article's origin
     * @param where        how a reason names the place, e.g. {@code "line 3"}
     * @param raw          the input's bytes, for a rejection
     * @param maxTextBytes largest text accepted, in UTF-8 bytes
     */
    static ReadResult toResult(JsonNode node, String source, String where, Supplier<byte[]> raw, int maxTextBytes) {
        if (node == null || !node.isObject()) {
            return Rejections.of(source, where + ": not a JSON object", raw.get(), maxTextBytes);
        }
        String id;
        String url;
        String publishedAt;
        String title;
        String outlet;
        String text;
        try {
            id = string(node, "id");
            url = string(node, "url");
            publishedAt = string(node, "publishedAt");
            title = string(node, "title");
            outlet = string(node, "outlet");
            text = string(node, "text");
        } catch (FieldException e) {
            return Rejections.of(source, where + ": " + e.getMessage(), raw.get(), maxTextBytes);
        }
        if (text == null || text.isBlank()) {
            return Rejections.of(source, where + ": no text", raw.get(), maxTextBytes);
        }
        long textBytes = Utf8.length(text);
        if (textBytes > maxTextBytes) {
            return ReadResult.Rejected.withoutContent(source, where + ": text of " + textBytes
                    + " bytes exceeds the maximum article size of " + maxTextBytes + " bytes");
        }
        if (publishedAt != null && !publishedAt.isBlank()) {
            publishedAt = publishedAt.strip();
            if (Article.parsePublished(publishedAt).isEmpty()) {
                return Rejections.of(source, where + ": impossible publishedAt '" + publishedAt
                        + "' (expected a real date as YYYY-MM-DD or an ISO offset date-time)", raw.get(), maxTextBytes);
            }
            String outOfRange = PublicationDates.outOfRange(publishedAt, Instant.now());
            if (outOfRange != null) {
                return Rejections.of(source, where + ": " + outOfRange, raw.get(), maxTextBytes);
            }
        } else {
            publishedAt = null;
        }
        if (HtmlDetector.looksLikeHtml(text)) {
            return Rejections.of(source, where + ": text is HTML markup, not article text", raw.get(), maxTextBytes);
        }
        String cleanUrl = url == null || url.isBlank() ? null : url.strip();
        if (cleanUrl != null && !WebUrls.isWebUrl(cleanUrl)) {
            return Rejections.of(source, where + ": " + WebUrls.reason(cleanUrl), raw.get(), maxTextBytes);
        }
        String articleId = ArticleIds.idFor(id, cleanUrl, text);
        return new ReadResult.Accepted(new Article(articleId, cleanUrl, blankToNull(title), publishedAt,
                blankToNull(outlet), text, source));
    }

    private static String string(JsonNode node, String field) throws FieldException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new FieldException("field '" + field + "' must be a string, not " + value.getNodeType()
                    .name().toLowerCase(java.util.Locale.ROOT));
        }
        return value.textValue();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
