package io.incidentstreams.ingest.files;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.incidentstreams.serde.Json;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test-data builders: files in a temporary directory, in the formats ingest reads. */
public final class InputFiles {
    public static final String MARKET_ATTACK = "Three mortar rounds fell on a crowded vegetable market in the town of "
            + "Qaryat al-Nahr on Tuesday evening, wounding four shoppers, a local police officer said.\n\n"
            + "No group has said it fired the rounds.";
    public static final String CHECKPOINT_CLASH = "Gunmen traded fire with soldiers at a checkpoint outside Wadi Sabr "
            + "for two hours overnight, the provincial governor said. One soldier was killed.";
    public static final String TRUCE_TALKS = "Elders from two rival clans signed a thirty-day truce in the district "
            + "hall on Sunday after a week of clashes over grazing land.";

    private final Path dir;

    public InputFiles(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** A plain-text file with the given content, written as UTF-8. */
    public Path text(String name, String content) {
        return bytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public Path bytes(String name, byte[] content) {
        Path path = dir.resolve(name);
        try {
            Files.createDirectories(path.getParent());
            return Files.write(path, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON Lines file, one line per argument. */
    public Path jsonLines(String name, String... lines) {
        return text(name, String.join("\n", lines) + "\n");
    }

    /** A file of {@code size} bytes created without writing them: reading it would take long, sizing it does not. */
    public Path sparse(String name, long size) {
        Path path = dir.resolve(name);
        try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
            file.setLength(size);
            return path;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample format: {@code " date YYYY-MM-DD "} followed by the text on the same line. */
    public static String dated(String date, String text) {
        return " date " + date + " " + text;
    }

    public static JsonArticleBuilder jsonArticle() {
        return new JsonArticleBuilder();
    }

    /** One JSON Lines line. Fields left unset are absent from the line. */
    public static final class JsonArticleBuilder {
        private final ObjectNode node = Json.MAPPER.createObjectNode();

        public JsonArticleBuilder id(String id) {
            node.put("id", id);
            return this;
        }

        public JsonArticleBuilder url(String url) {
            node.put("url", url);
            return this;
        }

        public JsonArticleBuilder publishedAt(String publishedAt) {
            node.put("publishedAt", publishedAt);
            return this;
        }

        public JsonArticleBuilder title(String title) {
            node.put("title", title);
            return this;
        }

        public JsonArticleBuilder outlet(String outlet) {
            node.put("outlet", outlet);
            return this;
        }

        public JsonArticleBuilder text(String text) {
            node.put("text", text);
            return this;
        }

        public JsonArticleBuilder field(String name, int value) {
            node.put(name, value);
            return this;
        }

        public String line() {
            return node.toString();
        }
    }
}
