package io.incidentstreams.ingest.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.incidentstreams.ingest.ReadResult;
import java.io.IOException;
import java.io.InputStream;
import java.util.NoSuchElementException;

/**
 * A {@code .json} file: one article object, or an array of them read element by element, so that a large export
 * is never held in memory whole. Each element is checked like a JSON Lines line and named by the line it starts
 * on. A syntax error ends the file, since nothing after it can be trusted to be parsed as intended: the rejection
 * says so.
 */
final class JsonDocumentFile implements FileResults {
    private final String path;
    private final int maxTextBytes;
    private final ObjectMapper mapper;
    private final JsonParser parser;
    private ReadResult next;
    private boolean done;
    private boolean started;
    private boolean array;
    private int produced;

    JsonDocumentFile(String path, InputStream in, int maxTextBytes) throws IOException {
        this.path = path;
        this.maxTextBytes = maxTextBytes;
        // A string longer than a line may be cannot be an acceptable text: stop reading it early.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength(JsonLinesFile.maxLineBytes(maxTextBytes)).build())
                .build();
        this.mapper = JsonMapper.builder(factory).build();
        this.parser = mapper.createParser(in);
    }

    @Override
    public boolean hasNext() {
        while (next == null && !done) {
            try {
                next = readNext();
            } catch (StreamConstraintsException e) {
                done = true;
                next = ReadResult.Rejected.withoutContent(path, "a JSON string is longer than the maximum of "
                        + JsonLinesFile.maxLineBytes(maxTextBytes) + " bytes"
                        + (produced > 0 ? "; the rest of the file was not read" : ""));
            } catch (JsonProcessingException e) {
                done = true;
                String line = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                        + e.getLocation().getColumnNr();
                next = new ReadResult.Rejected(e.getLocation() == null ? path : path + ":" + e.getLocation().getLineNr(),
                        "malformed JSON" + line + ": " + e.getOriginalMessage()
                                + (produced > 0 ? "; the rest of the file was not read" : ""), null);
            } catch (IOException e) {
                done = true;
                next = new ReadResult.Rejected(path, "cannot read file: " + Rejections.describe(e), null);
            }
        }
        return next != null;
    }

    @Override
    public ReadResult next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ReadResult result = next;
        next = null;
        produced++;
        return result;
    }

    private ReadResult readNext() throws IOException {
        JsonToken token = parser.nextToken();
        if (!started) {
            started = true;
            if (token == null) {
                done = true;
                return new ReadResult.Rejected(path, "empty file: only whitespace", null);
            }
            if (token == JsonToken.START_ARRAY) {
                array = true;
                token = parser.nextToken();
            } else {
                return element(token, path, "line " + parser.currentTokenLocation().getLineNr());
            }
        }
        if (!array || token == JsonToken.END_ARRAY || token == null) {
            if (token != null && array && parser.nextToken() != null) {
                done = true;
                return new ReadResult.Rejected(path, "malformed JSON: content after the end of the array", null);
            }
            if (!array && token != null) {
                done = true;
                return new ReadResult.Rejected(path, "malformed JSON: content after the article object", null);
            }
            done = true;
            return produced == 0 && array ? new ReadResult.Rejected(path, "no articles: the JSON array is empty",
                    null) : null;
        }
        int line = parser.currentTokenLocation().getLineNr();
        return element(token, path + ":" + line, "line " + line);
    }

    private ReadResult element(JsonToken token, String source, String where) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return new ReadResult.Rejected(source, where + ": not a JSON object", null);
        }
        JsonNode node = mapper.readTree(parser);
        return JsonArticle.toResult(node, source, where, () -> bytes(node), maxTextBytes);
    }

    private byte[] bytes(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // Read-only file: nothing was written that a failed close could lose.
        }
    }
}
