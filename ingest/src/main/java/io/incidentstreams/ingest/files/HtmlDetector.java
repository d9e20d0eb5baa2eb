package io.incidentstreams.ingest.files;

import java.util.Locale;

/**
 * Tells a saved web page from article text, so that markup never reaches the extractor as if it were prose.
 *
 * <p>A text is HTML when it opens with {@code <!DOCTYPE html} or {@code <html}, when it names a document element
 * ({@code <html}, {@code <head}, {@code <body}) and at least a fifth of its visible characters are markup, or when
 * markup makes up half of it. Markup is every tag, plus the content of {@code script} and {@code style} elements.
 * An article that merely mentions a tag, or quotes a little markup, stays text.
 */
final class HtmlDetector {
    static final double SHARE_WITH_DOCUMENT_ELEMENT = 0.2;
    static final double SHARE_ALONE = 0.5;

    private HtmlDetector() {
    }

    static boolean looksLikeHtml(String text) {
        String start = text.stripLeading();
        String head = start.substring(0, Math.min(start.length(), 32)).toLowerCase(Locale.ROOT);
        if (head.startsWith("<!doctype html") || head.startsWith("<html")) {
            return true;
        }
        double share = markupShare(text);
        if (share >= SHARE_ALONE) {
            return true;
        }
        return share >= SHARE_WITH_DOCUMENT_ELEMENT && namesDocumentElement(text);
    }

    private static boolean namesDocumentElement(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("<html") || lower.contains("<body") || lower.contains("<head")
                || lower.contains("<!doctype html");
    }

    /** Share of non-whitespace characters that are markup. */
    static double markupShare(String text) {
        long visible = 0;
        long markup = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '<' && i + 1 < n && startsTag(text.charAt(i + 1))) {
                int close = text.indexOf('>', i + 1);
                if (close < 0) {
                    close = n - 1;
                }
                int end = close + 1;
                String name = tagName(text, i + 1, end);
                if (name.equals("script") || name.equals("style")) {
                    int closing = indexOfIgnoreCase(text, "</" + name, end);
                    end = closing < 0 ? n : closing;
                }
                long count = nonWhitespace(text, i, end);
                markup += count;
                visible += count;
                i = end;
            } else {
                if (!Character.isWhitespace(c)) {
                    visible++;
                }
                i++;
            }
        }
        return visible == 0 ? 0 : (double) markup / visible;
    }

    private static boolean startsTag(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '/' || c == '!' || c == '?';
    }

    private static String tagName(String text, int from, int to) {
        int i = from;
        while (i < to && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return text.substring(from, i).toLowerCase(Locale.ROOT);
    }

    private static int indexOfIgnoreCase(String text, String needle, int from) {
        for (int i = from; i + needle.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    private static long nonWhitespace(String text, int from, int to) {
        long count = 0;
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                count++;
            }
        }
        return count;
    }
}
