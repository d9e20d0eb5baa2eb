package io.incidentstreams.enrich.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The imported world gazetteer: countries, first-level divisions, cities and towns, read from tab-separated files in
 * the format of {@code geo/world-places.tsv.gz} (see {@code geo/README.md}), such as the built-in one derived from
 * GeoNames by {@code scripts/fetch-geodata.sh} and the user files that {@code incidents gazetteer import} writes.
 *
 * <p>Columns, by header name: {@code id, kind, name, country} (ISO 3166 alpha-2), {@code admin1code, admin1} (the
 * division's name, when known), {@code lat, lon, population, aliases} (separated by {@code |}) and {@code demonyms}
 * (countries only). A country's centroid is not kept as its point: a centroid would create false hotspots, as the
 * overlay's countries have none.
 *
 * @param places      countries first, then divisions, then cities and towns by falling population
 * @param demonyms    the country each lower-case demonym signals
 * @param commonNames names of imported places that are also common English words
 * @param everyday    everyday English words
 */
record WorldPlaces(List<Place> places, Map<String, Place> demonyms, Set<String> commonNames, Set<String> everyday) {

    static final WorldPlaces EMPTY = new WorldPlaces(List.of(), Map.of(), Set.of(), Set.of());

    static final String BUILT_IN = "/geo/world-places.tsv.gz";

    private static final class BuiltIn {
        static final WorldPlaces INSTANCE = load(List.of());
    }

    /** The built-in world gazetteer, loaded once. */
    static WorldPlaces builtIn() {
        return BuiltIn.INSTANCE;
    }

    /** The built-in world gazetteer with the places of user files (same format, gzipped or not) added. */
    static WorldPlaces load(List<Path> userFiles) {
        Map<String, String> countryNames = new HashMap<>();
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = WorldPlaces.class.getResourceAsStream(BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("built-in world gazetteer missing from the classpath: " + BUILT_IN);
            }
            readRows(new GZIPInputStream(in), BUILT_IN, rows);
            for (Path p : userFiles) {
                try (InputStream u = Files.newInputStream(p)) {
                    readRows(p.toString().endsWith(".gz") ? new GZIPInputStream(u) : u, p.toString(), rows);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the world gazetteer: " + e.getMessage(), e);
        }
        for (String[] r : rows) {
            if (r[1].equals("country")) {
                countryNames.putIfAbsent(r[3], r[2]);
            }
        }
        List<Place> countries = new ArrayList<>();
        List<Place> divisions = new ArrayList<>();
        List<Place> towns = new ArrayList<>();
        Map<String, Place> demonyms = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (String[] r : rows) {
            if (!ids.add(r[0])) {
                continue; // a user file may repeat a built-in place: the first one read is kept
            }
            String country = countryNames.getOrDefault(r[3], r[3].isEmpty() ? null : r[3]);
            List<String> aliases = Gazetteer.splitList(r[9]);
            long population = r[8].isEmpty() ? 0 : Long.parseLong(r[8]);
            String admin1 = r[5].isEmpty() ? null : r[5];
            switch (r[1]) {
                case "country" -> {
                    Place p = new Place(r[0], r[2], "country", null, null, r[2], null, null, 3, List.of(), aliases,
                            population, true);
                    countries.add(p);
                    for (String d : Gazetteer.splitList(r[10])) {
                        demonyms.put(Gazetteer.key(d), p);
                    }
                }
                case "division" -> {
                    List<String> all = new ArrayList<>(aliases);
                    for (String n : withAliases(r[2], aliases)) {
                        for (String noun : DIVISION_NOUNS) {
                            all.add(n + " " + noun);
                        }
                        all.add("province of " + n);
                    }
                    divisions.add(new Place(r[0], r[2], "division", null, r[2], country, null, null, 3, List.of(),
                            List.copyOf(new LinkedHashSet<>(all)), population, true));
                }
                default -> towns.add(new Place(r[0], r[2], r[1].equals("city") ? "city" : "town", r[2], admin1,
                        country, Gazetteer.parseCoordinate(r[6], 90), Gazetteer.parseCoordinate(r[7], 180), 1, List.of(), aliases, population,
                        true));
            }
        }
        towns.sort(Comparator.comparingLong(Place::population).reversed());
        List<Place> all = new ArrayList<>(countries.size() + divisions.size() + towns.size());
        all.addAll(countries);
        all.addAll(divisions);
        all.addAll(towns);
        return new WorldPlaces(all, demonyms, words("/geo/common-words.txt"), words("/geo/english-words.txt"));
    }

    private static final List<String> DIVISION_NOUNS = List.of("province", "state", "region", "governorate");

    private static List<String> withAliases(String name, List<String> aliases) {
        List<String> out = new ArrayList<>(aliases.size() + 1);
        out.add(name);
        out.addAll(aliases);
        return out;
    }

    private static final List<String> COLUMNS = List.of("id", "kind", "name", "country", "admin1code", "admin1", "lat",
            "lon", "population", "aliases", "demonyms");

    private static void readRows(InputStream in, String source, List<String[]> rows) throws IOException {
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        int[] at = null;
        String line;
        int lineNo = 0;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (at == null) {
                at = new int[COLUMNS.size()];
                List<String> header = Arrays.asList(cells);
                for (int k = 0; k < COLUMNS.size(); k++) {
                    at[k] = header.indexOf(COLUMNS.get(k));
                }
                if (at[0] < 0 || at[1] < 0 || at[2] < 0) {
                    throw new IllegalArgumentException(source + ": header needs id, kind and name columns");
                }
                continue;
            }
            String[] row = new String[COLUMNS.size()];
            for (int k = 0; k < row.length; k++) {
                row[k] = at[k] >= 0 && at[k] < cells.length ? cells[at[k]].trim() : "";
            }
            if (row[0].isEmpty() || row[2].isEmpty()) {
                throw new IllegalArgumentException(source + " line " + lineNo + ": missing id or name");
            }
            rows.add(row);
        }
    }

    private static Set<String> words(String resource) {
        Set<String> out = new HashSet<>();
        try (InputStream in = WorldPlaces.class.getResourceAsStream(resource)) {
            if (in == null) {
                return out;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
