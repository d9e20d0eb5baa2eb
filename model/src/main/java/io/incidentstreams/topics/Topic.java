package io.incidentstreams.topics;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;

/**
 * A topic declared once, with its serdes and the configs it is created with.
 *
 * @param name       full topic name, prefix included
 * @param keySerde   serde of the record key
 * @param valueSerde serde of the record value
 * @param configs    topic configs the app creates it with and checks it against
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde, Map<String, String> configs) {
}
