package io.incidentstreams.model;

/**
 * Where an incident happened.
 *
 * @param name      the place as named in the text (kept even when it is not in the gazetteer)
 * @param city      the town or city it lies in, if known
 * @param admin1    the governorate / province, if known
 * @param country   country name, if known
 * @param lat       latitude, null when the place is unknown: never a guess
 * @param lon       longitude, null when the place is unknown
 * @param precision ACLED geo precision: 1 exact town or site, 2 near a town or part of a region, 3 region only
 */
public record Location(String name, String city, String admin1, String country, Double lat, Double lon,
                       Integer precision) {

    public static Location unknown(String rawName) {
        return new Location(rawName, null, null, null, null, null, null);
    }

    public boolean hasCoordinates() {
        return lat != null && lon != null;
    }
}
