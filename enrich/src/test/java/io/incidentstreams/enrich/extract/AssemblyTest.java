package io.incidentstreams.enrich.extract;

import static io.incidentstreams.enrich.extract.Articles.article;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How sentences are joined into incidents: references, appositions, sites, recalled incidents. */
class AssemblyTest {

    private static final Extractor X = Extractor.load(null);

    private static List<IncidentMention> extract(Articles a) {
        return X.extract(a.build());
    }

    @Test
    void countsPeopleKilledByName() {
        List<IncidentMention> ms = extract(article(
                "A US drone strike near Baghdad airport on Friday killed the Iranian commander Qassem Soleimani and "
                        + "his Iraqi deputy Abu Mahdi al-Muhandis, the Pentagon said.").published("2020-01-04"));
        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(m.killed()).isEqualTo(2);
            assertThat(m.location().name()).isEqualTo("Baghdad International Airport");
            assertThat(m.date()).isEqualTo("2020-01-03");
        });
    }

    @Test
    void doesNotReadTheNounKillingAsAFigure() {
        assertThat(extract(article("The killing of Qassem Soleimani pushed the region toward open conflict.")))
                .isEmpty();
    }

    @Test
    void resolvesTheSameBaseToTheSiteNamedBefore() {
        List<IncidentMention> ms = extract(article(
                "Rockets hit Camp Taji on Saturday, wounding three soldiers.",
                "On Wednesday, rockets on the same base killed two contractors.").published("2020-03-15"));
        assertThat(ms).hasSize(2);
        assertThat(ms).allSatisfy(m -> assertThat(m.location().name()).isEqualTo("Camp Taji"));
        assertThat(ms.get(1).date()).isEqualTo("2020-03-11");
        assertThat(ms.get(1).killed()).isEqualTo(2);
    }

    @Test
    void givesAnAppositionsAttributionToTheAttackItDescribes() {
        IncidentMention m = extract(article(
                "Rockets killed two soldiers at Balad Air Base on Monday, an attack officials blamed on Kataib "
                        + "Hezbollah.").published("2020-06-16")).get(0);
        assertThat(m.actors()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("Kataib Hezbollah");
            assertThat(a.status()).isEqualTo("blamed");
        });
    }

    @Test
    void splitsOneAttackOnSitesInTwoTownsIntoOneMentionPerSite() {
        List<IncidentMention> ms = extract(article(
                "Iran fired ballistic missiles early on Wednesday at the Ain al-Asad air base and at a base in "
                        + "Erbil. Officials said nobody was hurt.").published("2020-01-08"));
        assertThat(ms).extracting(m -> m.location().name()).containsExactly("Ain al-Asad", "Erbil");
        assertThat(ms).allSatisfy(m -> {
            assertThat(m.date()).isEqualTo("2020-01-08");
            assertThat(m.killed()).isZero();
            assertThat(m.actors()).extracting(a -> a.name()).contains("Iran");
        });
        assertThat(ms).extracting(IncidentMention::mentionId).containsExactly("test-article#0", "test-article#1");
    }

    @Test
    void keepsImpactsAcrossOneTownAsOneIncident() {
        List<IncidentMention> ms = extract(article(
                "Seven rockets struck Baghdad on Tuesday night. Four fell inside the Green Zone and three landed near "
                        + "Medical City, wounding two guards.").published("2020-11-18"));
        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(m.location().name()).isEqualTo("Green Zone");
            assertThat(m.wounded()).isEqualTo(2);
        });
    }

    @Test
    void reportsAStrongIncidentRecalledInASincePhrase() {
        List<IncidentMention> ms = extract(article(
                "Mortars hit a police station in Kirkuk on Friday, wounding two officers, the worst violence in the "
                        + "city since a car bomb killed five people near the citadel in May.").published("2021-08-07"));
        assertThat(ms).hasSize(2);
        IncidentMention recalled = ms.stream().filter(m -> m.type() == IncidentType.IED_ATTACK).findFirst()
                .orElseThrow();
        assertThat(recalled.killed()).isEqualTo(5);
        assertThat(recalled.date()).isEqualTo("2021-05");
        assertThat(recalled.background()).isTrue();
        IncidentMention main = ms.stream().filter(m -> !m.background()).findFirst().orElseThrow();
        assertThat(main.wounded()).isEqualTo(2);
        assertThat(main.killed()).isNull();
    }

    @Test
    void ignoresAWeakTimeReferenceInASincePhrase() {
        assertThat(extract(article(
                "Rocket fire on bases has become frequent since a US attack killed General Qassem Soleimani.")))
                .isEmpty();
    }

    @Test
    void placesATruceWithoutPlaceInTheCountryOfTheViolenceWithoutCoordinates() {
        List<IncidentMention> ms = extract(article(
                "Rockets hit Erbil airport on Monday, wounding a contractor.",
                "The attack broke a truce that Iran-aligned groups had announced in October.")
                .published("2021-02-16"));
        IncidentMention truce = ms.stream().filter(m -> m.type() == IncidentType.TRUCE).findFirst().orElseThrow();
        assertThat(truce.location().name()).isEqualTo("Iraq");
        assertThat(truce.location().lat()).isNull();
        assertThat(truce.location().precision()).isEqualTo(3);
    }

    @Test
    void placesATruceWithoutPlaceInTheHomeCountryOfItsParties() {
        List<IncidentMention> ms = extract(article(
                "The Houthis announced a truce on Sunday, a spokesman for the group said.")
                .published("2022-04-04"));
        IncidentMention truce = ms.stream().filter(m -> m.type() == IncidentType.TRUCE).findFirst().orElseThrow();
        assertThat(truce.location().name()).isEqualTo("Yemen");
        assertThat(truce.location().country()).isEqualTo("Yemen");
    }

    @Test
    void placesATruceInItsPartiesHomeCountryRatherThanAnotherCountryItCovers() {
        List<IncidentMention> ms = extract(article(
                "The Houthis announced on Sunday that they were halting attacks on shipping in Egypt and Yemen.",
                "The group said it declared a truce for our brothers in Gaza.")
                .published("2022-04-04"));
        assertThat(ms).filteredOn(m -> m.type() == IncidentType.TRUCE).isNotEmpty()
                .allSatisfy(t -> assertThat(t.location().country()).isEqualTo("Yemen"));
    }

    @Test
    void joinsAHeadlineToTheBodyAndLetsTheBodyFigureWin() {
        List<IncidentMention> ms = extract(article(
                "Two killed as rockets hit Ain al-Asad base",
                "Rockets struck the Ain al-Asad air base on Sunday, killing three contractors, the coalition said.")
                .published("2021-03-08"));
        assertThat(ms).singleElement().satisfies(m -> {
            assertThat(m.killed()).isEqualTo(3);
            assertThat(m.date()).isEqualTo("2021-03-07");
        });
    }

    @Test
    void attachesAFigureWithoutTriggerToTheIncidentJustDescribed() {
        List<IncidentMention> ms = extract(article(
                "A roadside bomb struck a supply convoy near Nasiriyah on Tuesday.",
                "Two drivers were injured, a police officer said.",
                "In March, a similar device damaged a truck near Samawah.").published("2021-06-02"));
        assertThat(ms).hasSize(2);
        assertThat(ms.get(0).wounded()).isEqualTo(2);
        assertThat(ms.get(0).location().name()).isEqualTo("Nasiriyah");
        assertThat(ms.get(1).wounded()).isNull();
        assertThat(ms.get(1).location().name()).isEqualTo("Samawah");
        assertThat(ms.get(1).date()).isEqualTo("2021-03");
    }

    @Test
    void sendsThatAttackToTheIncidentJustDiscussed() {
        List<IncidentMention> ms = extract(article(
                "Rockets hit the Green Zone on Monday evening, causing no casualties.",
                "On Feb. 15, rockets struck Erbil airport, killing a contractor.",
                "The death toll from that attack rose to two on Monday.").published("2021-02-23"));
        IncidentMention erbil = ms.stream().filter(m -> m.location().name().equals("Erbil airport")).findFirst()
                .orElseThrow();
        assertThat(erbil.killed()).isEqualTo(2);
        IncidentMention main = ms.get(0);
        assertThat(main.killed()).isZero();
        assertThat(main.date()).isEqualTo("2021-02-22");
    }
}
