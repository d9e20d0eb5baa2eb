package io.incidentstreams.enrich.extract;

import io.incidentstreams.model.DatePrecision;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * A date known to day, month or year precision, possibly without a year ("in October" on an undated page).
 *
 * <p>Only a date with a year is output; a year-less one is still kept so that two incidents in different months of
 * an undated article are not merged. A weekday alone ("on Monday" on an undated page) is kept the same way, and goes
 * out as the mention's weekday so that the merge step can tell which dated report it may be.
 *
 * @param weekday the weekday the text named, when nothing else is known of the date; null otherwise
 */
record PartialDate(Integer year, Integer month, Integer day, DatePrecision precision, DayOfWeek weekday) {

    PartialDate(Integer year, Integer month, Integer day, DatePrecision precision) {
        this(year, month, day, precision, null);
    }

    /** A day known only by its weekday. */
    static PartialDate ofWeekday(DayOfWeek weekday) {
        return new PartialDate(null, null, null, DatePrecision.DAY, weekday);
    }

    static PartialDate ofDay(LocalDate d) {
        return new PartialDate(d.getYear(), d.getMonthValue(), d.getDayOfMonth(), DatePrecision.DAY);
    }

    static PartialDate ofMonth(int year, int month) {
        return new PartialDate(year, month, null, DatePrecision.MONTH);
    }

    static PartialDate ofYear(int year) {
        return new PartialDate(year, null, null, DatePrecision.YEAR);
    }

    /** The coarsest date that contains every day of {@code [lo, hi]}; null when the range spans two years. */
    static PartialDate covering(LocalDate lo, LocalDate hi) {
        if (lo.equals(hi)) {
            return ofDay(lo);
        }
        if (lo.getYear() != hi.getYear()) {
            return null;
        }
        if (lo.getMonthValue() == hi.getMonthValue()) {
            return ofMonth(lo.getYear(), lo.getMonthValue());
        }
        return ofYear(lo.getYear());
    }

    boolean resolved() {
        return year != null;
    }

    /** First day of the period; only for resolved dates. */
    LocalDate lo() {
        switch (precision) {
            case DAY:
                return LocalDate.of(year, month, day);
            case MONTH:
                return LocalDate.of(year, month, 1);
            default:
                return LocalDate.of(year, 1, 1);
        }
    }

    /** Last day of the period; only for resolved dates. */
    LocalDate hi() {
        switch (precision) {
            case DAY:
                return LocalDate.of(year, month, day);
            case MONTH:
                return YearMonth.of(year, month).atEndOfMonth();
            default:
                return LocalDate.of(year, 12, 31);
        }
    }

    /** Shifts by a signed amount of a unit; the result is as coarse as needed to stay true. */
    PartialDate shift(long amount, ChronoUnit unit) {
        if (!resolved()) {
            if (month != null && unit == ChronoUnit.MONTHS) {
                int m = Math.floorMod(month - 1 + (int) amount, 12) + 1;
                return new PartialDate(null, m, null, DatePrecision.MONTH);
            }
            return null;
        }
        LocalDate l = lo().plus(amount, unit);
        LocalDate h = hi().plus(amount, unit);
        if (unit == ChronoUnit.MONTHS && precision == DatePrecision.MONTH) {
            return ofMonth(l.getYear(), l.getMonthValue());
        }
        if (unit == ChronoUnit.YEARS && precision == DatePrecision.YEAR) {
            return ofYear(l.getYear());
        }
        return covering(l, h);
    }

    /** True if the two dates can denote the same day, allowing {@code slackDays} either way. */
    boolean compatible(PartialDate other, int slackDays) {
        if (other == null) {
            return true;
        }
        if (resolved() && other.resolved()) {
            return !lo().minusDays(slackDays).isAfter(other.hi()) && !other.lo().minusDays(slackDays).isAfter(hi());
        }
        if (weekday != null || other.weekday != null) {
            return weekdayFits(other, slackDays) && other.weekdayFits(this, slackDays);
        }
        if (month != null && other.month != null && !month.equals(other.month)) {
            return false;
        }
        return day == null || other.day == null || day.equals(other.day);
    }

    /** This one's weekday, if it has one, can be the other's day, give or take {@code slackDays}. */
    private boolean weekdayFits(PartialDate other, int slackDays) {
        DayOfWeek w = other.weekday != null ? other.weekday
                : other.resolved() && other.precision == DatePrecision.DAY ? other.lo().getDayOfWeek() : null;
        if (weekday == null || w == null) {
            return true;
        }
        long apart = Math.floorMod(weekday.getValue() - w.getValue(), 7);
        return Math.min(apart, 7 - apart) <= slackDays;
    }

    /** {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}; null when the year is unknown. */
    String format() {
        if (!resolved()) {
            return null;
        }
        StringBuilder b = new StringBuilder(10);
        pad(b, year, 4);
        if (precision != DatePrecision.YEAR) {
            pad(b.append('-'), month, 2);
            if (precision == DatePrecision.DAY) {
                pad(b.append('-'), day, 2);
            }
        }
        return b.toString();
    }

    private static void pad(StringBuilder b, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            b.append('0');
        }
        b.append(s);
    }

    @Override
    public String toString() {
        if (weekday != null && !resolved()) {
            return "--" + weekday;
        }
        return resolved() ? format() : "--" + (month == null ? "" : twoDigits(month))
                + (day == null ? "" : "-" + twoDigits(day));
    }

    /** As {@code String.format("%02d", v)}, without parsing a format on every call. */
    private static String twoDigits(int v) {
        return v >= 0 && v < 10 ? "0" + v : Integer.toString(v);
    }
}
