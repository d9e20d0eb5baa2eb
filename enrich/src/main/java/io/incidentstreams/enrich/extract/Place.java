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
 */
record Place(String id, String name, String kind, String city, String admin1, String country, Double lat, Double lon,
             int precision, List<String> within, List<String> aliases) {

    /** How fine the place is: sites 4, towns 3, governorates 2, regions 1, countries 0. */
    int specificity() {
        switch (kind.toLowerCase(Locale.ROOT)) {
            case "country":
                return 0;
            case "region":
                return 1;
            case "governorate":
                return 2;
            case "city":
            case "town":
                return 3;
            default:
                return 4;
        }
    }

    boolean isSite() {
        return specificity() == 4;
    }

    Location toLocation(int effectivePrecision) {
        return new Location(name, city, admin1, country, lat, lon, effectivePrecision);
    }
}
