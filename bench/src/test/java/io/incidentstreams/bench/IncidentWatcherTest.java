package io.incidentstreams.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.incidentstreams.model.Evidence;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Relation;
import io.incidentstreams.model.Source;
import io.incidentstreams.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentWatcherTest {
    private static Source source(String articleId) {
        return new Source(articleId, "title", "2021-01-02", "Outlet", null, "2021-01-01", 1, 2,
                List.of(new Evidence("killed", "1", "text", "sentence", 0, 4)));
    }

    @Test
    void theArticleIdsOfAnIncidentAreItsSourcesOnly() {
        Incident incident = new Incident("inc-1", IncidentType.values()[0], "e", "s", "2021-01-01", null, null,
                List.of("rocket"), 1, 2, List.of(), List.of(), List.of(new Relation("follows", "inc-0", "articleId")),
                List.of(source("a-1"), source("a-2")), List.of("inc-9"), 2, 2, "2021-01-02", "2021-01-02", "r1");
        byte[] json = Topics.INCIDENT_SERDE.serializer().serialize("t", incident);
        List<String> ids = new ArrayList<>();

        IncidentWatcher.articleIds(json, ids::add);

        assertThat(ids).containsExactly("a-1", "a-2");
    }

    @Test
    void aValueThatIsNotJsonIsAnError() {
        assertThatThrownBy(() -> IncidentWatcher.articleIds("{\"sources\": [".getBytes(StandardCharsets.UTF_8), id -> { }))
                .hasMessageContaining("not JSON");
    }
}
