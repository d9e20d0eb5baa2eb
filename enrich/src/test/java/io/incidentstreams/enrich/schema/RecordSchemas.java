package io.incidentstreams.enrich.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.incidentstreams.serde.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON Schemas published in the model jar ({@code /schema/*.schema.json}), as validators. Each comes in two
 * forms: as published, open to properties added later; and strict, with {@code additionalProperties: false} on
 * every object it describes (each schema of {@code type: object}), so that a record passes only if the schema names every property it carries.
 */
final class RecordSchemas {
    static final String INCIDENT = "/schema/incident.schema.json";
    static final String ARTICLE = "/schema/article.schema.json";

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private RecordSchemas() {
    }

    static JsonNode source(String resource) {
        try (InputStream in = RecordSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonSchema published(String resource) {
        return FACTORY.getSchema(source(resource));
    }

    static JsonSchema strict(String resource) {
        JsonNode node = source(resource).deepCopy();
        ((ObjectNode) node).set("$id", TextNode.valueOf(node.get("$id").asText() + ":strict"));
        closeObjects(node);
        return FACTORY.getSchema(node);
    }

    private static void closeObjects(JsonNode node) {
        if (node.isObject()) {
            // Only the schemas of objects: an if/then that constrains some properties is left open.
            if (node.has("properties") && "object".equals(node.path("type").asText())) {
                ((ObjectNode) node).put("additionalProperties", false);
            }
            node.forEach(RecordSchemas::closeObjects);
        } else if (node.isArray()) {
            node.forEach(RecordSchemas::closeObjects);
        }
    }

    /** What is wrong with {@code json} under {@code schema}; empty when it validates. */
    static List<String> violations(JsonSchema schema, byte[] json) {
        try {
            return schema.validate(Json.MAPPER.readTree(json)).stream().map(ValidationMessage::toString).sorted().toList();
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }
}
