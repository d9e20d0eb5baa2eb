package io.incidentstreams.enrich;

import static io.incidentstreams.enrich.testing.ArticleBuilder.article;
import static io.incidentstreams.enrich.testing.MentionBuilder.attack;
import static io.incidentstreams.enrich.testing.MentionBuilder.truce;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.incidentstreams.config.PipelineConfig;
import io.incidentstreams.enrich.dedup.InvalidArticleException;
import io.incidentstreams.enrich.link.Linker;
import io.incidentstreams.enrich.merge.IncidentIds;
import io.incidentstreams.enrich.testing.MentionBuilder;
import io.incidentstreams.model.Article;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import io.incidentstreams.model.Relation;
import io.incidentstreams.topics.SchemaVersion;
import io.incidentstreams.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The enrich topology on TopologyTestDriver, with a table of mentions standing in for extraction. */
class IncidentTopologyTest {
    private final Topics topics = new Topics("t.");
    private final Map<String, List<IncidentMention>> extraction = new HashMap<>();

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, Article> raw;
    private TestOutputTopic<String, Incident> incidents;
    private TestOutputTopic<byte[], byte[]> deadLetters;
    private TestOutputTopic<String, IncidentMention> unresolved;
    /** Waiting reports by mention id, accumulated over every read. */
    private final Map<String, IncidentMention> waiting = new TreeMap<>();

    @BeforeEach
    void start() {
        driver = newDriver();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private TopologyTestDriver newDriver() {
        Properties props = EnrichApp.streamsProperties(new PipelineConfig(Map.of(
                PipelineConfig.BOOTSTRAP_SERVERS, "unused:9092",
                PipelineConfig.TOPIC_PREFIX, "t.",
                PipelineConfig.STATE_DIR, stateDir.resolve("s" + System.nanoTime()).toString())));
        TopologyTestDriver d = new TopologyTestDriver(IncidentTopology.build(topics,
                a -> extraction.getOrDefault(a.id(), List.of()), "test", new Linker(Linker.DEFAULT_TRUCE_WINDOW_DAYS)), props);
        raw = d.createInputTopic(topics.rawArticles.name(), topics.rawArticles.keySerde().serializer(),
                topics.rawArticles.valueSerde().serializer());
        incidents = d.createOutputTopic(topics.incidents.name(), topics.incidents.keySerde().deserializer(),
                topics.incidents.valueSerde().deserializer());
        deadLetters = d.createOutputTopic(topics.deadLetters.name(), topics.deadLetters.keySerde().deserializer(),
                topics.deadLetters.valueSerde().deserializer());
        unresolved = d.createOutputTopic(topics.unresolvedMentions.name(),
                topics.unresolvedMentions.keySerde().deserializer(), topics.unresolvedMentions.valueSerde().deserializer());
        waiting.clear();
        return d;
    }

    private void publish(String articleId, MentionBuilder... mentions) {
        publishText(articleId, "text of " + articleId, mentions);
    }

    private void publishText(String articleId, String text, MentionBuilder... mentions) {
        List<IncidentMention> ms = new ArrayList<>();
        for (int i = 0; i < mentions.length; i++) {
            ms.add(mentions[i].article(articleId).index(i).build());
        }
        extraction.put(articleId, ms);
        raw.pipeInput(articleId, article(articleId).text(text).build());
    }

    /** The reports waiting on the unresolved-mentions topic now, by mention id. */
    private Map<String, IncidentMention> waitingReports() {
        for (KeyValue<String, IncidentMention> kv : unresolved.readKeyValuesToList()) {
            if (kv.value == null) {
                assertThat(waiting.remove(kv.key)).as("tombstone of a report that was waiting: " + kv.key).isNotNull();
            } else {
                waiting.put(kv.key, kv.value);
            }
        }
        return waiting;
    }

    /** The live state of the compacted topic: latest value per key, tombstones removed. */
    private Map<String, Incident> liveState() {
        Map<String, Incident> state = new TreeMap<>();
        for (KeyValue<String, Incident> kv : incidents.readKeyValuesToList()) {
            if (kv.value == null) {
                state.remove(kv.key);
            } else {
                state.put(kv.key, kv.value);
            }
        }
        return state;
    }

    @Test
    void reportsOfOneAttackFromTwoArticlesBecomeOneIncidentCountingBothSources() {
        publish("a", attack().outlet("Wire A"));
        publish("b", attack().outlet("Wire B").killed(2).published("2020-11-19"));

        Map<String, Incident> state = liveState();

        assertThat(state).hasSize(1);
        Incident incident = state.values().iterator().next();
        assertThat(incident.articleCount()).isEqualTo(2);
        assertThat(incident.outletCount()).isEqualTo(2);
        assertThat(incident.sources()).extracting(s -> s.killed()).containsExactly(1, 2);
        assertThat(incident.firstSeen()).isEqualTo("2020-11-18");
        assertThat(incident.lastSeen()).isEqualTo("2020-11-19");
        assertThat(incident.id()).isEqualTo(IncidentIds.forMention("a#0"));
    }

    @Test
    void attacksOnDifferentSitesOfOneCityOnOneDayStaySeparate() {
        publish("a", attack());
        publish("b", attack().location(MentionBuilder.BAGHDAD_AIRPORT));

        assertThat(liveState()).hasSize(2);
    }

    @Test
    void aReportOfNoCasualtiesAndAReportOfManyDeadAreDifferentEvents() {
        publish("a", attack().killed(0).wounded(0));
        publish("b", attack().killed(12).wounded(null));

        assertThat(liveState()).hasSize(2);
    }

    @Test
    void aLaterReportThatRaisesTheFiguresAtTheSameSiteOnTheSameDayIsTheSameEventAndEachSourceKeepsItsOwn() {
        publish("a", attack().killed(0).wounded(0).published("2020-11-17"));
        publish("b", attack().killed(null).wounded(34).published("2020-12-05"));

        Map<String, Incident> state = liveState();

        assertThat(state).hasSize(1);
        Incident incident = state.values().iterator().next();
        assertThat(incident.sources()).extracting(s -> s.wounded()).containsExactly(0, 34);
        assertThat(incident.wounded()).isEqualTo(34);
        assertThat(incident.killed()).isZero();
    }

    @Test
    void aLaterReportWithLowerFiguresIsNoRevision() {
        publish("a", attack().killed(12).wounded(null).published("2020-11-17"));
        publish("b", attack().killed(0).wounded(0).published("2020-12-05"));

        assertThat(liveState()).hasSize(2);
    }

    @Test
    void aBridgingReportMergesTwoIncidentsAndTombstonesTheAbsorbedId() {
        publish("a", attack().date("2020-11-17"));
        publish("b", attack().date("2020-11-19"));
        assertThat(liveState()).hasSize(2);

        publish("c", attack().date("2020-11-18"));
        List<TestRecord<String, Incident>> changes = incidents.readRecordsToList();

        String survivor = IncidentIds.forMention("a#0");
        String absorbed = IncidentIds.forMention("b#0");
        assertThat(changes).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo(absorbed);
            assertThat(r.value()).isNull();
        });
        Incident last = changes.stream().filter(r -> r.key().equals(survivor)).reduce((x, y) -> y).orElseThrow().value();
        assertThat(last.mergedFrom()).contains(absorbed);
        assertThat(last.articleCount()).isEqualTo(3);
    }

    @Test
    void aCountryLevelReportThatFitsTwoIncidentsJoinsNeitherAndNeverBridgesThem() {
        publish("a", attack().date("2020-11-03"));
        publish("b", attack().date("2020-11-20"));
        publish("c", attack().location(MentionBuilder.IRAQ).date("2020-11", io.incidentstreams.model.DatePrecision.MONTH));

        Map<String, Incident> state = liveState();

        assertThat(state).hasSize(3);
        assertThat(state.values()).allSatisfy(i -> assertThat(i.articleCount()).isEqualTo(1));
    }

    @Test
    void aPlacelessMonthReportThatFitsTwoIncidentsWaitsInsteadOfBridgingThem() {
        publish("a", attack().date("2020-11-03"));
        publish("b", attack().date("2020-11-20"));
        publish("c", attack().location(null).date("2020-11", io.incidentstreams.model.DatePrecision.MONTH));

        assertThat(liveState()).hasSize(2).allSatisfy((id, i) -> assertThat(i.articleCount()).isEqualTo(1));
        assertThat(waitingReports()).containsOnlyKeys("c#0");
    }

    @Test
    void aCountryLevelReportJoinsTheOneIncidentItFitsAndOthersLikeItMergeWithIt() {
        publish("c", attack().location(MentionBuilder.IRAQ));
        publish("d", attack().location(MentionBuilder.IRAQ).outlet("Other"));
        assertThat(liveState()).hasSize(1);

        publish("a", attack());

        Map<String, Incident> state = liveState();
        assertThat(state).hasSize(1);
        Incident only = state.values().iterator().next();
        assertThat(only.articleCount()).isEqualTo(3);
        assertThat(only.location().name()).isEqualTo("Green Zone");
    }

    @Test
    void reportsThatSayLittleAboutWhereGiveTheSameIncidentsInEveryArrivalOrder() {
        List<Runnable> articles = List.of(
                () -> publish("a", attack().date("2020-11-03")),
                () -> publish("b", attack().date("2020-11-20")),
                () -> publish("c", attack().location(MentionBuilder.IRAQ)
                        .date("2020-11", io.incidentstreams.model.DatePrecision.MONTH)),
                () -> publish("d", attack().location(MentionBuilder.IRAQ).date("2020-11-20")),
                () -> publish("e", attack().location(null).date("2020-11", io.incidentstreams.model.DatePrecision.MONTH)));
        Map<String, Integer> reference = null;
        Random random = new Random(7);
        for (int run = 0; run < 8; run++) {
            List<Runnable> order = new ArrayList<>(articles);
            Collections.shuffle(order, random);
            driver.close();
            driver = newDriver();
            order.forEach(Runnable::run);
            Map<String, Integer> state = new TreeMap<>();
            liveState().forEach((k, v) -> state.put(k, v.articleCount()));
            if (reference == null) {
                reference = state;
                // a alone, b with the day-dated country report d, the month report c alone; e waits
                assertThat(state.values()).containsExactlyInAnyOrder(1, 2, 1);
                assertThat(state).containsEntry(IncidentIds.forMention("b#0"), 2);
            } else {
                assertThat(state).as("order " + run).isEqualTo(reference);
            }
        }
    }

    @Test
    void everyIncidentAndTombstoneCarriesOnlyTheIncidentSchemaVersionHeader() {
        publish("a", attack().date("2020-11-17"));
        publish("b", attack().date("2020-11-19"));
        publish("c", attack().date("2020-11-18"));
        List<TestRecord<String, Incident>> changes = incidents.readRecordsToList();

        assertThat(changes).anySatisfy(r -> assertThat(r.value()).isNull());
        assertThat(changes).allSatisfy(r -> {
            assertThat(SchemaVersion.of(r.headers())).isEqualTo(SchemaVersion.INCIDENT);
            assertThat(r.headers().toArray()).hasSize(1);
        });
    }

    @Test
    void anExactRepeatOfAnArticleChangesNothing() {
        publish("a", attack());
        liveState();

        raw.pipeInput("a", article("a").text("text of a").build());

        assertThat(incidents.isEmpty()).isTrue();
    }

    @Test
    void anAttackByTheTruceActorsFamilyBreaksTheTruceEvenWhenTheTruceIsReportedLater() {
        publish("attack", attack().perpetrator("Kataib Hezbollah", "blamed", "iran-aligned-militias"));
        publish("truce", truce().published("2020-10-12"));

        Map<String, Incident> state = liveState();
        Incident attack = state.get(IncidentIds.forMention("attack#0"));
        assertThat(attack.relations()).extracting(Relation::type, Relation::incidentId)
                .containsExactly(tuple(Relation.BREAKS_TRUCE, IncidentIds.forMention("truce#0")));
        assertThat(attack.relations().get(0).evidence()).contains("iran-aligned-militias");
    }

    @Test
    void aTruceStartsAtItsBestResolvedDateNotAtAYearOnlyReportOfIt() {
        publish("truce-year", truce().date("2020", io.incidentstreams.model.DatePrecision.YEAR).published("2020-12-01"));
        publish("truce", truce().published("2020-10-12"));
        publish("attack", attack().date("2020-03-11").published("2020-03-12")
                .perpetrator("Kataib Hezbollah", "blamed", "iran-aligned-militias"));

        Map<String, Incident> state = liveState();

        assertThat(state.values()).filteredOn(i -> i.type() == io.incidentstreams.model.IncidentType.TRUCE)
                .singleElement().satisfies(t -> assertThat(t.date()).isEqualTo("2020-10"));
        assertThat(state.get(IncidentIds.forMention("attack#0")).relations()).isEmpty();
    }

    @Test
    void anUnattributedAttackWithoutACueBreaksNoTruce() {
        publish("truce", truce());
        publish("attack", attack());

        assertThat(liveState().get(IncidentIds.forMention("attack#0")).relations()).isEmpty();
    }

    @Test
    void aBreaksTruceCueLinksToTheTruceOfTheSameArticle() {
        String cue = "The strike ends the informal truce that the militias declared in October.";
        publish("page", attack().cue(Relation.BREAKS_TRUCE, cue, 100), truce());

        Incident attack = liveState().get(IncidentIds.forMention("page#0"));

        assertThat(attack.relations()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(Relation.BREAKS_TRUCE);
            assertThat(r.incidentId()).isEqualTo(IncidentIds.forMention("page#1"));
            assertThat(r.evidence()).isEqualTo(cue);
        });
    }

    @Test
    void aCueToAReportOfTheSameArticleInAnotherCountryMakesNoLinkSoThatLinksDoNotDependOnPartitions() {
        String cue = "The salvo was retaliation for a strike in Syria last week that killed two officers.";
        Location syria = new Location("Syria", null, null, "Syria", 35.0, 38.0, 3);
        publish("page", attack().cue(Relation.RETALIATION_FOR, cue, 100),
                attack().type(io.incidentstreams.model.IncidentType.AIR_DRONE_STRIKE).location(syria)
                        .date("2020-11-10").evidenceAt("type", cue, 100));

        Map<String, Incident> state = liveState();

        // Both regions share this driver's single task; on a broker they may not, so neither links.
        assertThat(state).hasSize(2);
        assertThat(state.get(IncidentIds.forMention("page#0")).relations()).isEmpty();
    }

    @Test
    void aCoincidesWithCueLinksToTheSameArticlesTruceAndToAnAttackReportedInTheCueSentence() {
        String during = "The bomb went off during the ceasefire the factions declared last week.";
        String sameDay = "The raid came on the same day that a bombing at a market killed twelve people.";
        publish("page", attack().cue(Relation.COINCIDES_WITH, during, 100), truce());
        publish("other", attack().location(MentionBuilder.CAMP_TAJI).cue(Relation.COINCIDES_WITH, sameDay, 300),
                attack().location(MentionBuilder.ERBIL).killed(12).evidenceAt("type", sameDay, 300));

        Map<String, Incident> state = liveState();

        assertThat(state.get(IncidentIds.forMention("page#0")).relations()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(Relation.COINCIDES_WITH);
            assertThat(r.incidentId()).isEqualTo(IncidentIds.forMention("page#1"));
        });
        assertThat(state.get(IncidentIds.forMention("other#0")).relations())
                .extracting(Relation::type, Relation::incidentId)
                .contains(org.assertj.core.groups.Tuple.tuple(Relation.COINCIDES_WITH, IncidentIds.forMention("other#1")));
    }

    @Test
    void anAttackBreaksOneTruceTheMostPreciselyDatedOneWhenReportsNameSeveral() {
        String cue = "That ceasefire ended when rockets hit the Green Zone.";
        publish("undated", attack().date(null, null).published(null).cue(Relation.BREAKS_TRUCE, cue, 10),
                truce().date(null, null).published(null));
        publish("dated", attack().cue(Relation.BREAKS_TRUCE, cue, 10), truce());

        Incident attack = liveState().get(IncidentIds.forMention("dated#0"));

        assertThat(attack.articleCount()).isEqualTo(2);
        assertThat(attack.relations()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(Relation.BREAKS_TRUCE);
            assertThat(r.incidentId()).isEqualTo(IncidentIds.forMention("dated#1"));
        });
    }

    @Test
    void aDatedReportWithNeitherPlaceNorCountryWaitsUntilAReportThatNamesOneJoinsIt() {
        // The article's other report is in Iraq, so its placeless report is blocked in Iraq too.
        publish("nowhere", attack().date("2021-02-20").location(null).killed(null).wounded(1),
                attack().date("2020-09-28").location(MentionBuilder.ERBIL).background());
        assertThat(liveState()).containsOnlyKeys(IncidentIds.forMention("nowhere#1"));
        assertThat(waitingReports()).containsOnlyKeys("nowhere#0");

        publish("taji", attack().date("2021-02-20").location(MentionBuilder.CAMP_TAJI).killed(null).wounded(1));
        assertThat(liveState().values()).singleElement().satisfies(i -> {
            assertThat(i.articleCount()).isEqualTo(2);
            assertThat(i.location().name()).isEqualTo(MentionBuilder.CAMP_TAJI.name());
        });
        assertThat(waitingReports()).isEmpty();
    }

    @Test
    void anIncidentWhoseOnlyDatedReportIsWithdrawnIsTombstonedAndItsUndatedReportWaits() {
        publish("dated", attack().date("2021-02-20").location(MentionBuilder.CAMP_TAJI).killed(null).wounded(1));
        publish("undated", attack().date(null, null).published(null).location(MentionBuilder.CAMP_TAJI)
                .killed(null).wounded(1));
        assertThat(liveState()).hasSize(1);
        assertThat(waitingReports()).isEmpty();

        publishText("dated", "an edited text that reports nothing");
        Map<String, Incident> changes = new TreeMap<>();
        incidents.readKeyValuesToList().forEach(kv -> changes.put(kv.key, kv.value));
        assertThat(changes).containsKey(IncidentIds.forMention("dated#0"));
        assertThat(changes.values()).containsOnlyNulls();
        assertThat(waitingReports()).containsOnlyKeys("undated#0");
    }

    @Test
    void anUndatedReportJoinsTheOnlyIncidentItCanBelongTo() {
        publish("dated", attack().date("2021-02-20").location(MentionBuilder.CAMP_TAJI).killed(null).wounded(1));
        publish("undated", attack().date(null, null).published(null).location(MentionBuilder.CAMP_TAJI)
                .killed(null).wounded(1));

        assertThat(liveState().values()).singleElement().satisfies(i -> assertThat(i.articleCount()).isEqualTo(2));
    }

    @Test
    void anUndatedReportWithTwoPossibleIncidentsStaysApartUntilOneReportShowsThemToBeOne() {
        publish("u", attack().date(null, null).published(null).killed(null).wounded(null));
        publish("a", attack().date("2020-11-16"));
        publish("b", attack().date("2020-11-18"));
        // The undated report is never published alone: it waits, visible, for a single incident that fits.
        assertThat(liveState()).hasSize(2).doesNotContainKey(IncidentIds.forMention("u#0"));
        assertThat(waitingReports()).containsOnlyKeys("u#0");

        publish("bridge", attack().date("2020-11-17"));
        assertThat(liveState().values()).singleElement().satisfies(i -> {
            assertThat(i.articleCount()).isEqualTo(4);
            assertThat(i.id()).isEqualTo(IncidentIds.forMention("a#0"));
        });
        assertThat(waitingReports()).isEmpty();
    }

    @Test
    void theMainReportOfAnUndatedArticleJoinsOnlyAnIncidentAfterTheOnesItRecalls() {
        publish("jan", attack().date("2020-01-08").killed(0).wounded(0));
        publish("feb", attack().date("2021-02-22").killed(0).wounded(0));
        publish("undated", attack().date(null, null).published(null).killed(0).wounded(0),
                truce().date("2020-10", io.incidentstreams.model.DatePrecision.MONTH).background());

        Map<String, Incident> state = liveState();
        assertThat(state.get(IncidentIds.forMention("feb#0")).articleCount()).isEqualTo(2);
        assertThat(state.get(IncidentIds.forMention("jan#0")).articleCount()).isEqualTo(1);
    }

    @Test
    void anUndatedReportNamingAWeekdayJoinsTheOnlyCandidateOnThatWeekdayWhicheverArrivesFirst() {
        for (boolean undatedFirst : new boolean[] {true, false}) {
            driver.close();
            driver = newDriver();
            MentionBuilder monday = attack().weekdayOnly("MONDAY").published(null).killed(0).wounded(0);
            if (undatedFirst) {
                publish("undated", monday);
            }
            publish("wed", attack().date("2020-01-08").killed(0).wounded(0));
            publish("sun", attack().date("2020-02-16").killed(0).wounded(0));
            publish("mon", attack().date("2021-02-22").killed(0).wounded(0));
            if (!undatedFirst) {
                publish("undated", monday);
            }

            Map<String, Incident> state = liveState();
            assertThat(state).hasSize(3);
            assertThat(state.get(IncidentIds.forMention("mon#0")).articleCount()).isEqualTo(2);
            assertThat(state.get(IncidentIds.forMention("wed#0")).articleCount()).isEqualTo(1);
            assertThat(state.get(IncidentIds.forMention("sun#0")).articleCount()).isEqualTo(1);
        }
    }

    @Test
    void anUndatedReportAtAPlaceOutsideTheGazetteerJoinsTheOnlyDatedReportOfThatName() {
        Location tallousa = Location.unknown("Tallousa");
        publish("dated", attack().type(IncidentType.AIR_DRONE_STRIKE).date("2024-12-02").published("2024-12-03")
                .location(tallousa).killed(null).wounded(null));
        publish("elsewhere", attack().type(IncidentType.AIR_DRONE_STRIKE).date("2024-12-02").published("2024-12-03")
                .location(Location.unknown("Haris")).killed(null).wounded(null));
        publish("undated", attack().type(IncidentType.AIR_DRONE_STRIKE).date(null, null).published("2024-12-03")
                .location(Location.unknown("TALLOUSA")).killed(null).wounded(null));

        Map<String, Incident> state = liveState();
        assertThat(state).hasSize(2);
        assertThat(state.get(IncidentIds.forMention("dated#0")).articleCount()).isEqualTo(2);
    }

    @Test
    void anUndatedTruceAnnouncedAtAPlaceOutsideTheGazetteerStillJoinsTheDatedTruceOfItsFamily() {
        publish("dated", truce().published("2020-10-20"));
        // The article's other report is in Iraq, so its truce is blocked in Iraq too.
        publish("undated", truce().date(null, null).published(null).location(Location.unknown("Qalat Dizah")),
                attack().date("2020-09-28").location(MentionBuilder.ERBIL).background());

        Map<String, Incident> state = liveState();
        assertThat(state).hasSize(2);
        assertThat(state.get(IncidentIds.forMention("dated#0")).articleCount()).isEqualTo(2);
    }

    @Test
    void anUndatedPlacelessStrikeNamingItsTargetJoinsTheDatedStrikeOnThatPersonWhicheverArrivesFirst() {
        for (boolean undatedFirst : new boolean[] {true, false}) {
            driver.close();
            driver = newDriver();
            // Each article's main report is located in Iraq, so its placeless recollection is blocked there too.
            MentionBuilder tajiMain = attack().date("2020-03-11").published("2020-03-11")
                    .location(MentionBuilder.CAMP_TAJI).killed(3).wounded(12);
            MentionBuilder recalled = attack().type(IncidentType.AIR_DRONE_STRIKE).date(null, null)
                    .published("2020-03-11").location(null).killed(null).wounded(null)
                    .perpetrator("United States", null, "us-coalition").person("Qasem Soleimani").background();
            if (undatedFirst) {
                publish("recalled", tajiMain, recalled);
            }
            publish("dated", attack().type(IncidentType.AIR_DRONE_STRIKE).date("2020-01-03")
                    .location(MentionBuilder.BAGHDAD_AIRPORT).killed(2).wounded(null)
                    .perpetrator("United States", "claimed", "us-coalition").person("Qasem Soleimani"));
            publish("other", attack().type(IncidentType.AIR_DRONE_STRIKE).date("2020-03-13")
                    .location(MentionBuilder.IRAQ).killed(6).wounded(null)
                    .perpetrator("United States", "claimed", "us-coalition"));
            publish("nameless", attack().date("2021-02-15").published("2021-02-16").location(MentionBuilder.ERBIL),
                    attack().type(IncidentType.AIR_DRONE_STRIKE).date(null, null).published("2021-02-16")
                            .location(null).killed(null).wounded(null)
                            .perpetrator("United States", null, "us-coalition").background());
            if (!undatedFirst) {
                publish("recalled", tajiMain, recalled);
            }

            Map<String, Incident> state = liveState();
            assertThat(state).hasSize(4);
            assertThat(state.get(IncidentIds.forMention("dated#0")).articleCount()).isEqualTo(2);
            assertThat(state.get(IncidentIds.forMention("dated#0")).targets()).contains("Qasem Soleimani");
            assertThat(state.get(IncidentIds.forMention("other#0")).articleCount()).isEqualTo(1);
            // Undated, placeless and naming nobody: it fits no single incident, so it waits instead of being published.
            assertThat(waitingReports()).containsOnlyKeys("nameless#1");
        }
    }

    @Test
    void anUndatedTruceJoinsTheDatedTruceOfTheSameFamilyWhicheverArrivesFirst() {
        publish("undated", truce().date(null, null).published(null));
        publish("dated", truce().published("2020-10-20"));
        assertThat(liveState().values()).singleElement().satisfies(i -> assertThat(i.articleCount()).isEqualTo(2));

        driver.close();
        driver = newDriver();
        publish("dated", truce().published("2020-10-20"));
        publish("undated", truce().date(null, null).published(null));
        assertThat(liveState().values()).singleElement().satisfies(i -> assertThat(i.articleCount()).isEqualTo(2));
    }

    @Test
    void aRetaliationCueLinksToTheOtherSidesEarlierAttackReportedInAnotherArticleEvenWhenThatArrivesLater() {
        publish("strike", attack().type(IncidentType.AIR_DRONE_STRIKE).date("2020-01-03")
                .location(MentionBuilder.BAGHDAD_AIRPORT).killed(2)
                .perpetrator("Kataib Hezbollah", "blamed", "iran-aligned-militias"));
        publish("missiles", attack().date("2020-01-08").location(MentionBuilder.CAMP_TAJI).killed(0).wounded(0)
                .perpetrator("United States", "claimed", "us")
                .cue(Relation.RETALIATION_FOR, "The strikes were in retaliation for the killing.", 10));
        publish("earlier", attack().date("2020-01-05").location(MentionBuilder.ERBIL).killed(0).wounded(0)
                .perpetrator("United States", "claimed", "us"));

        Incident missiles = liveState().get(IncidentIds.forMention("missiles#0"));
        assertThat(missiles.relations()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(Relation.RETALIATION_FOR);
            assertThat(r.incidentId()).as("the other side's attack, not the same side's later one")
                    .isEqualTo(IncidentIds.forMention("strike#0"));
            assertThat(r.evidence()).contains("retaliation");
        });
    }

    @Test
    void aFollowsCueLinksToTheLatestEarlierAttackOfTheSameTypeAtTheSamePlace() {
        publish("latest", attack().date("2020-11-24").killed(0).wounded(0)
                .cue(Relation.FOLLOWS, "It was the latest in a series of attacks on the zone.", 0));
        publish("first", attack().date("2020-11-10").killed(0).wounded(0));
        publish("second", attack().date("2020-11-17"));
        publish("elsewhere", attack().date("2020-11-20").location(MentionBuilder.CAMP_TAJI));

        Incident latest = liveState().get(IncidentIds.forMention("latest#0"));
        assertThat(latest.relations()).extracting(Relation::type, Relation::incidentId)
                .containsExactly(tuple(Relation.FOLLOWS, IncidentIds.forMention("second#0")));
    }

    @Test
    void anEditThatNoLongerReportsAnIncidentWithdrawsItsMentionAndTheLinkToIt() {
        publishText("a", "first version",
                attack().cue(Relation.BREAKS_TRUCE, "The attack broke the truce.", 0), truce());
        publish("b", attack().date("2020-11-18"));
        Map<String, Incident> before = liveState();
        assertThat(before).hasSize(2);
        String truceId = IncidentIds.forMention("a#1");
        assertThat(before.get(IncidentIds.forMention("a#0")).relations())
                .extracting(Relation::incidentId).contains(truceId);

        publishText("a", "edited version", attack().cue(Relation.BREAKS_TRUCE, "The attack broke the truce.", 0));
        List<TestRecord<String, Incident>> changes = incidents.readRecordsToList();

        assertThat(changes).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo(truceId);
            assertThat(r.value()).isNull();
        });
        Incident attackNow = changes.stream().filter(r -> r.key().equals(IncidentIds.forMention("a#0")))
                .reduce((x, y) -> y).orElseThrow().value();
        assertThat(attackNow.relations()).isEmpty();
        assertThat(attackNow.articleCount()).isEqualTo(2);
    }

    @Test
    void anEditThatReportsNothingAnyMoreRemovesTheIncidentsOnlyItReported() {
        publishText("a", "first version", attack().location(MentionBuilder.CAMP_TAJI));
        publish("b", attack());
        assertThat(liveState()).hasSize(2);

        publishText("a", "an unrelated edit");
        List<TestRecord<String, Incident>> changes = incidents.readRecordsToList();

        assertThat(changes).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo(IncidentIds.forMention("a#0"));
            assertThat(r.value()).isNull();
        });
    }

    @Test
    void anEditThatMovesAnIncidentToAnotherCountryWithdrawsItFromTheOldRegion() {
        publishText("a", "first version", attack());
        Location damascus = new Location("Damascus", "Damascus", "Damascus", "Syria", 33.51, 36.29, 1);
        publishText("a", "corrected version", attack().location(damascus));

        Map<String, Incident> state = liveState();
        assertThat(state.values()).singleElement().satisfies(i ->
                assertThat(i.location().country()).isEqualTo("Syria"));
    }

    @Test
    void theFinalStateIsTheSameForEveryArrivalOrder() {
        List<Runnable> articles = List.of(
                () -> publish("w1", attack().outlet("W1")),
                () -> publish("w2", attack().date("2020-11-18").outlet("W2").killed(2)),
                () -> publish("w3", attack().date("2020-11-19").outlet("W3")),
                () -> publish("w4", attack().location(MentionBuilder.BAGHDAD_AIRPORT).killed(0).wounded(0)),
                () -> publish("w5", truce().published("2020-10-20")),
                () -> publish("w6", attack().date("2020-11", io.incidentstreams.model.DatePrecision.MONTH)
                        .perpetrator("Kataib Hezbollah", "suspected", "iran-aligned-militias")),
                () -> publish("w7", attack().location(MentionBuilder.CAMP_TAJI).date("2020-03-11").killed(3)),
                () -> publish("w8", truce().published("2020-11-18")),
                () -> publish("w9", attack().date(null, null).published(null).killed(null).wounded(null)),
                () -> publish("w10", truce().date(null, null).published(null)),
                () -> publish("w11", attack().date(null, null).published(null).location(MentionBuilder.CAMP_TAJI)
                        .killed(3)));
        Map<String, String> reference = null;
        Random random = new Random(42);
        for (int run = 0; run < 6; run++) {
            List<Runnable> order = new ArrayList<>(articles);
            Collections.shuffle(order, random);
            driver.close();
            driver = newDriver();
            order.forEach(Runnable::run);
            Map<String, String> state = new TreeMap<>();
            liveState().forEach((k, v) -> state.put(k, new String(topics.incidents.valueSerde().serializer()
                    .serialize("t", v), StandardCharsets.UTF_8)));
            if (reference == null) {
                reference = state;
                assertThat(state).hasSize(4);
            } else {
                assertThat(state).isEqualTo(reference);
            }
        }
    }

    @Test
    void aRepublishedWireStoryCountsOnceAsItsSmallestArticleIdWhicheverArrivesFirst() {
        String story = io.incidentstreams.enrich.testing.ArticleBuilder.WIRE_STORY;
        String republished = story.replace("late on Wednesday", "late Wednesday");
        publishText("wire-b", republished, attack().outlet("Republisher"));
        publishText("wire-a", story, attack().outlet("Wire"));

        Incident incident = liveState().values().iterator().next();

        assertThat(incident.articleCount()).isEqualTo(1);
        assertThat(incident.sources()).extracting(s -> s.articleId()).containsExactly("wire-a");
    }

    @Test
    void aNullValueGoesToTheDeadLetterTopicWithItsReasonAndProcessingGoesOn() {
        raw.pipeInput("broken", (Article) null);
        publish("a", attack());

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();
        assertThat(header(dead, "__streams.errors.message")).contains("null value");
        assertThat(liveState()).hasSize(1);
    }

    @Test
    void anArticlePublishedInTheYear3000OrTheYear1GoesToTheDeadLetterTopicWithItsReason() {
        extraction.put("future", List.of(attack().article("future").index(0).build()));
        extraction.put("ancient", List.of(attack().article("ancient").index(0).build()));
        extraction.put("next-day", List.of(attack().article("next-day").index(0).build()));
        java.time.Instant recordTime = java.time.Instant.parse("2020-11-18T08:00:00Z");
        raw.pipeInput("future", article("future").published("3000-01-01").build(), recordTime);
        raw.pipeInput("ancient", article("ancient").published("0001-01-01").build(), recordTime);
        raw.pipeInput("next-day", article("next-day").published("2020-11-19").build(), recordTime);

        List<TestRecord<byte[], byte[]>> dead = deadLetters.readRecordsToList();
        assertThat(dead).extracting(r -> header(r, "__streams.errors.message")).containsExactly(
                "article future: publishedAt '3000-01-01' is more than a day in the future "
                        + "(after 2020-11-19T08:00:00Z)",
                "article ancient: publishedAt '0001-01-01' is before 1900-01-01");
        assertThat(dead).extracting(r -> header(r, "__streams.errors.exception"))
                .containsOnly(InvalidArticleException.class.getName());
        assertThat(liveState()).as("the article dated the day after its record passes").hasSize(1);
    }

    private static String header(TestRecord<byte[], byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
