package io.incidentstreams.enrich.extract;

import io.incidentstreams.model.Location;
import java.util.List;
import java.util.Locale;

/**
 * One gazetteer entry.
 *
 * @param id        stable key from the data file
 * @param name      canonical name
 * @param kind      country, region, governorate, city, town, neighbourhood, zone, landmark, base or airport
 * @param city      town it lies in, if any
 * @param admin1    governorate or province
 * @param country   country name
 * @param lat       latitude, null when no single point is honest
 * @param lon       longitude
 * @param precision ACLED geo precision 1, 2 or 3
 * @param within    ids of containing places not implied by city, admin1 or country
 * @param aliases   other spellings
 * @param population inhabitants, 0 when unknown (hand-kept places)
 * @param imported  true for a place of the world gazetteer or a user import, false for the hand-kept overlay
 */
record Place(String id, String name, String kind, String city, String admin1, String country, Double lat, Double lon,
             int precision, List<String> within, List<String> aliases, long population, boolean imported) {

    /** A hand-kept place. */
    Place(String id, String name, String kind, String city, String admin1, String country, Double lat, Double lon,
          int precision, List<String> within, List<String> aliases) {
        this(id, name, kind, city, admin1, country, lat, lon, precision, within, aliases, 0, false);
    }

    /** Id prefix of a place the gazetteer lacks, named in the text and kept with its raw name. */
    static final String RAW = "raw:";

    /**
     * A place named in the text that the gazetteer lacks: it keeps its raw name and gets no coordinates, city or
     * country, so that no wrong guess is ever output. {@code kind} is read from the noun after the name.
     */
    static Place raw(String name, String kind) {
        return raw(name, Gazetteer.key(name), kind);
    }

    /** As {@link #raw(String, String)}, with the name's {@link Gazetteer#key} already known. */
    static Place raw(String name, String key, String kind) {
        return new Place(RAW + key, name, kind, null, null, null, null, null, 2, List.of(), List.of());
    }

    boolean unknown() {
        return id.startsWith(RAW);
    }

    /** How fine the place is: sites 4, towns 3, governorates 2, regions 1, countries 0. */
    int specificity() {
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "country":
                return 0;
            case "region":
                return 1;
            case "governorate":
            case "division":
                return 2;
            case "city":
            case "town":
            case "unknown-town":
                return 3;
            case "unknown-area":
                return 2;
            default:
                return 4;
        }
    }

    boolean isSite() {
        return specificity() == 4;
    }

    Location toLocation(int effectivePrecision) {
        if (unknown()) {
            return Location.unknown(name);
        }
        return new Location(name, city, admin1, country, lat, lon, effectivePrecision);
    }
}
