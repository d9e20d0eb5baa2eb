package io.incidentstreams.enrich.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.enrich.eval.EventEvaluator.Gold;
import io.incidentstreams.enrich.eval.EventEvaluator.GoldEvent;
import io.incidentstreams.enrich.eval.EventEvaluator.GoldLink;
import io.incidentstreams.enrich.eval.EventEvaluator.GoldMention;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import io.incidentstreams.model.Relation;
import io.incidentstreams.model.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventEvaluatorTest {
    private static final Location GREEN_ZONE = new Location("Green Zone", "Baghdad", "Baghdad", "Iraq", 33.31, 44.39, 1);
    private static final Location IRAQ = new Location("Iraq", null, null, "Iraq", 33.0, 44.0, 3);

    /** Gold: a truce (E1) in a.txt and b.txt, an attack that broke it (E2) in b.txt and c.txt, another attack (E3). */
    private static final Gold GOLD = new Gold(List.of(
            new GoldEvent("E1", "truce", "2020-10", "Iraq", List.of(
                    new GoldMention("a.txt", "agreement_truce", "Iraq"),
                    new GoldMention("b.txt", "agreement_truce", "Iraq"))),
            new GoldEvent("E2", "attack", "2020-11-17", "Green Zone", List.of(
                    new GoldMention("b.txt", "shelling_missile_attack", "Green Zone"),
                    new GoldMention("c.txt", "shelling_missile_attack", "Green Zone"))),
            new GoldEvent("E3", "another attack", "2020-12-20", "Green Zone", List.of(
                    new GoldMention("d.txt", "shelling_missile_attack", "Green Zone")))),
            List.of(new GoldLink("E2", "E1", Relation.BREAKS_TRUCE, "after the truce")),
            List.of(List.of("E2", "E3")));

    private static final List<Article> ARTICLES = List.of(article("a"), article("b"), article("c"), article("d"));

    private static Article article(String name) {
        return new Article("id-" + name, null, null, "2020-12-21", null, "text", "/tmp/articles/" + name + ".txt");
    }

    /** An incident; an article name may carry the date that source reported, as {@code d@2020-12-20}. */
    private static Incident incident(String id, IncidentType type, String date, Location where,
                                     List<Relation> relations, String... articleNames) {
        List<Source> sources = new ArrayList<>();
        for (String a : articleNames) {
            String[] parts = a.split("@");
            sources.add(new Source("id-" + parts[0], null, null, null, null, parts.length > 1 ? parts[1] : date, null,
                    null, List.of()));
        }
        return new Incident(id, type, type.acledEventType(), type.acledSubEventType(), date, DatePrecision.DAY, where, List.of(),
                null, null, List.of(), List.of(), relations, sources, List.of(), sources.size(), sources.size(),
                "2020-10-20", "2020-12-21", "test");
    }

    @Test
    void oneIncidentPerEventWithTheLinkScoresClean() {
        EventReport r = EventEvaluator.evaluate(GOLD, ARTICLES, List.of(
                incident("inc-1", IncidentType.TRUCE, "2020-10", IRAQ, List.of(), "a", "b"),
                incident("inc-2", IncidentType.SHELLING_MISSILE_ATTACK, "2020-11-17", GREEN_ZONE,
                        List.of(new Relation(Relation.BREAKS_TRUCE, "inc-1", "rule")), "b", "c"),
                incident("inc-3", IncidentType.SHELLING_MISSILE_ATTACK, "2020-12-20", GREEN_ZONE, List.of(), "d")));

        assertThat(r.eventsFound()).isEqualTo(3);
        assertThat(r.duplicates()).isZero();
        assertThat(r.merged()).isEmpty();
        assertThat(r.linksFound()).isEqualTo(1);
        assertThat(r.extraLinks()).isEmpty();
        assertThat(r.unmatched()).isEmpty();
    }

    @Test
    void anEventPublishedTwiceCountsAsADuplicateAndAMissingLinkIsNamed() {
        EventReport r = EventEvaluator.evaluate(GOLD, ARTICLES, List.of(
                incident("inc-1", IncidentType.TRUCE, "2020-10", IRAQ, List.of(), "a", "b"),
                incident("inc-2", IncidentType.SHELLING_MISSILE_ATTACK, "2020-11-17", GREEN_ZONE, List.of(), "b"),
                incident("inc-2b", IncidentType.SHELLING_MISSILE_ATTACK, "2020-11-17", GREEN_ZONE, List.of(), "c"),
                incident("inc-3", IncidentType.SHELLING_MISSILE_ATTACK, "2020-12-20", GREEN_ZONE, List.of(), "d")));

        assertThat(r.split()).containsEntry("E2", 2);
        assertThat(r.duplicates()).isEqualTo(1);
        assertThat(r.missingLinks()).containsExactly("E2 -breaks_truce-> E1");
        assertThat(r.toText()).contains("duplicates: 1 extra incident(s) over 1 event(s)");
    }

    @Test
    void twoLookAlikesInOneIncidentAreAFalseMergeOfAPairThatMustStayApart() {
        EventReport r = EventEvaluator.evaluate(GOLD, ARTICLES, List.of(
                incident("inc-2", IncidentType.SHELLING_MISSILE_ATTACK, "2020-11-17", GREEN_ZONE, List.of(),
                        "b", "c", "d@2020-12-20")));

        assertThat(r.merged()).containsOnlyKeys("inc-2");
        assertThat(r.merged().get("inc-2")).containsExactly("E2", "E3");
        assertThat(r.distinctMerged()).containsExactly(List.of("E2", "E3"));
        assertThat(r.missing()).containsExactly("E1");
    }

    @Test
    void twoAttacksAtOnePlaceInOneArticleAreToldApartByTheDateEachSourceReported() {
        Gold gold = new Gold(List.of(
                new GoldEvent("E1", "first", "2020-11-17", "Green Zone", List.of(
                        new GoldMention("a.txt", "shelling_missile_attack", "Green Zone"))),
                new GoldEvent("E2", "second", null, "Green Zone", List.of(
                        new GoldMention("a.txt", "shelling_missile_attack", "Green Zone", "2020-12-20"),
                        new GoldMention("b.txt", "shelling_missile_attack", "Green Zone", "2020-12-20")))),
                List.of(), List.of());

        EventReport r = EventEvaluator.evaluate(gold, ARTICLES, List.of(
                incident("inc-1", IncidentType.SHELLING_MISSILE_ATTACK, "2020-11-17", GREEN_ZONE, List.of(), "a"),
                incident("inc-2", IncidentType.SHELLING_MISSILE_ATTACK, "2020-12-20", GREEN_ZONE, List.of(), "a", "b")));

        assertThat(r.eventsFound()).isEqualTo(2);
        assertThat(r.duplicates()).isZero();
        assertThat(r.merged()).isEmpty();
    }

    @Test
    void anIncidentOfAnotherTypeOrPlaceTiesToNoGoldEvent() {
        EventReport r = EventEvaluator.evaluate(GOLD, ARTICLES, List.of(
                incident("inc-9", IncidentType.ABDUCTION, "2020-11-17", GREEN_ZONE, List.of(), "a")));

        assertThat(r.unmatched()).singleElement().asString().startsWith("inc-9 abduction");
        assertThat(r.eventsFound()).isZero();
    }
}
