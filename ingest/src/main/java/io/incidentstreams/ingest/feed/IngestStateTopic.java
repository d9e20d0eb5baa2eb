package io.incidentstreams.ingest.feed;

import io.incidentstreams.serde.JsonSerde;
import io.incidentstreams.topics.Topic;
import io.incidentstreams.topics.Topics;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The ingest state topic, {@code <prefix>ingest-state}: the memory of the feed and watch pollers.
 *
 * <p>Key: what was handled, namespaced by kind: {@code feed-item:<article id>}, {@code watch-file:<absolute path>},
 * {@code watch-article:<article id>}. Value: {@link IngestMark} JSON.
 *
 * <p>Compacted, because only the latest mark per key matters and the topic is read whole at every start. Marks are
 * written in the same Kafka transaction as the articles and dead letters they stand for, so a reader with
 * {@code read_committed} sees a mark exactly when the article is on the raw topic. Marks are never deleted: the
 * topic grows with the number of distinct items (about 200 bytes each).
 */
public final class IngestStateTopic {
    public static final String NAME = "ingest-state";

    private IngestStateTopic() {
    }

    public static Topic<String, IngestMark> of(Topics topics) {
        return new Topic<>(topics.prefix() + NAME, Serdes.String(), JsonSerde.of(IngestMark.class), Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
}
