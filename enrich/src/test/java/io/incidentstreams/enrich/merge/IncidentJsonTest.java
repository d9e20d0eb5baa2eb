package io.incidentstreams.enrich.merge;

import static io.incidentstreams.enrich.testing.MentionBuilder.attack;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.model.Incident;
import io.incidentstreams.topics.Topics;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentJsonTest {
    private static Incident incident(String article, int killed) {
        return IncidentAssembler.assemble("inc-" + article, List.of(attack().article(article).killed(killed).build()),
                List.of(), List.of());
    }

    @Test
    void theSinkWritesTheBytesTheMergeStepSerialisedForTheLastIncidentAndSerialisesAnyOther() {
        Incident last = incident("a", 3);
        Incident equalButAnother = incident("a", 3);
        Incident other = incident("b", 5);
        byte[] json = IncidentJson.serialize(last);
        IncidentJson sink = new IncidentJson();

        assertThat(json).isEqualTo(Topics.INCIDENT_SERDE.toBytes(last));
        assertThat(sink.serialize("incidents", last)).isSameAs(json);
        assertThat(sink.serialize("incidents", equalButAnother)).isNotSameAs(json).isEqualTo(json);
        assertThat(sink.serialize("incidents", other)).isEqualTo(Topics.INCIDENT_SERDE.toBytes(other));
        assertThat(sink.serialize("incidents", null)).isNull();
    }
}
