package io.incidentstreams.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the rule files: built-in ones from the classpath folder {@code /rules/}, each replaced by a file of the same
 * name in an override folder when one is given.
 *
 * <p>The version comes from {@code manifest.json}. When files are overridden but the manifest is not, the version gets
 * a {@code +local.<hash>} suffix computed from the overriding files, so that mentions produced with edited rules can
 * never pass for the built-in ones.
 */
final class RuleFiles {

    static final List<String> FILES = List.of("manifest.json", "gazetteer.csv", "triggers.json", "actors.json",
            "cues.json", "casualties.json", "targets.json", "dates.json");

    private final Map<String, String> contents;
    private final String version;

    private RuleFiles(Map<String, String> contents, String version) {
        this.contents = contents;
        this.version = version;
    }

    static RuleFiles load(Path overrideDir) {
        if (overrideDir != null && !Files.isDirectory(overrideDir)) {
            throw new IllegalArgumentException("rules folder not found: " + overrideDir);
        }
        Map<String, String> contents = new TreeMap<>();
        Map<String, String> overridden = new TreeMap<>();
        for (String name : FILES) {
            String text = null;
            if (overrideDir != null) {
                Path p = overrideDir.resolve(name);
                if (Files.isRegularFile(p)) {
                    try {
                        text = Files.readString(p, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new IllegalArgumentException("cannot read rule file " + p + ": " + e.getMessage(), e);
                    }
                    overridden.put(name, text);
                }
            }
            if (text == null) {
                text = readResource(name);
            }
            contents.put(name, text);
        }
        JsonNode manifest = parseJson("manifest.json", contents.get("manifest.json"));
        String version = manifest.path("version").asText("");
        if (version.isBlank()) {
            throw new IllegalArgumentException("manifest.json has no version");
        }
        if (!overridden.isEmpty() && !overridden.containsKey("manifest.json")) {
            version = version + "+local." + hash(overridden);
        }
        return new RuleFiles(contents, version);
    }

    String version() {
        return version;
    }

    String text(String name) {
        String t = contents.get(name);
        if (t == null) {
            throw new IllegalArgumentException("unknown rule file " + name);
        }
        return t;
    }

    JsonNode json(String name) {
        return parseJson(name, text(name));
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode n : array) {
                out.add(n.asText());
            }
        }
        return out;
    }

    /** The single words or phrases of a rule list, normalised as the tokenizer normalises text ("Gen." is "gen"). */
    static Set<String> normalizedWords(JsonNode array) {
        Set<String> out = new HashSet<>();
        for (String w : strings(array)) {
            out.add(String.join(" ", Tokenizer.normalizePhrase(w)));
        }
        return out;
    }

    private static JsonNode parseJson(String name, String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("rule file " + name + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    private static String readResource(String name) {
        try (InputStream in = RuleFiles.class.getResourceAsStream("/rules/" + name)) {
            if (in == null) {
                throw new IllegalStateException("built-in rule file missing from the classpath: /rules/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(Map<String, String> files) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, String> e : files.entrySet()) {
                md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(e.getValue().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            return HexFormat.of().formatHex(md.digest()).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
