package io.incidentstreams.ingest.files;

import io.incidentstreams.ingest.ArticleIds;
import io.incidentstreams.ingest.ReadResult;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.PublicationDates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-text sample format: an optional {@code date YYYY-MM-DD} prefix, then the article text on the same
 * line. Leading spaces and extra spaces around the prefix are tolerated, as is a UTF-8 byte-order mark. The rest of
 * the first line is kept as the start of the text: it is often a photo caption or a headline, and no rule tells
 * those apart reliably, so the title stays null and the extractor decides.
 */
final class SampleText {
    /** Bytes a file may hold beyond the text limit: the byte-order mark and the date prefix with its spaces. */
    static final int PREFIX_ALLOWANCE = 256;

    /**
     * {@code date}, then something shaped like a date, then a space or the end of the line. A text that merely
     * starts with the word "date" does not match; a prefix whose date is impossible does, and is rejected.
     */
    private static final Pattern PREFIX =
            Pattern.compile("\\A[ \\t]*date[ \\t]+(\\d{1,4}-\\d{1,2}-\\d{1,2})(?=[ \\t\\r\\n]|\\z)",
                    Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private SampleText() {
    }

    /**
     * Reads one file's bytes.
     *
     * @param path         where they came from: the article's origin and the rejection's source
     * @param data         the whole file, at most {@code maxTextBytes + PREFIX_ALLOWANCE} bytes
     * @param maxTextBytes largest text accepted, in UTF-8 bytes
     */
    static ReadResult parse(String path, byte[] data, int maxTextBytes) {
        if (data.length == 0) {
            return new ReadResult.Rejected(path, "empty file", data);
        }
        if (Utf8.containsNul(data, 0, data.length)) {
            return Rejections.of(path, "binary file: contains NUL bytes", data, maxTextBytes);
        }
        String content;
        try {
            content = Utf8.withoutBom(Utf8.decode(data));
        } catch (Utf8.InvalidUtf8Exception e) {
            return Rejections.of(path, e.getMessage(), data, maxTextBytes);
        }
        String publishedAt = null;
        String text = content;
        Matcher prefix = PREFIX.matcher(content);
        if (prefix.find()) {
            String date = prefix.group(1);
            if (!validDate(date)) {
                return Rejections.of(path, "impossible date prefix '" + date + "' (expected a real date as YYYY-MM-DD)",
                        data, maxTextBytes);
            }
            String outOfRange = PublicationDates.outOfRange(date, Instant.now());
            if (outOfRange != null) {
                return Rejections.of(path, "date prefix: " + outOfRange, data, maxTextBytes);
            }
            publishedAt = date;
            text = content.substring(prefix.end()).stripLeading();
        }
        if (text.isBlank()) {
            return Rejections.of(path, publishedAt == null ? "empty file: only whitespace" : "no text after the date prefix",
                    data, maxTextBytes);
        }
        long textBytes = Utf8.length(text);
        if (textBytes > maxTextBytes) {
            return ReadResult.Rejected.withoutContent(path,
                    "text of " + textBytes + " bytes exceeds the maximum article size of " + maxTextBytes + " bytes");
        }
        if (HtmlDetector.looksLikeHtml(text)) {
            return Rejections.of(path, "HTML markup, not article text", data, maxTextBytes);
        }
        String id = ArticleIds.idFor(null, null, text);
        return new ReadResult.Accepted(new Article(id, null, null, publishedAt, null, text, path));
    }

    private static boolean validDate(String date) {
        if (!ISO_DATE.matcher(date).matches()) {
            return false;
        }
        try {
            LocalDate.parse(date);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
