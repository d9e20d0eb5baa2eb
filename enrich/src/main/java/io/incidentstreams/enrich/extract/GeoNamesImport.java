package io.incidentstreams.enrich.extract;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Converts standard GeoNames dump files into a user gazetteer file in the format of {@link WorldPlaces}, which the
 * extractor loads in addition to the built-in world gazetteer ({@code gazetteer.files}).
 *
 * <p>Each input is recognised by its rows: {@code admin1CodesASCII.txt} (4 columns: {@code CC.code}, name, ASCII
 * name, geonameid), {@code countryInfo.txt} (19 columns starting with an ISO code) and the geoname table of
 * {@code allCountries.txt}, {@code cities500.txt}, {@code cities15000.txt} or a country file such as {@code NG.txt}
 * (19 columns starting with a geonameid). Plain, gzipped or zipped (the first {@code .txt} entry) files are read.
 * Of the geoname table only populated places (feature class P, not historical, abandoned, destroyed or a section of
 * a town) at or above the minimum population are kept, with their Latin-script alternate names.
 */
public final class GeoNamesImport {

    /** What was read and written. */
    public record Result(int countries, int divisions, int places, int skipped) {
    }

    private static final Set<String> SKIP_CODES = Set.of("PPLH", "PPLQ", "PPLW", "PPLX", "PPLCH", "PPLR", "PPLF");
    private static final Pattern SANE = Pattern.compile("[A-Z][A-Za-z' .\\-]{1,38}[A-Za-z.]");
    private static final int MAX_ALIASES = 8;

    private GeoNamesImport() {
    }

    /**
     * Reads {@code inputs} and writes the gazetteer file {@code out} (gzipped when its name ends in {@code .gz}).
     *
     * @throws IllegalArgumentException if an input is in none of the formats above
     */
    public static Result convert(List<Path> inputs, Path out, long minPopulation) throws IOException {
        Map<String, String> admin1Names = new HashMap<>();
        List<String[]> countries = new ArrayList<>();
        List<String[]> admin1 = new ArrayList<>();
        List<Path> tables = new ArrayList<>();
        for (Path p : inputs) {
            switch (kind(p)) {
                case ADMIN1 -> read(p, c -> {
                    admin1.add(c);
                    admin1Names.put(c[0], latinOr(c[2], c[1]));
                });
                case COUNTRY_INFO -> read(p, countries::add);
                case GEONAMES -> tables.add(p);
                default -> throw new IllegalArgumentException(p + ": not a GeoNames admin1 codes, country info or"
                        + " geoname table file");
            }
        }
        int[] counts = new int[4];
        OutputStream os = Files.newOutputStream(out);
        if (out.getFileName().toString().endsWith(".gz")) {
            os = new GZIPOutputStream(os);
        }
        try (Writer w = new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("# User gazetteer written by `incidents gazetteer import` from GeoNames data (CC BY 4.0,"
                    + " https://www.geonames.org).\n");
            w.write("id\tkind\tname\tcountry\tadmin1code\tadmin1\tlat\tlon\tpopulation\taliases\tdemonyms\n");
            for (String[] c : countries) {
                if (c.length < 8 || !c[0].matches("[A-Z]{2}")) {
                    continue;
                }
                row(w, c[0].toLowerCase(Locale.ROOT), "country", c[4], c[0], "", "", "", "", c[7], "", "");
                counts[0]++;
            }
            for (String[] c : admin1) {
                int dot = c[0].indexOf('.');
                if (dot != 2) {
                    continue;
                }
                String name = admin1Names.get(c[0]);
                row(w, "adm1gn:" + c[0].toLowerCase(Locale.ROOT), "division", name, c[0].substring(0, 2),
                        c[0].substring(3), name, "", "", "", "", "");
                counts[1]++;
            }
            for (Path p : tables) {
                read(p, c -> {
                    if (c.length < 15 || !"P".equals(c[6]) || SKIP_CODES.contains(c[7])) {
                        counts[3]++;
                        return;
                    }
                    long population = c[14].isBlank() ? 0 : Long.parseLong(c[14].trim());
                    if (population < minPopulation) {
                        counts[3]++;
                        return;
                    }
                    String name = latinOr(c[2], c[1]);
                    Set<String> seen = new LinkedHashSet<>();
                    seen.add(Gazetteer.key(name));
                    List<String> aliases = new ArrayList<>();
                    List<String> candidates = new ArrayList<>();
                    candidates.add(c[1]);
                    for (String a : c[3].split(",")) {
                        candidates.add(a);
                    }
                    for (String a : candidates) {
                        String l = latin(a);
                        if (l == null || aliases.size() >= MAX_ALIASES || l.length() <= 4 && l.equals(
                                l.toUpperCase(Locale.ROOT)) || !seen.add(Gazetteer.key(l))) {
                            continue;
                        }
                        aliases.add(l);
                    }
                    String kind = population >= 100_000 || c[7].equals("PPLC") || c[7].equals("PPLA") ? "city"
                            : "town";
                    String code = c[8] + "." + c[10];
                    try {
                        row(w, "gn:" + c[0], kind, name, c[8], c[10], admin1Names.getOrDefault(code, ""), c[4],
                                c[5], Long.toString(population), String.join("|", aliases), "");
                    } catch (IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    counts[2]++;
                });
            }
        }
        return new Result(counts[0], counts[1], counts[2], counts[3]);
    }

    private enum Kind { ADMIN1, COUNTRY_INFO, GEONAMES, UNKNOWN }

    /** The format of a file, from its first data row. */
    static Kind kindOfRow(String[] c) {
        if (c.length == 4 && c[0].matches("[A-Z]{2}\\.[A-Za-z0-9]+")) {
            return Kind.ADMIN1;
        }
        if (c.length >= 17 && c[0].matches("[A-Z]{2}") && c[1].matches("[A-Z]{3}")) {
            return Kind.COUNTRY_INFO;
        }
        if (c.length >= 15 && c[0].matches("\\d+") && c[4].matches("-?[0-9.]+") && c[5].matches("-?[0-9.]+")) {
            return Kind.GEONAMES;
        }
        return Kind.UNKNOWN;
    }

    private static Kind kind(Path p) throws IOException {
        try (BufferedReader r = open(p)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    return kindOfRow(line.split("\t", -1));
                }
            }
        }
        return Kind.UNKNOWN;
    }

    private interface RowSink {
        void accept(String[] cells) throws IOException;
    }

    private static void read(Path p, RowSink sink) throws IOException {
        try (BufferedReader r = open(p)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    sink.accept(line.split("\t", -1));
                }
            }
        }
    }

    private static BufferedReader open(Path p) throws IOException {
        InputStream in = Files.newInputStream(p);
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            in = new GZIPInputStream(in);
        } else if (name.endsWith(".zip")) {
            ZipInputStream z = new ZipInputStream(in);
            ZipEntry e;
            while ((e = z.getNextEntry()) != null && !e.getName().toLowerCase(Locale.ROOT).endsWith(".txt")) {
                // the readme of a GeoNames zip comes first in some
            }
            if (e == null) {
                z.close();
                throw new IllegalArgumentException(p + ": no .txt entry in the zip file");
            }
            in = z;
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void row(Writer w, String... cells) throws IOException {
        for (int k = 0; k < cells.length; k++) {
            if (k > 0) {
                w.write('\t');
            }
            w.write(cells[k] == null ? "" : cells[k].replace('\t', ' ').replace('\n', ' '));
        }
        w.write('\n');
    }

    /** The name without diacritics when it is otherwise plain Latin script, else null. */
    static String latin(String s) {
        if (s == null) {
            return null;
        }
        String stripped = Normalizer.normalize(s.trim(), Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .replace('\u2019', '\'');
        return SANE.matcher(stripped).matches() ? stripped : null;
    }

    private static String latinOr(String ascii, String name) {
        String l = latin(ascii);
        return l != null ? l : name.trim();
    }
}
