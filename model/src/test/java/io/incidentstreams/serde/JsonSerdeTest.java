package io.incidentstreams.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentstreams.model.Article;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {
    private final JsonSerde<Article> serde = JsonSerde.of(Article.class);

    @Test
    void nullMapsToNullBothWaysSoTombstonesPassThrough() {
        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void anArticleSurvivesTheRoundTrip() {
        Article a = new Article("id-1", "https://example.org/a", "Title", "2020-11-17", "Wire", "Text.", "file.txt");

        assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", a))).isEqualTo(a);
    }

    @Test
    void unknownFieldsAreIgnoredSoOldReadersSurviveNewFields() {
        byte[] json = "{\"id\":\"x\",\"text\":\"t\",\"addedLater\":42}".getBytes(StandardCharsets.UTF_8);

        assertThat(serde.deserializer().deserialize("t", json).id()).isEqualTo("x");
    }

    @Test
    void garbageBytesRaiseASerializationExceptionNamingTheType() {
        byte[] garbage = {(byte) 0xC3, 0x28, 0x00};

        assertThatThrownBy(() -> serde.deserializer().deserialize("t", garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Article");
    }

    @Test
    void publishedDateAcceptsADayOrAnOffsetDateTimeAndRejectsNonsense() {
        assertThat(Article.parsePublished("2020-11-17")).hasValueSatisfying(d -> assertThat(d).hasToString("2020-11-17"));
        assertThat(Article.parsePublished("2020-11-17T23:45:00+03:00")).hasValueSatisfying(d -> assertThat(d).hasToString("2020-11-17"));
        assertThat(Article.parsePublished("2020-13-45")).isEmpty();
        assertThat(Article.parsePublished(null)).isEmpty();
    }

    @Test
    void aSerdeBuiltByNameTakesItsTypeFromItsConfiguration() throws Exception {
        @SuppressWarnings("unchecked")
        JsonSerde<Article> byName = org.apache.kafka.common.utils.Utils.newInstance(JsonSerde.class);
        byName.configure(java.util.Map.of(JsonSerde.VALUE_TYPE_CONFIG, Article.class.getName()), false);
        Article a = new Article("id-2", null, "Title", "2020-11-17", "Wire", "Text.", null);

        assertThat(byName.deserializer().deserialize("t", serde.serializer().serialize("t", a))).isEqualTo(a);
    }

    @Test
    void aSerdeBuiltByNameWithoutItsTypeIsAConfigurationError() {
        JsonSerde<Article> byName = new JsonSerde<>();

        assertThatThrownBy(() -> byName.configure(java.util.Map.of(), false))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class)
                .hasMessageContaining(JsonSerde.VALUE_TYPE_CONFIG);
        assertThatThrownBy(() -> byName.configure(java.util.Map.of(JsonSerde.VALUE_TYPE_CONFIG, "no.such.Type"), false))
                .isInstanceOf(org.apache.kafka.common.config.ConfigException.class);
    }

    @Test
    void theArticleDeserializerIsBuiltByItsClassNameAsAConsumerBuildsIt() throws Exception {
        org.apache.kafka.common.serialization.Deserializer<?> d = org.apache.kafka.common.utils.Utils.newInstance(
                "io.incidentstreams.serde.ArticleDeserializer", org.apache.kafka.common.serialization.Deserializer.class);
        Article a = new Article("id-3", null, "Title", "2020-11-17", "Wire", "Text.", null);

        assertThat(d.deserialize("t", serde.serializer().serialize("t", a))).isEqualTo(a);
        assertThat(d.deserialize("t", null)).isNull();
    }
}
