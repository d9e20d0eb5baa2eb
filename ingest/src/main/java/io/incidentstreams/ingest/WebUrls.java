package io.incidentstreams.ingest;

import java.util.regex.Pattern;

/**
 * The article URLs ingest keeps: {@code http} or {@code https} with a host, no whitespace or control characters.
 * Any other scheme ({@code javascript:}, {@code data:}, {@code file:}) would reach the incident's sources and the
 * page's links, so an article carrying one is rejected.
 */
public final class WebUrls {
    private static final Pattern WEB_URL = Pattern.compile("(?i)https?://[^\\s/?#]+([/?#]\\S*)?");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private WebUrls() {
    }

    /** True for an absolute http or https URL with a host. */
    public static boolean isWebUrl(String url) {
        return url != null && WEB_URL.matcher(url).matches() && !CONTROL.matcher(url).find();
    }

    /** Why {@code url} is refused, for a rejection's reason; the URL is cut to 200 characters. */
    public static String reason(String url) {
        String shown = url.length() > 200 ? url.substring(0, 200) + "…" : url;
        return "url '" + shown + "' is not an http or https URL";
    }
}
