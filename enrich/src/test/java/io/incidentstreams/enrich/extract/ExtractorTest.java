package io.incidentstreams.enrich.extract;

import static io.incidentstreams.enrich.extract.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.incidentstreams.model.Article;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.Evidence;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Relation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractorTest {

    private static final Extractor X = Extractor.load(null);

    private static List<IncidentMention> extract(Articles a) {
        return X.extract(a.build());
    }

    private static IncidentMention only(List<IncidentMention> mentions) {
        assertThat(mentions).hasSize(1);
        return mentions.get(0);
    }

    // --- the main report ----------------------------------------------------------------------------------------

    @Test
    void anUndatedPageKeepsTheWeekdayItNamesButNoDate() {
        IncidentMention m = only(extract(article(
                "Two Katyusha rockets came down inside the International Zone on Thursday night, security officials "
                        + "said. Nobody was hurt.").undated()));
        assertThat(m.date()).isNull();
        assertThat(m.weekday()).isEqualTo("THURSDAY");

        IncidentMention dated = only(extract(article(
                "Two Katyusha rockets came down inside the International Zone on Thursday night, security officials "
                        + "said. Nobody was hurt.").published("2021-03-06")));
        assertThat(dated.date()).isEqualTo("2021-03-04");
        assertThat(dated.weekday()).isNull();
    }

    @Test
    void aStrikeThatKilledANamedPersonNamesThemAsATarget() {
        IncidentMention killed = only(extract(article(
                "A US drone strike near Baghdad airport on Jan. 3 killed Iranian Gen. Qassem Soleimani and the "
                        + "militia commander Abu Mahdi al-Muhandis.").published("2020-01-04")));
        assertThat(killed.type()).isEqualTo(IncidentType.AIR_DRONE_STRIKE);
        assertThat(killed.persons()).containsExactly("Qasem Soleimani", "Abu Mahdi al-Muhandis");
        assertThat(killed.targets()).contains("Qasem Soleimani");

        IncidentMention against = extract(article(
                "Militia rocket fire had long hit coalition bases, and in January Washington answered with a drone "
                        + "strike against the Quds Force chief Suleimani.").published("2020-06-01"))
                .stream().filter(x -> x.type() == IncidentType.AIR_DRONE_STRIKE).findFirst().orElseThrow();
        assertThat(against.persons()).containsExactly("Qasem Soleimani");
    }

    @Test
    void aPersonWhoOnlySpeaksOrIsMentionedIsNoTarget() {
        List<IncidentMention> ms = extract(article(
                "An airstrike hit a weapons depot near Jurf al-Sakhar on Tuesday, a year after Soleimani had "
                        + "visited the area, officials said.").published("2021-01-06"));
        assertThat(ms).isNotEmpty().allSatisfy(x -> assertThat(x.persons()).isEmpty());

        List<IncidentMention> revenge = extract(article(
                "Iranian missiles struck the Ain al-Asad base on Wednesday in an attack Tehran called revenge for "
                        + "the killing of Gen. Qassem Soleimani.").published("2020-01-09"));
        assertThat(revenge).isNotEmpty().allSatisfy(x -> assertThat(x.persons()).isEmpty());
    }

    @Test
    void readsAMortarAttackWithPlaceDateAndFigures() {
        IncidentMention m = only(extract(article(
                "Mortar rounds slammed into a checkpoint in Samarra late on Saturday, killing two soldiers and "
                        + "wounding four others, police said.").published("2020-05-04")));
        assertThat(m.type()).isEqualTo(IncidentType.SHELLING_MISSILE_ATTACK);
        assertThat(m.weapons()).containsExactly("mortar");
        assertThat(m.date()).isEqualTo("2020-05-02");
        assertThat(m.datePrecision()).isEqualTo(DatePrecision.DAY);
        assertThat(m.location().name()).isEqualTo("Samarra");
        assertThat(m.location().admin1()).isEqualTo("Salah al-Din");
        assertThat(m.killed()).isEqualTo(2);
        assertThat(m.wounded()).isEqualTo(4);
        assertThat(m.background()).isFalse();
    }

    @Test
    void prefersTheZoneWhereRocketsLandedOverTheCityAndIgnoresDistanceReferences() {
        IncidentMention m = only(extract(article(
                "Katyusha rockets struck the Iraqi capital on Tuesday night, two of them landing inside the "
                        + "International Zone about 500 metres from the American Embassy, officials said.")));
        assertThat(m.location().name()).isEqualTo("Green Zone");
        assertThat(m.location().city()).isEqualTo("Baghdad");
        assertThat(m.location().lat()).isNotNull();
        assertThat(m.location().precision()).isEqualTo(1);
    }

    @Test
    void neverTakesTheLaunchSiteAsTheIncidentsPlace() {
        IncidentMention m = only(extract(article(
                "Three rockets fired from the al-Salam neighbourhood fell on the Green Zone on Monday evening, "
                        + "security sources said. Nobody was hurt.").published("2021-02-23")));
        assertThat(m.location().name()).isEqualTo("Green Zone");
        assertThat(m.killed()).isZero();
        assertThat(m.wounded()).isZero();
    }

    @Test
    void resolvesTheKurdistanRegionCapitalToErbil() {
        IncidentMention m = only(extract(article(
                "Rockets fired at the Kurdistan Region capital killed a foreign worker on Monday.")
                .published("2021-02-16")));
        assertThat(m.location().name()).isEqualTo("Erbil");
        assertThat(m.location().lat()).isBetween(36.0, 36.4);
    }

    @Test
    void keepsAnUnknownPlaceByItsRawNameWithoutCoordinates() {
        IncidentMention m = only(extract(article(
                "A roadside bomb exploded at Camp Hamra Wells on Thursday, wounding three guards.")
                .published("2020-09-11")));
        assertThat(m.location().name()).isEqualTo("Camp Hamra Wells");
        assertThat(m.location().lat()).isNull();
        assertThat(m.location().lon()).isNull();
    }

    @Test
    void addsSeparateGroupsOfWoundedButCountsARestatementOnce() {
        IncidentMention m = only(extract(article(
                "Katyusha rockets struck Baghdad's Green Zone today, killing a girl and wounding at least four people.",
                "The girl died and four passers-by were injured, according to the army.",
                "Three police officers were also wounded, a security source added.")));
        assertThat(m.killed()).isEqualTo(1);
        assertThat(m.wounded()).isEqualTo(7);
    }

    @Test
    void readsNoCasualtiesAsZeroNotUnknown() {
        IncidentMention m = only(extract(article(
                "Two rockets landed near Baghdad airport overnight on Sunday. There were no casualties.")
                .published("2020-07-06")));
        assertThat(m.killed()).isZero();
        assertThat(m.wounded()).isZero();
        IncidentMention unknown = only(extract(article("A drone struck a warehouse in Erbil on Friday.")
                .published("2021-07-10")));
        assertThat(unknown.killed()).isNull();
        assertThat(unknown.wounded()).isNull();
    }

    @Test
    void recordsThatNobodyClaimedTheAttack() {
        IncidentMention m = only(extract(article(
                "A rocket hit the Union III base in Baghdad on Sunday.",
                "No group has claimed responsibility so far.").published("2020-09-14")));
        assertThat(m.actors()).singleElement().satisfies(a -> {
            assertThat(a.role()).isEqualTo("perpetrator");
            assertThat(a.status()).isEqualTo("unclaimed");
        });
    }

    @Test
    void prefersSuspicionToNoClaimAndKeepsTheFamily() {
        IncidentMention m = only(extract(article(
                "Rockets struck Balad Air Base on Wednesday, wounding two contractors.",
                "No one claimed the attack, but officials suspected Kataib Hizballah.").published("2020-07-02")));
        assertThat(m.actors()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Kataib Hezbollah");
            assertThat(a.status()).isEqualTo("suspected");
            assertThat(a.family()).isEqualTo("iran-aligned-militias");
        });
    }

    // --- several incidents per article ----------------------------------------------------------------------

    @Test
    void separatesTheReportFromOlderIncidentsItRecalls() {
        List<IncidentMention> ms = extract(article(
                "Four rockets hit Ain al-Asad air base on Tuesday, wounding one soldier, the coalition said.",
                "In December, rockets fired by Kataib Hezbollah at the K-1 base near Kirkuk killed an American "
                        + "interpreter.",
                "Rocket attacks on bases hosting US troops have become frequent in recent months.")
                .published("2020-03-04"));
        assertThat(ms).hasSize(2);
        IncidentMention main = ms.get(0);
        IncidentMention old = ms.get(1);
        assertThat(main.location().name()).isEqualTo("Ain al-Asad");
        assertThat(main.background()).isFalse();
        assertThat(old.background()).isTrue();
        assertThat(old.date()).isEqualTo("2019-12");
        assertThat(old.datePrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(old.location().name()).isEqualTo("K-1");
        assertThat(old.killed()).isEqualTo(1);
        assertThat(old.actors()).extracting(a -> a.name()).containsExactly("Kataib Hezbollah");
    }

    @Test
    void datesAnIncidentCountedBackFromAnother() {
        List<IncidentMention> ms = extract(article(
                "Rockets fell on Camp Taji on Saturday, wounding five. The barrage came three days after a "
                        + "similar attack on the same camp killed three coalition members.")
                .published("2020-03-15"));
        assertThat(ms).hasSize(2);
        assertThat(ms.get(0).date()).isEqualTo("2020-03-14");
        assertThat(ms.get(0).cues()).extracting(c -> c.relation()).contains(Relation.FOLLOWS);
        assertThat(ms.get(1).date()).isEqualTo("2020-03-11");
        assertThat(ms.get(1).killed()).isEqualTo(3);
        assertThat(ms.get(1).background()).isTrue();
    }

    @Test
    void reportsASecondSameDayIncidentAsNews() {
        List<IncidentMention> ms = extract(article(
                "A drone struck the coalition base at Erbil airport late Wednesday, causing no casualties.",
                "Earlier on Wednesday, rockets hit a military base near Bashiqa, killing one Turkish soldier.")
                .published("2021-04-15"));
        assertThat(ms).hasSize(2);
        assertThat(ms).allSatisfy(m -> assertThat(m.date()).isEqualTo("2021-04-14"));
        assertThat(ms).noneMatch(IncidentMention::background);
        assertThat(ms.get(1).location().name()).isEqualTo("Bashiqa");
        assertThat(ms.get(1).location().precision()).isEqualTo(2);
    }

    @Test
    void readsATruceAnnouncementWithItsPartiesAndTheAttackThatEndsIt() {
        List<IncidentMention> ms = extract(article(
                "Rockets crashed into the Green Zone on Tuesday, killing a child. The salvo broke the truce that "
                        + "pro-Iran factions had declared in mid-October.").published("2020-11-18"));
        IncidentMention attack = ms.stream().filter(m -> m.type().isViolent()).findFirst().orElseThrow();
        IncidentMention truce = ms.stream().filter(m -> m.type() == IncidentType.TRUCE).findFirst().orElseThrow();
        assertThat(attack.cues()).extracting(c -> c.relation()).contains(Relation.BREAKS_TRUCE);
        assertThat(truce.type().code()).isEqualTo("agreement_truce");
        assertThat(truce.date()).isEqualTo("2020-10");
        assertThat(truce.datePrecision()).isEqualTo(DatePrecision.MONTH);
        assertThat(truce.actors()).singleElement().satisfies(a -> {
            assertThat(a.role()).isEqualTo("party");
            assertThat(a.family()).isEqualTo("iran-aligned-militias");
        });
        assertThat(truce.background()).isTrue();
    }

    @Test
    void marksRetaliation() {
        List<IncidentMention> ms = extract(article(
                "US aircraft struck weapons depots of Kataib Hezbollah near Abu Kamal on Friday in retaliation for "
                        + "the rocket attack on Camp Taji.").published("2020-03-14"));
        IncidentMention strike = ms.stream().filter(m -> m.type() == IncidentType.AIR_DRONE_STRIKE).findFirst()
                .orElseThrow();
        assertThat(strike.cues()).extracting(c -> c.relation()).contains(Relation.RETALIATION_FOR);
        assertThat(strike.actors()).extracting(a -> a.name()).contains("United States");
    }

    @Test
    void marksAnAttackOnTheSameDayAsAnotherAsCoincidingWithIt() {
        List<IncidentMention> ms = extract(article(
                "Gunmen stormed a wedding hall in Kandahar on Tuesday, killing nine guests. The raid came on the "
                        + "same day that a suicide bombing at a market in Kunduz killed twelve people.")
                .published("2021-06-09"));
        IncidentMention raid = ms.stream().filter(m -> m.type() == IncidentType.ATTACK_ON_CIVILIANS).findFirst()
                .orElseThrow();
        assertThat(raid.cues()).extracting(c -> c.relation()).contains(Relation.COINCIDES_WITH);
        assertThat(ms).anySatisfy(m -> assertThat(m.type()).isEqualTo(IncidentType.SUICIDE_BOMB_ATTACK));
    }

    @Test
    void marksAnAttackDuringATruceAsCoincidingWithItAndASecondSuchAttackAsFollowing() {
        List<IncidentMention> ms = extract(article(
                "A roadside bomb killed four soldiers near Kandahar on Sunday, during the ceasefire the "
                        + "government and the rebels agreed last week.",
                "Mortars hit the airport on Monday, the second such attack in a week.").published("2021-06-15"));
        IncidentMention bomb = ms.stream().filter(m -> m.type() == IncidentType.IED_ATTACK).findFirst().orElseThrow();
        assertThat(bomb.cues()).extracting(c -> c.relation()).contains(Relation.COINCIDES_WITH);
        IncidentMention mortars = ms.stream().filter(m -> m.type() == IncidentType.SHELLING_MISSILE_ATTACK).findFirst().orElseThrow();
        assertThat(mortars.cues()).extracting(c -> c.relation()).contains(Relation.FOLLOWS);
    }

    @Test
    void reportsNothingForGenericOrNonViolentText() {
        assertThat(extract(article(
                "Rocket attacks on the airport have become routine in recent months.",
                "Analysts say such attacks often follow political crises.",
                "The central bank struck a deal with lenders and the minister attacked the plan.")))
                .isEmpty();
    }

    // --- dates without a publication date ------------------------------------------------------------------

    @Test
    void leavesRelativeDatesUnresolvedOnAnUndatedPage() {
        IncidentMention m = only(extract(article(
                "Rockets hit the Green Zone on Monday, wounding two guards.").undated()));
        assertThat(m.date()).isNull();
        assertThat(m.datePrecision()).isNull();
    }

    @Test
    void stillResolvesDatesThatCarryTheirYearOnAnUndatedPage() {
        IncidentMention m = only(extract(article(
                "On March 11, 2020, rockets killed three coalition soldiers at Camp Taji.").undated()));
        assertThat(m.date()).isEqualTo("2020-03-11");
    }

    @Test
    void prefersLocalTimeOverAForeignOutletsClock() {
        IncidentMention m = only(extract(article(
                "Rockets fell near Baghdad's Green Zone early Thursday, Indian time.",
                "The rockets hit close to the zone on January 8 at 11:45 pm local time, the coalition said.")
                .published("2020-01-09")));
        assertThat(m.date()).isEqualTo("2020-01-08");
    }

    // --- provenance and contract ---------------------------------------------------------------------------

    @Test
    void everyEvidenceSpanPointsIntoTheArticleText() {
        Article a = article(
                "BAGHDAD \u2014 Rockets struck the Green Zone on Tuesday, killing a child, officials said.",
                "Nobody has claimed the strike so far.").id("evidence-check").build();
        List<IncidentMention> ms = X.extract(a);
        assertThat(ms).isNotEmpty();
        for (IncidentMention m : ms) {
            assertThat(m.evidence()).isNotEmpty();
            for (Evidence e : m.evidence()) {
                assertThat(a.text().substring(e.start(), e.end())).isEqualTo(e.sentence());
                assertThat(e.sentence()).contains(e.text());
            }
            assertThat(m.evidence()).extracting(Evidence::field).contains("type", "date", "location", "killed");
        }
    }

    @Test
    void numbersMentionsAfterTheArticleAndCarriesTheRulesVersion() {
        List<IncidentMention> ms = extract(article(
                "Rockets hit Camp Taji on Wednesday, killing three.",
                "In December a rocket attack on the K-1 base killed a contractor.").id("art-42")
                .published("2020-03-12").outlet("Wire").title("Taji hit"));
        assertThat(ms).extracting(IncidentMention::mentionId).containsExactly("art-42#0", "art-42#1");
        assertThat(ms).allSatisfy(m -> {
            assertThat(m.rulesVersion()).isEqualTo(X.rulesVersion());
            assertThat(m.articleId()).isEqualTo("art-42");
            assertThat(m.outlet()).isEqualTo("Wire");
            assertThat(m.title()).isEqualTo("Taji hit");
        });
        assertThat(X.rulesVersion()).matches("\\d{4}\\.\\d+\\.\\d+");
    }

    @Test
    void isDeterministic() {
        Article a = article("Rockets hit Baghdad's Green Zone on Sunday, wounding two. No group claimed it.")
                .published("2020-12-21").build();
        assertThat(X.extract(a)).isEqualTo(X.extract(a)).isEqualTo(Extractor.load(null).extract(a));
    }

    @Test
    void rejectsMissingOrBlankTextWithIllegalArgument() {
        assertThatThrownBy(() -> X.extract(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> X.extract(article("   ").build())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> X.extract(new Article("x", null, null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void survivesUnusualInputWithoutThrowing() {
        assertThatCode(() -> {
            X.extract(article("\u0000\u0001 ;;; ... ,,, \u2014\u2014 (((").build());
            X.extract(article("rockets").published("not-a-date").build());
            X.extract(article("Rockets hit " + "Baghdad's ".repeat(500) + "Green Zone.").build());
        }).doesNotThrowAnyException();
    }

    @Test
    void neverFailsOnScrambledPages() {
        String[] vocabulary = {"Rockets", "rocket", "hit", "struck", "the", "Green Zone", "Erbil", "K-1", "killing",
                "a", "child", "wounding", "at least", "five", "people", "no casualties", "on", "Monday", "Jan.", "8",
                "in", "October", "truce", "by", "announced", "blamed", "Iran-backed militias", "Kataib Hezbollah",
                "600m", "from", "launched", "al-Salam", "a day after", "the next month", "Go deeper", "Photo:",
                "pic.twitter.com/x", "—", "(", ")", ",", ".", "\n", "\n\n", "'s", "’s", "3,000", "U.S.",
                "also", "were", "was", "killed", "and", "two", "of them", "Four", "fell", "inside", "the zone",
                "same base", "since", "that", "attack", "bombing", "drone", "ceasefire", "Feb 16, 2020 - World"};
        java.util.Random random = new java.util.Random(7);
        String[] dates = {null, "2020-11-17", "2020-02-29", "not-a-date", "2021-01-01T10:00:00+03:00"};
        for (int i = 0; i < 1_500; i++) {
            StringBuilder b = new StringBuilder();
            int words = 1 + random.nextInt(120);
            for (int w = 0; w < words; w++) {
                String v = vocabulary[random.nextInt(vocabulary.length)].replace("\\n", "\n");
                b.append(v).append(random.nextInt(4) == 0 ? "" : " ");
            }
            String text = b.toString();
            if (text.isBlank()) {
                continue;
            }
            Article a = article(text).published(dates[random.nextInt(dates.length)]).build();
            List<IncidentMention> ms = X.extract(a);
            for (IncidentMention m : ms) {
                for (Evidence e : m.evidence()) {
                    assertThat(text.substring(e.start(), e.end())).isEqualTo(e.sentence());
                }
            }
        }
    }

    @Test
    void handlesATenMegabyteTextInBoundedTime() {
        StringBuilder b = new StringBuilder(10_500_000);
        String para = "Rockets hit the Green Zone on Monday, killing a child and wounding five people. "
                + "Officials blamed Kataib Hezbollah. ";
        while (b.length() < 10_000_000) {
            b.append(para);
        }
        b.append("x".repeat(200_000)); // one endless word
        Article a = article(b.toString()).published("2020-11-17").build();
        List<IncidentMention> ms = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> X.extract(a));
        assertThat(ms).isNotEmpty();
    }

    @Test
    void canBeSharedAcrossThreads() throws Exception {
        List<Article> articles = List.of(
                article("Rockets hit Camp Taji on Wednesday, killing three soldiers.").published("2020-03-12").build(),
                article("A roadside bomb hit a convoy near Diwaniyah on Sunday. Nobody was hurt.")
                        .published("2020-06-01").build(),
                article("Mortars struck Balad Air Base on Friday, wounding one contractor.").published("2020-07-04")
                        .build());
        List<List<IncidentMention>> expected = articles.stream().map(X::extract).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        int k = i % articles.size();
                        if (!X.extract(articles.get(k)).equals(expected.get(k))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- rules overrides -----------------------------------------------------------------------------------

    @Test
    void replacesABuiltInRuleFileWithOneFromTheRulesFolder(@TempDir Path dir) throws Exception {
        String csv = new String(Extractor.class.getResourceAsStream("/rules/gazetteer.csv").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)
                + "campfoo,Camp Foo,base,Foo,Anbar,Iraq,33.50,42.90,1,,Foo base\n";
        Files.writeString(dir.resolve("gazetteer.csv"), csv);
        Extractor custom = Extractor.load(dir);
        IncidentMention m = only(custom.extract(article("Rockets hit Camp Foo on Monday, wounding two.")
                .published("2020-06-02").build()));
        assertThat(m.location().name()).isEqualTo("Camp Foo");
        assertThat(m.location().lat()).isEqualTo(33.5);
        assertThat(custom.rulesVersion()).startsWith(X.rulesVersion() + "+local.");
        assertThat(m.rulesVersion()).isEqualTo(custom.rulesVersion());
    }

    @Test
    void takesTheVersionFromAnOverriddenManifest(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("manifest.json"), "{\"version\": \"2030.1.7\"}");
        assertThat(Extractor.load(dir).rulesVersion()).isEqualTo("2030.1.7");
    }

    @Test
    void rejectsAMissingRulesFolder(@TempDir Path dir) {
        assertThatThrownBy(() -> Extractor.load(dir.resolve("nowhere"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nowhere");
    }

    @Test
    void rejectsABrokenOverrideFileWithIllegalArgument(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("actors.json"), "{ not json");
        assertThatThrownBy(() -> Extractor.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("actors.json");
    }

    @Test
    void readsThePublicationDateAsTheArticleDoes() {
        for (String v : new String[] {"2020-01-08", "2020-02-29", "2021-02-29", "2020-13-01", "2020-1-08",
            "2020-01-08T23:30:00+03:00", "2020-01-08T23:30:00Z", "20200108", "  2020-01-08", "", " ", "yesterday",
            "0000-01-01", "2020/01/08", null}) {
            Article a = article("text").published(v).build();
            assertThat(Extractor.publishedDate(a)).as(v).isEqualTo(a.publishedDate().orElse(null));
        }
    }
}
