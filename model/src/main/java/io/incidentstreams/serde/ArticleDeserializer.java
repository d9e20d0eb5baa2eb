package io.incidentstreams.serde;

import io.incidentstreams.model.Article;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a {@link Article} record value, for consumers configured by class name
 * ({@code value.deserializer=ArticleDeserializer} with the fully qualified name). A null value (a tombstone) reads as null.
 */
public final class ArticleDeserializer implements Deserializer<Article> {
    private final JsonSerde<Article> serde = new JsonSerde<>(Article.class);

    @Override
    public Article deserialize(String topic, byte[] data) {
        return serde.fromBytes(data);
    }
}
