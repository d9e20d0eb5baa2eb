package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.model.DatePrecision;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DateFinderTest {

    private static final DateFinder DATES = Rules.builtIn().dates;
    /** A Tuesday. */
    private static final LocalDate TUESDAY = LocalDate.of(2020, 11, 17);

    private static List<DateFinder.Expr> find(String s, LocalDate anchor) {
        return DATES.find(s, 0, s.length(), anchor);
    }

    private static DateFinder.Expr only(String s, LocalDate anchor) {
        List<DateFinder.Expr> all = find(s, anchor);
        assertThat(all).as("dates in: " + s).hasSize(1);
        return all.get(0);
    }

    private static String resolved(String s, LocalDate anchor) {
        PartialDate v = only(s, anchor).value();
        return v == null ? null : v.format();
    }

    @Test
    void resolvesWeekdayToThePastOccurrence() {
        assertThat(resolved("Rockets hit the base on Sunday.", TUESDAY)).isEqualTo("2020-11-15");
        assertThat(resolved("The convoy was struck late Friday night.", TUESDAY)).isEqualTo("2020-11-13");
    }

    @Test
    void treatsTheAnchorsOwnWeekdayAsThatDay() {
        assertThat(resolved("A drone struck early Tuesday.", TUESDAY)).isEqualTo("2020-11-17");
        assertThat(resolved("Wednesday's attack killed three.", LocalDate.of(2020, 3, 11))).isEqualTo("2020-03-11");
    }

    @Test
    void readsLastWeekdayAsStrictlyBeforeTheAnchor() {
        assertThat(resolved("It happened last Tuesday.", TUESDAY)).isEqualTo("2020-11-10");
    }

    @Test
    void resolvesTodayYesterdayAndLastNight() {
        assertThat(resolved("Rockets struck the capital today.", TUESDAY)).isEqualTo("2020-11-17");
        assertThat(resolved("Mortars fell tonight near the gate.", TUESDAY)).isEqualTo("2020-11-17");
        assertThat(resolved("A bomb went off yesterday.", TUESDAY)).isEqualTo("2020-11-16");
        assertThat(resolved("Sirens wailed last night.", TUESDAY)).isEqualTo("2020-11-16");
    }

    @Test
    void readsMonthAndDayWithAClockTimeAndLocalZone() {
        DateFinder.Expr e = only("A projectile exploded by the airport fence, Feb. 3 at 10:20 p.m (local time).",
                LocalDate.of(2020, 2, 4));
        assertThat(e.value().format()).isEqualTo("2020-02-03");
        assertThat(e.value().precision()).isEqualTo(DatePrecision.DAY);
        assertThat(e.zone()).isEqualTo(DateFinder.Zone.LOCAL);
    }

    @Test
    void marksAForeignOutletsClockAsForeign() {
        DateFinder.Expr e = only("The drones were launched early Friday (Pakistan time).", LocalDate.of(2020, 1, 10));
        assertThat(e.zone()).isEqualTo(DateFinder.Zone.FOREIGN);
        assertThat(only("They hit on Wednesday, GMT.", LocalDate.of(2020, 1, 9)).zone())
                .isEqualTo(DateFinder.Zone.FOREIGN);
    }

    @Test
    void readsANamedDayAsItsDateInTheMostRecentPast() {
        assertThat(resolved("Three soldiers were hurt in a drone attack on Christmas Day.", LocalDate.of(2023, 12, 27)))
                .isEqualTo("2023-12-25");
        assertThat(resolved("Gunmen opened fire at a party on New Year\u2019s Eve.", LocalDate.of(2024, 1, 2)))
                .isEqualTo("2023-12-31");
        assertThat(resolved("The blasts on Easter Sunday hit three churches.", LocalDate.of(2019, 4, 23)))
                .isEqualTo("2019-04-21");
        assertThat(resolved("A market was shelled on Good Friday.", LocalDate.of(2024, 3, 30))).isEqualTo("2024-03-29");
    }

    @Test
    void readsANamedDayWithItsOwnYearAndNotItsWeekdayAlone() {
        assertThat(resolved("The Easter Sunday 2019 bombings killed hundreds.", LocalDate.of(2021, 6, 1)))
                .isEqualTo("2019-04-21");
        assertThat(find("Churches were attacked on Easter Sunday.", LocalDate.of(2019, 4, 23)))
                .extracting(DateFinder.Expr::text).containsExactly("Easter Sunday");
    }

    @Test
    void keepsANamedDayAfterSinceOrNextOutOfTheIncidentsDate() {
        assertThat(only("Attacks have doubled since Christmas Day.", LocalDate.of(2024, 1, 20)).usable()).isFalse();
        assertThat(only("Talks resume next Christmas Eve.", LocalDate.of(2024, 1, 20)).usable()).isFalse();
        assertThat(find("A Christmas market was closed after the threat.", LocalDate.of(2024, 12, 10))).isEmpty();
    }

    @Test
    void computesEasterSundayForAnyYear() {
        assertThat(DateFinder.easterSunday(2019)).isEqualTo(LocalDate.of(2019, 4, 21));
        assertThat(DateFinder.easterSunday(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(DateFinder.easterSunday(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
    }

    @Test
    void putsAMonthDayWithoutYearInTheMostRecentPast() {
        assertThat(resolved("On Dec. 27, rockets struck the K-1 base.", LocalDate.of(2020, 3, 12)))
                .isEqualTo("2019-12-27");
        assertThat(resolved("The attack on 3 March killed one.", LocalDate.of(2021, 3, 4))).isEqualTo("2021-03-03");
    }

    @Test
    void putsAMonthInThePreviousYearWhenItIsStillToComeThisYear() {
        DateFinder.Expr e = only("In December, a rocket attack killed a contractor.", LocalDate.of(2020, 3, 11));
        assertThat(e.value().format()).isEqualTo("2019-12");
        assertThat(e.value().precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(resolved("the truce announced in October", TUESDAY)).isEqualTo("2020-10");
    }

    @Test
    void readsMidEarlyAndLateMonthAsMonthPrecision() {
        assertThat(resolved("In mid-October, the factions said they would halt attacks.", TUESDAY))
                .isEqualTo("2020-10");
        assertThat(resolved("clashes in late September", TUESDAY)).isEqualTo("2020-09");
    }

    @Test
    void keepsAStatedYear() {
        assertThat(resolved("In October 2016, a helicopter flew over Nineveh.", TUESDAY)).isEqualTo("2016-10");
        assertThat(resolved("the bombing in January 2018", null)).isEqualTo("2018-01");
        assertThat(resolved("Feb 16, 2020", null)).isEqualTo("2020-02-16");
        assertThat(resolved("It collapsed in 2017.", null)).isEqualTo("2017");
    }

    @Test
    void coversLastWeekWithTheCoarsestPrecisionThatStaysTrue() {
        // the 13 days before 2020-06-20 all lie in June
        DateFinder.Expr june = only("A bomb hit a convoy last week.", LocalDate.of(2020, 6, 20));
        assertThat(june.value().format()).isEqualTo("2020-06");
        assertThat(june.value().precision()).isEqualTo(DatePrecision.MONTH);
        // the 13 days before 2020-06-05 span May and June: only the year is certain
        assertThat(resolved("A bomb hit a convoy last week.", LocalDate.of(2020, 6, 5))).isEqualTo("2020");
        // across a new year nothing is certain
        assertThat(resolved("A bomb hit a convoy last week.", LocalDate.of(2020, 1, 3))).isNull();
    }

    @Test
    void readsEarlierThisYearAsTheYear() {
        DateFinder.Expr e = only("the defence system installed earlier this year", TUESDAY);
        assertThat(e.value().format()).isEqualTo("2020");
        assertThat(e.value().precision()).isEqualTo(DatePrecision.YEAR);
        assertThat(resolved("late last year", TUESDAY)).isEqualTo("2019");
        assertThat(resolved("last month", TUESDAY)).isEqualTo("2020-10");
    }

    @Test
    void leavesRelativeDatesUnresolvedWithoutAnAnchor() {
        DateFinder.Expr monday = only("rockets were launched on Monday", null);
        assertThat(monday.value().resolved()).isFalse();
        assertThat(monday.value().format()).isNull();
        assertThat(monday.value().weekday()).isEqualTo(java.time.DayOfWeek.MONDAY);
        assertThat(only("the vote is due next Monday", null).value()).isNull();
        assertThat(only("it happened yesterday", null).value()).isNull();
        DateFinder.Expr month = only("In September, the factions declared a truce.", null);
        assertThat(month.value().resolved()).isFalse();
        assertThat(month.value().format()).isNull();
        assertThat(month.value().month()).isEqualTo(9);
    }

    @Test
    void readsOffsetsToAnotherEvent() {
        DateFinder.Expr e = only("The blast came a day after militants shelled the town.", TUESDAY);
        assertThat(e.kind()).isEqualTo(DateFinder.Kind.OFFSET_TO_EVENT);
        assertThat(e.amount()).isEqualTo(-1);
        DateFinder.Expr week = only("It came one week after a similar attack.", TUESDAY);
        assertThat(week.amount()).isEqualTo(-1);
        assertThat(week.unit()).isEqualTo(java.time.temporal.ChronoUnit.WEEKS);
        DateFinder.Expr six = only("six days after US jets bombed the crossing", TUESDAY);
        assertThat(six.amount()).isEqualTo(-6);
    }

    @Test
    void readsContextRelativeExpressions() {
        DateFinder.Expr next = only("The truce collapsed the following month.", null);
        assertThat(next.kind()).isEqualTo(DateFinder.Kind.RELATIVE_TO_CONTEXT);
        assertThat(next.amount()).isEqualTo(1);
        DateFinder.Expr earlier = only("a rocket attack a week earlier on Erbil", null);
        assertThat(earlier.kind()).isEqualTo(DateFinder.Kind.RELATIVE_TO_CONTEXT);
        assertThat(earlier.amount()).isEqualTo(-1);
    }

    @Test
    void excludesSinceUntilAndFutureExpressions() {
        assertThat(only("quiet since October", TUESDAY).usable()).isFalse();
        assertThat(only("troops will leave by January", TUESDAY).usable()).isFalse();
        assertThat(only("talks resume next Monday", TUESDAY).usable()).isFalse();
        assertThat(only("a vote next week", TUESDAY).usable()).isFalse();
    }

    @Test
    void ignoresTheVerbMayAndTheVerbMarch() {
        assertThat(find("Officials may respond; protesters march on the ministry.", TUESDAY)).isEmpty();
        assertThat(resolved("It began in May.", TUESDAY)).isEqualTo("2020-05");
    }

    @Test
    void rejectsImpossibleDates() {
        assertThat(find("on Feb. 31, 2020", null)).isEmpty();
    }

    @Test
    void shiftsPartialDatesConservatively() {
        PartialDate day = PartialDate.ofDay(LocalDate.of(2021, 2, 22));
        assertThat(day.shift(-1, java.time.temporal.ChronoUnit.WEEKS).format()).isEqualTo("2021-02-15");
        PartialDate october = PartialDate.ofMonth(2020, 10);
        assertThat(october.shift(1, java.time.temporal.ChronoUnit.MONTHS).format()).isEqualTo("2020-11");
        // a month shifted by days may fall in either of two months: only the year stays certain
        assertThat(october.shift(-7, java.time.temporal.ChronoUnit.DAYS).format()).isEqualTo("2020");
    }
}
