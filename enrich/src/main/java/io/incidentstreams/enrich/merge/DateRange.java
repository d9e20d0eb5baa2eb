package io.incidentstreams.enrich.merge;

import io.incidentstreams.model.DatePrecision;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * The span of days an incident date can stand for: one day, a whole month or a whole year.
 * Precision-aware comparisons of incident dates go through here.
 */
public record DateRange(LocalDate first, LocalDate last, DatePrecision precision) {

    /** Parses {@code YYYY-MM-DD}, {@code YYYY-MM} or {@code YYYY}; null for a null or unparseable date. */
    public static DateRange of(String date, DatePrecision precision) {
        if (date == null) {
            return null;
        }
        try {
            if (date.length() == 10) {
                LocalDate d = LocalDate.parse(date);
                return new DateRange(d, d, DatePrecision.DAY);
            }
            if (date.length() == 7) {
                YearMonth ym = YearMonth.parse(date);
                return new DateRange(ym.atDay(1), ym.atEndOfMonth(), DatePrecision.MONTH);
            }
            if (date.length() == 4) {
                int y = Integer.parseInt(date);
                return new DateRange(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), DatePrecision.YEAR);
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    /**
     * Index key part that sorts by time: a day as itself, a month as {@code YYYY-MM-00}, a year as
     * {@code YYYY-00-00}, so a range scan over days can also pick the coarser entries of that month or year.
     */
    public String indexKey() {
        return switch (precision) {
            case DAY -> first.toString();
            case MONTH -> first.toString().substring(0, 7) + "-00";
            case YEAR -> first.getYear() + "-00-00";
        };
    }

    /** Days from the end of {@code this} to the start of {@code other}; negative when they overlap. */
    public long gapDaysTo(DateRange other) {
        return ChronoUnit.DAYS.between(last, other.first);
    }

    public boolean overlaps(DateRange other) {
        return !first.isAfter(other.last) && !other.first.isAfter(last);
    }

    /** The smallest distance in days between any day of each range; 0 when they overlap. */
    public long distanceDays(DateRange other) {
        if (overlaps(other)) {
            return 0;
        }
        return last.isBefore(other.first) ? ChronoUnit.DAYS.between(last, other.first)
                : ChronoUnit.DAYS.between(other.last, first);
    }
}
