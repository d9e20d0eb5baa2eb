package io.incidentstreams.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentstreams.model.Article;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class SmileSerdeTest {
    private final SmileSerde<Article> smile = SmileSerde.of(Article.class);
    private final Article article = new Article("id-1", "https://example.org/a", "Title", "2020-11-17", "Wire",
            "Rockets hit the base — no one was hurt, officials said. ".repeat(20), "file.txt");

    @Test
    void anArticleSurvivesTheRoundTripInFewerBytesThanJson() {
        byte[] bytes = smile.toBytes(article);

        assertThat(smile.fromBytes(bytes)).isEqualTo(article);
        assertThat(bytes.length).isLessThan(JsonSerde.of(Article.class).toBytes(article).length);
        assertThat(smile.toBytes(article)).as("deterministic").isEqualTo(bytes);
    }

    @Test
    void nullMapsToNullBothWays() {
        assertThat(smile.serializer().serialize("t", null)).isNull();
        assertThat(smile.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void jsonBytesAreRefusedNotMisread() {
        byte[] json = JsonSerde.of(Article.class).toBytes(article);

        assertThatThrownBy(() -> smile.fromBytes(json)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("Article");
    }
}
