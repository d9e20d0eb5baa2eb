package io.incidentstreams.enrich.merge;

import static io.incidentstreams.enrich.testing.MentionBuilder.attack;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.model.IncidentMention;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MentionStoreTest {
    private KeyValueStore<String, byte[]> bytes;
    private MentionStore mentions;

    @BeforeEach
    void open() {
        bytes = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("mentions"), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        bytes.init(new MockProcessorContext<>().getStateStoreContext(), bytes);
        mentions = new MentionStore(bytes);
    }

    @Test
    void theStoreHoldsTheMentionJsonAndAReadWithinOneRecordGivesTheSameObject() {
        IncidentMention m = attack().article("a1").index(0).killed(3).build();
        mentions.put(m.mentionId(), m);
        mentions.nextRecord();

        IncidentMention first = mentions.get(m.mentionId());

        assertThat(bytes.get(m.mentionId())).isEqualTo(MergeProcessor.MENTION_SERDE.toBytes(m));
        assertThat(first).isEqualTo(m).isNotSameAs(m);
        assertThat(mentions.get(m.mentionId())).isSameAs(first);
        assertThat(mentions.withPrefix("a1#")).extracting(kv -> kv.value).singleElement().isSameAs(first);
    }

    @Test
    void aNewRecordReadsTheStoreAfresh() {
        IncidentMention before = attack().article("a1").index(0).killed(3).build();
        IncidentMention restored = attack().article("a1").index(0).killed(7).build();
        mentions.put(before.mentionId(), before);
        // State changed underneath, as a restore from the changelog does.
        bytes.put(before.mentionId(), MergeProcessor.MENTION_SERDE.toBytes(restored));

        assertThat(mentions.get(before.mentionId())).isSameAs(before);
        mentions.nextRecord();
        assertThat(mentions.get(before.mentionId())).isEqualTo(restored);
    }

    @Test
    void writesAndDeletesAreSeenAtOnceAndAPrefixScanListsTheArticleInKeyOrder() {
        IncidentMention a0 = attack().article("a1").index(0).build();
        IncidentMention a1 = attack().article("a1").index(1).build();
        IncidentMention other = attack().article("a10").index(0).build();
        mentions.put(a1.mentionId(), a1);
        mentions.put(other.mentionId(), other);
        mentions.put(a0.mentionId(), a0);
        mentions.delete(a1.mentionId());

        assertThat(mentions.get(a1.mentionId())).isNull();
        assertThat(bytes.get(a1.mentionId())).isNull();
        assertThat(mentions.withPrefix("a1#")).extracting(kv -> kv.key).containsExactly(a0.mentionId());
        mentions.put(a1.mentionId(), a1);
        assertThat(mentions.withPrefix("a1#")).containsExactly(KeyValue.pair(a0.mentionId(), a0),
                KeyValue.pair(a1.mentionId(), a1));
    }
}
