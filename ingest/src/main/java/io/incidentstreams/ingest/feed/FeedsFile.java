package io.incidentstreams.ingest.feed;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A feeds file: one feed URL per line; blank lines and everything from a {@code #} that starts a line or follows
 * a space are ignored.
 * <pre>
 * # Iraq
 * https://news.example/iraq/rss.xml
 * https://wire.example/atom.xml   # world desk
 * </pre>
 */
public final class FeedsFile {
    private FeedsFile() {
    }

    /** @throws IllegalArgumentException naming the file and line of the first bad URL, or when it cannot be read */
    public static List<URI> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read feeds file " + file + ": " + e.getMessage(), e);
        }
        List<URI> feeds = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            while (hash > 0 && !Character.isWhitespace(line.charAt(hash - 1))) {
                hash = line.indexOf('#', hash + 1);
            }
            String value = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (value.isEmpty()) {
                continue;
            }
            try {
                feeds.add(parseUrl(value));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return feeds;
    }

    /** An absolute http or https URL. */
    public static URI parseUrl(String value) {
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: '" + value + "' (" + e.getReason() + ")", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http or https URL: '" + value + "'");
        }
        return uri;
    }
}
