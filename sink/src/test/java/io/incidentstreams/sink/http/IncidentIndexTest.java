package io.incidentstreams.sink.http;

import static io.incidentstreams.sink.testing.IncidentBuilder.id;
import static io.incidentstreams.sink.testing.IncidentBuilder.incident;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory index alone: redirects, positions, subscriptions. */
class IncidentIndexTest {
    private final IncidentIndex index = new IncidentIndex();

    @Test
    void anIdTheSurvivorNoLongerListsIsNoLongerRedirected() {
        index.apply(id(2), incident(id(2)).mergedFrom(id(1)).build(), 0, 0);
        index.apply(id(1), null, 1, 0);
        assertThat(index.find(id(1))).isEqualTo(new IncidentIndex.Lookup.Redirect(id(1), id(2)));

        index.apply(id(2), incident(id(2)).build(), 0, 1);

        assertThat(index.find(id(1))).isEqualTo(new IncidentIndex.Lookup.Gone(id(1)));
    }

    @Test
    void aLiveIdIsFoundEvenWhileAnotherIncidentAlreadyListsItAsAbsorbed() {
        index.apply(id(1), incident(id(1)).build(), 1, 0);
        index.apply(id(2), incident(id(2)).mergedFrom(id(1)).build(), 0, 0);

        assertThat(index.find(id(1))).isInstanceOf(IncidentIndex.Lookup.Found.class);
    }

    @Test
    void theDeletionOfAnAbsorbedIdNamesItsSurvivor() {
        index.apply(id(2), incident(id(2)).mergedFrom(id(1)).build(), 0, 0);

        IncidentIndex.Change change = index.apply(id(1), null, 1, 3);

        assertThat(change.isDeletion()).isTrue();
        assertThat(change.survivor()).isEqualTo(id(2));
        assertThat(change.position()).isEqualTo(new Position(Map.of(0, 1L, 1, 4L)));
    }

    @Test
    void aSubscriptionReplaysTheLatestStateOfWhatChangedSinceItsPositionThenFollows() throws Exception {
        index.apply(id(1), incident(id(1)).build(), 0, 0);
        index.apply(id(2), incident(id(2)).build(), 0, 1);
        index.apply(id(2), incident(id(2)).casualties(3, 3).build(), 0, 2);

        try (IncidentIndex.Subscription s = index.subscribe(Position.parse("0:1"), 10)) {
            assertThat(s.replay()).extracting(IncidentIndex.Change::id).containsExactly(id(2));
            assertThat(s.replay().get(0).incident().killed()).isEqualTo(3);
            assertThat(s.replayedTo()).isEqualTo(Position.parse("0:3"));

            index.apply(id(3), incident(id(3)).build(), 1, 0);

            assertThat(s.next(1000).id()).isEqualTo(id(3));
        }
        assertThat(index.counts()).containsEntry("streams", 0L).containsEntry("incidents", 3L);
    }

    @Test
    void aSubscriptionThatFallsTooFarBehindOverflowsOnceItHasReadWhatItHolds() throws Exception {
        try (IncidentIndex.Subscription s = index.subscribe(Position.START, 1)) {
            index.apply(id(1), incident(id(1)).build(), 0, 0);
            index.apply(id(2), incident(id(2)).build(), 0, 1);

            assertThat(s.overflowed()).isFalse();
            assertThat(s.next(100).id()).isEqualTo(id(1));
            assertThat(s.overflowed()).isTrue();
        }
    }

    @Test
    void positionsParseAndPrintAsPartitionColonOffsetLists() {
        assertThat(Position.parse("0:17,1:4").toString()).isEqualTo("0:17,1:4");
        assertThat(Position.parse(" 1:4 , 0:17").of(0)).isEqualTo(17);
        assertThat(Position.parse("").of(3)).isZero();
        for (String bad : List.of("x", "0:", ":3", "0:1,0:2", "0:-1", "a:b")) {
            assertThatThrownBy(() -> Position.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
