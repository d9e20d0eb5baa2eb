package io.incidentstreams.sink.http;

import io.incidentstreams.model.Actor;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The filters and page of {@code GET /incidents}, parsed and checked. Every filter given must match.
 *
 * @param from   incidents whose date span ends on or after this day; undated incidents never match
 * @param to     incidents whose date span starts on or before this day
 * @param types  one of these types
 * @param place  a case-insensitive part of the location's name, city, province or country
 * @param actor  a case-insensitive part of an actor's name
 * @param bbox   coordinates inside this box; incidents without coordinates never match
 * @param limit  largest page
 * @param after  the sort key the page starts after (from a cursor), or null for the first page
 */
public record IncidentQuery(LocalDate from, LocalDate to, Set<IncidentType> types, String place, String actor,
                            BoundingBox bbox, int limit, SortKey after) {
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    static final Set<String> PARAMETERS = Set.of("from", "to", "type", "place", "actor", "bbox", "limit", "cursor");

    /** minLon,minLat,maxLon,maxLat in degrees (WGS84). A box across the antimeridian is not supported. */
    public record BoundingBox(double minLon, double minLat, double maxLon, double maxLat) {
        boolean contains(Location l) {
            return l != null && l.hasCoordinates() && l.lon() >= minLon && l.lon() <= maxLon
                    && l.lat() >= minLat && l.lat() <= maxLat;
        }
    }

    /** Where an incident sorts: by date (undated last), then by id. Month and year dates sort before their days. */
    public record SortKey(String date, String id) implements Comparable<SortKey> {
        static final String UNDATED = "~";

        static SortKey of(Incident i) {
            return new SortKey(i.date() == null ? UNDATED : i.date(), i.id());
        }

        @Override
        public int compareTo(SortKey o) {
            int c = date.compareTo(o.date);
            return c != 0 ? c : id.compareTo(o.id);
        }

        String cursor() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString((date + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static SortKey ofCursor(String cursor) {
            try {
                String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                int bar = s.indexOf('|');
                if (bar < 1 || bar == s.length() - 1) {
                    throw new IllegalArgumentException();
                }
                return new SortKey(s.substring(0, bar), s.substring(bar + 1));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("cursor", "cursor '" + cursor + "' is not one this API gave out");
            }
        }
    }

    /**
     * Parses query parameters.
     *
     * @throws BadRequestException naming the parameter and what is wrong with it
     */
    public static IncidentQuery parse(Map<String, List<String>> params) {
        for (var e : params.entrySet()) {
            if (!PARAMETERS.contains(e.getKey())) {
                throw new BadRequestException(e.getKey(), "unknown parameter '" + e.getKey() + "'; known: "
                        + PARAMETERS.stream().sorted().collect(Collectors.joining(", ")));
            }
            if (e.getValue().size() > 1) {
                throw new BadRequestException(e.getKey(), "parameter '" + e.getKey() + "' given more than once");
            }
        }
        LocalDate from = date(params, "from", true);
        LocalDate to = date(params, "to", false);
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestException("from", "from " + from + " is after to " + to);
        }
        return new IncidentQuery(from, to, types(one(params, "type")), text(params, "place"), text(params, "actor"),
                bbox(one(params, "bbox")), limit(one(params, "limit")),
                one(params, "cursor") == null ? null : SortKey.ofCursor(one(params, "cursor")));
    }

    public boolean matches(Incident i) {
        if (types != null && !types.contains(i.type())) {
            return false;
        }
        if ((from != null || to != null) && !datesOverlap(i)) {
            return false;
        }
        if (bbox != null && !bbox.contains(i.location())) {
            return false;
        }
        if (place != null && !placeMatches(i.location())) {
            return false;
        }
        return actor == null || (i.actors() != null && i.actors().stream().map(Actor::name)
                .anyMatch(n -> n != null && n.toLowerCase(Locale.ROOT).contains(actor)));
    }

    private boolean datesOverlap(Incident i) {
        LocalDate[] span = span(i.date(), i.datePrecision());
        if (span == null) {
            return false;
        }
        return (from == null || !span[1].isBefore(from)) && (to == null || !span[0].isAfter(to));
    }

    /** The first and last day a date of the given precision covers; null when undated or unreadable. */
    static LocalDate[] span(String date, DatePrecision precision) {
        if (date == null) {
            return null;
        }
        try {
            if (date.length() == 4) {
                int year = Integer.parseInt(date);
                return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
            }
            if (date.length() == 7) {
                YearMonth ym = YearMonth.parse(date);
                return new LocalDate[] {ym.atDay(1), ym.atEndOfMonth()};
            }
            LocalDate d = LocalDate.parse(date);
            return new LocalDate[] {d, d};
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private boolean placeMatches(Location l) {
        if (l == null) {
            return false;
        }
        for (String s : new String[] {l.name(), l.city(), l.admin1(), l.country()}) {
            if (s != null && s.toLowerCase(Locale.ROOT).contains(place)) {
                return true;
            }
        }
        return false;
    }

    private static String one(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String text(Map<String, List<String>> params, String name) {
        String v = one(params, name);
        if (v == null) {
            return null;
        }
        if (v.isBlank()) {
            throw new BadRequestException(name, "parameter '" + name + "' is empty");
        }
        return v.trim().toLowerCase(Locale.ROOT);
    }

    /** YYYY-MM-DD, or YYYY-MM / YYYY: the span's first day for {@code from}, its last day for {@code to}. */
    private static LocalDate date(Map<String, List<String>> params, String name, boolean start) {
        String v = one(params, name);
        if (v == null) {
            return null;
        }
        LocalDate[] span = v.matches("\\d{4}(-\\d{2}(-\\d{2})?)?") ? span(v.trim(), null) : null;
        if (span == null) {
            throw new BadRequestException(name, "parameter '" + name + "' must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not '" + v + "'");
        }
        return start ? span[0] : span[1];
    }

    private static Set<IncidentType> types(String v) {
        if (v == null) {
            return null;
        }
        Set<IncidentType> types = EnumSet.noneOf(IncidentType.class);
        for (String code : v.split(",")) {
            try {
                types.add(IncidentType.fromCode(code.trim()));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("type", "unknown type '" + code.trim() + "'; known: "
                        + EnumSet.allOf(IncidentType.class).stream().map(IncidentType::code).collect(Collectors.joining(", ")));
            }
        }
        return types;
    }

    private static BoundingBox bbox(String v) {
        if (v == null) {
            return null;
        }
        String[] parts = v.split(",");
        String usage = "bbox must be minLon,minLat,maxLon,maxLat in degrees, not '" + v + "'";
        if (parts.length != 4) {
            throw new BadRequestException("bbox", usage);
        }
        double[] n = new double[4];
        for (int k = 0; k < 4; k++) {
            try {
                n[k] = Double.parseDouble(parts[k].trim());
            } catch (NumberFormatException e) {
                throw new BadRequestException("bbox", usage);
            }
            if (!Double.isFinite(n[k])) {
                throw new BadRequestException("bbox", usage);
            }
        }
        if (n[0] < -180 || n[2] > 180 || n[1] < -90 || n[3] > 90) {
            throw new BadRequestException("bbox", "bbox longitudes must lie in [-180, 180] and latitudes in [-90, 90]: '" + v + "'");
        }
        if (n[0] > n[2] || n[1] > n[3]) {
            throw new BadRequestException("bbox", "bbox minimum exceeds its maximum (minLon,minLat,maxLon,maxLat): '" + v + "'");
        }
        return new BoundingBox(n[0], n[1], n[2], n[3]);
    }

    private static int limit(String v) {
        if (v == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(v.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new BadRequestException("limit", "limit must be a whole number from 1 to " + MAX_LIMIT + ", not '" + v + "'");
    }
}
