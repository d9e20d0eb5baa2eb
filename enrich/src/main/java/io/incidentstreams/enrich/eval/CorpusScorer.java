package io.incidentstreams.enrich.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.model.Incident;
import io.incidentstreams.serde.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores a snapshot of incidents against a real-article corpus's {@code gold.json}, with the matching and figures of
 * the corpus scorer {@code score.py} (see the corpus README): one-to-one pairs by date, place and kind, then
 * precision, recall, dedup, day, killed, wounded, relations and dangling links. Kept in Java so that the pipeline's
 * own tests and {@code incidents eval --corpus} measure exactly what acceptance measures, without a Python step;
 * {@code CorpusScorerTest} checks it against {@code score.py} where Python is installed.
 */
public final class CorpusScorer {
    private static final Pattern DATE = Pattern.compile("^(\\d{4})(?:-(\\d{2}))?(?:-(\\d{2}))?");
    private static final Map<String, List<String>> KIND_WORDS = Map.of(
            "attack", List.of("attack", "rocket", "missile", "shell", "explos", "bomb", "ied", "remote", "violence",
                    "storm", "assault", "clash"),
            "strike", List.of("strike", "air", "drone"),
            "truce", List.of("truce", "ceasefire", "cease", "agreement", "halt", "suspen"),
            "storming", List.of("storm", "riot", "protest", "attack", "assault"));

    private CorpusScorer() {
    }

    /** The figures of one run, as {@code score.py --json} prints them, and the details of its plain output. */
    public record Score(int predicted, int gold, int found, double precision, double recall, double f1, double dedup,
                        double day, double killed, double wounded, double relations, int dangling,
                        List<String> missing, List<String> split, List<String> unmatched,
                        List<String> missedRelations) {

        /** {@code key=value} pairs in score.py's order. */
        public Map<String, Object> figures() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("predicted", predicted);
            m.put("gold", gold);
            m.put("found", found);
            m.put("precision", precision);
            m.put("recall", recall);
            m.put("f1", f1);
            m.put("dedup", dedup);
            m.put("day", day);
            m.put("killed", killed);
            m.put("wounded", wounded);
            m.put("relations", relations);
            m.put("dangling", dangling);
            return m;
        }

        /** The figures line: {@code predicted=57 gold=35 ... dangling=0}. */
        public String figuresLine() {
            StringBuilder sb = new StringBuilder();
            figures().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=')
                    .append(v instanceof Double d ? py(d) : v));
            return sb.toString();
        }

        /** What {@code score.py --verbose} prints. */
        public String toText() {
            StringBuilder sb = new StringBuilder();
            sb.append("missing: ").append(missing.isEmpty() ? "-" : String.join(" ", missing)).append('\n');
            sb.append("split: ").append(split.isEmpty() ? "-" : String.join(" ", split)).append('\n');
            sb.append("not matching any gold incident:\n");
            unmatched.forEach(u -> sb.append("   ").append(u).append('\n'));
            sb.append("relations missed:\n");
            missedRelations.forEach(r -> sb.append("   ").append(r).append('\n'));
            sb.append(figuresLine()).append('\n');
            return sb.toString();
        }

        private static String py(double d) {
            String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            return s.contains(".") ? s : s + ".0";
        }
    }

    public static JsonNode readGold(Path goldJson) {
        try {
            return Json.MAPPER.readTree(Files.readString(goldJson));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + goldJson + ": " + e.getMessage(), e);
        }
    }

    public static Score score(JsonNode gold, List<Incident> incidents) {
        List<JsonNode> preds = new ArrayList<>(incidents.size());
        incidents.forEach(i -> preds.add(Json.MAPPER.valueToTree(i)));
        return scoreJson(gold, preds);
    }

    /** Scores predictions given as incident JSON objects, in the order given (the order breaks ties). */
    public static Score scoreJson(JsonNode gold, List<JsonNode> preds) {
        List<JsonNode> golds = new ArrayList<>();
        gold.path("incidents").forEach(g -> {
            if (truthy(g.get("date"))) {
                golds.add(g);
            }
        });
        List<Map<Integer, Gap>> compat = new ArrayList<>();
        for (JsonNode g : golds) {
            Map<Integer, Gap> c = new LinkedHashMap<>();
            for (int pi = 0; pi < preds.size(); pi++) {
                Gap gap = gap(preds.get(pi), g);
                if (gap != null) {
                    c.put(pi, gap);
                }
            }
            compat.add(c);
        }
        Map<Integer, Integer> pairOfGold = new HashMap<>();
        Map<Integer, Integer> pairOfPred = new HashMap<>();
        maxMatching(golds.size(), compat, pairOfGold, pairOfPred);
        Map<Integer, List<Integer>> copies = new HashMap<>();
        for (int gi = 0; gi < golds.size(); gi++) {
            copies.put(gi, new ArrayList<>());
        }
        for (int pi = 0; pi < preds.size(); pi++) {
            if (pairOfPred.containsKey(pi)) {
                continue;
            }
            Gap best = null;
            int bestGold = -1;
            for (int gi = 0; gi < golds.size(); gi++) {
                Gap c = compat.get(gi).get(pi);
                if (c != null && (best == null || c.compareTo(best) < 0)) {
                    best = c;
                    bestGold = gi;
                }
            }
            if (best != null) {
                copies.get(bestGold).add(pi);
            }
        }
        Set<Integer> compatible = new HashSet<>();
        compat.forEach(c -> compatible.addAll(c.keySet()));
        List<Integer> found = new ArrayList<>(new java.util.TreeSet<>(pairOfGold.keySet()));
        int n = preds.size();
        double precision = n == 0 ? 0 : (double) compatible.size() / n;
        double recall = golds.isEmpty() ? 0 : (double) found.size() / golds.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        double dedup = found.isEmpty() ? 0
                : (double) found.stream().filter(gi -> copies.get(gi).isEmpty()).count() / found.size();

        Map<String, Integer> index = new HashMap<>();
        for (int gi = 0; gi < golds.size(); gi++) {
            index.put(golds.get(gi).path("id").asText(), gi);
        }
        List<JsonNode> rels = new ArrayList<>();
        gold.path("relations").forEach(r -> {
            if (index.containsKey(r.path("from").asText()) && index.containsKey(r.path("to").asText())) {
                rels.add(r);
            }
        });
        int hits = 0;
        List<String> missed = new ArrayList<>();
        for (JsonNode r : rels) {
            Set<String> a = ids(r.path("from").asText(), index, pairOfGold, copies, preds);
            Set<String> b = ids(r.path("to").asText(), index, pairOfGold, copies, preds);
            boolean hit = false;
            for (JsonNode p : preds) {
                String pid = text(p.get("id"));
                if (!(a.contains(pid) || b.contains(pid))) {
                    continue;
                }
                Set<String> other = a.contains(pid) ? b : a;
                for (JsonNode x : p.path("relations")) {
                    if (other.contains(text(x.get("incidentId")))
                            && norm(text(x.get("type"))).equals(norm(text(r.get("type"))))) {
                        hit = true;
                    }
                }
            }
            if (hit) {
                hits++;
            } else {
                missed.add(r.path("from").asText() + " " + r.path("type").asText() + " " + r.path("to").asText());
            }
        }
        Set<String> live = new HashSet<>();
        preds.forEach(p -> live.add(text(p.get("id"))));
        int dangling = 0;
        for (JsonNode p : preds) {
            for (JsonNode x : p.path("relations")) {
                if (!live.contains(text(x.get("incidentId")))) {
                    dangling++;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> split = new ArrayList<>();
        for (int gi = 0; gi < golds.size(); gi++) {
            if (!pairOfGold.containsKey(gi)) {
                missing.add(golds.get(gi).path("id").asText());
            }
        }
        for (int gi : found) {
            if (!copies.get(gi).isEmpty()) {
                split.add(golds.get(gi).path("id").asText() + "x" + (1 + copies.get(gi).size()));
            }
        }
        List<String> unmatched = new ArrayList<>();
        for (int pi = 0; pi < n; pi++) {
            if (!compatible.contains(pi)) {
                JsonNode p = preds.get(pi);
                unmatched.add(pyStr(p.get("date")) + " " + pyStr(p.get("type")) + " " + pyStr(p.path("location").get("name")));
            }
        }
        return new Score(n, golds.size(), found.size(), round3(precision), round3(recall), round3(f1), round3(dedup),
                round3(day(golds, found, pairOfGold, preds)), round3(field("killed", golds, found, pairOfGold, preds)),
                round3(field("wounded", golds, found, pairOfGold, preds)),
                rels.isEmpty() ? 0 : round3((double) hits / rels.size()), dangling, missing, split, unmatched, missed);
    }

    /** How close a compatible pair is, compared as score.py compares its tuples. */
    record Gap(double date, long placeBucket, int differ, double km) implements Comparable<Gap> {
        private static final Comparator<Gap> ORDER = Comparator.comparingDouble(Gap::date)
                .thenComparingLong(Gap::placeBucket).thenComparingInt(Gap::differ).thenComparingDouble(Gap::km);

        @Override
        public int compareTo(Gap o) {
            return ORDER.compare(this, o);
        }
    }

    static Gap gap(JsonNode p, JsonNode g) {
        if (!kindOk(p, g)) {
            return null;
        }
        int[] pd = parseDate(p.get("date"));
        Double dg = dateGap(pd, parseDate(g.get("date")), text(g.get("date_precision")));
        if (dg == null && truthy(g.get("date_alt"))) {
            dg = dateGap(pd, parseDate(g.get("date_alt")), "day");
        }
        if (dg == null) {
            return null;
        }
        Double pg = placeGap(p, g);
        if (pg == null) {
            return null;
        }
        int differ = 0;
        for (String f : List.of("killed", "wounded")) {
            if (!allowed(g, f).contains(number(p.get(f)))) {
                differ++;
            }
        }
        return new Gap(dg, (long) Math.rint(pg / 10), differ, pg);
    }

    /** The gold figure and every reported one; null stands for "no figure". */
    private static Set<Long> allowed(JsonNode g, String field) {
        Set<Long> out = new HashSet<>();
        out.add(number(g.get(field)));
        g.path(field + "_reported").forEach(v -> out.add(number(v)));
        return out;
    }

    private static Long number(JsonNode v) {
        return v == null || v.isNull() || !v.isNumber() ? null : v.asLong();
    }

    static int[] parseDate(JsonNode v) {
        if (!truthy(v)) {
            return null;
        }
        Matcher m = DATE.matcher(v.asText());
        if (!m.find()) {
            return null;
        }
        return new int[] {Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3))};
    }

    static Double dateGap(int[] p, int[] g, String gPrecision) {
        if (p == null || g == null) {
            return null;
        }
        if ("month".equals(gPrecision)) {
            g = new int[] {g[0], g[1], 0};
        }
        try {
            if (p[2] != 0 && g[2] != 0) {
                long gap = Math.abs(ChronoUnit.DAYS.between(LocalDate.of(p[0], p[1], p[2]), LocalDate.of(g[0], g[1], g[2])));
                return gap <= 1 ? (double) gap : null;
            }
        } catch (DateTimeException e) {
            return null;
        }
        if (p[1] != 0 && g[1] != 0) {
            return p[0] == g[0] && p[1] == g[1] ? 0.5 : null;
        }
        return p[0] == g[0] ? 0.9 : null;
    }

    static Double placeGap(JsonNode p, JsonNode g) {
        JsonNode loc = p.path("location");
        Double lat = dbl(loc.get("lat"));
        Double lon = dbl(loc.get("lon"));
        Double glat = dbl(g.get("lat"));
        Double glon = dbl(g.get("lon"));
        if (lat != null && lon != null && glat != null && glon != null) {
            double d = km(lat, lon, glat, glon);
            if (d <= 40) {
                return d;
            }
        }
        List<String> names = new ArrayList<>();
        for (String k : List.of("city", "name", "region", "admin1")) {
            names.add(norm(text(loc.get(k))));
        }
        List<String> gnames = List.of(norm(text(g.get("city"))), norm(text(g.get("governorate"))));
        for (String nm : names) {
            for (String gn : gnames) {
                if (!nm.isEmpty() && !gn.isEmpty() && nm.equals(gn)) {
                    return 20.0;
                }
            }
        }
        if (g.get("city") == null || g.get("city").isNull()) {
            String c = norm(text(loc.get("country")));
            if (c.equals(norm(text(g.get("country")))) || c.isEmpty()) {
                return 40.0;
            }
        }
        return null;
    }

    static boolean kindOk(JsonNode p, JsonNode g) {
        String t = text(p.get("type")).toLowerCase(Locale.ROOT);
        String kind = text(g.get("kind"));
        List<String> words = KIND_WORDS.getOrDefault(kind, List.of(kind));
        return words.stream().anyMatch(t::contains);
    }

    static double km(double la1, double lo1, double la2, double lo2) {
        double a1 = Math.toRadians(la1);
        double b1 = Math.toRadians(lo1);
        double a2 = Math.toRadians(la2);
        double b2 = Math.toRadians(lo2);
        double h = Math.pow(Math.sin((a2 - a1) / 2), 2) + Math.cos(a1) * Math.cos(a2) * Math.pow(Math.sin((b2 - b1) / 2), 2);
        return 6371 * 2 * Math.asin(Math.sqrt(h));
    }

    static String norm(String s) {
        return (s == null ? "" : s.toLowerCase(Locale.ROOT)).replaceAll("[^a-z]", "")
                .replace("arbil", "erbil").replace("irbil", "erbil");
    }

    /** Maximum bipartite matching built from the closest pairs first, as score.py builds it. */
    private static void maxMatching(int goldCount, List<Map<Integer, Gap>> compat, Map<Integer, Integer> pairOfGold,
                                    Map<Integer, Integer> pairOfPred) {
        Gap none = new Gap(9, 9, 0, 0);
        List<Integer> order = new ArrayList<>();
        for (int gi = 0; gi < goldCount; gi++) {
            order.add(gi);
        }
        order.sort(Comparator.comparing(gi -> compat.get(gi).values().stream().min(Comparator.naturalOrder()).orElse(none)));
        for (int gi : order) {
            if (!compat.get(gi).isEmpty()) {
                augment(gi, new HashSet<>(), compat, pairOfGold, pairOfPred);
            }
        }
    }

    private static boolean augment(int g, Set<Integer> seen, List<Map<Integer, Gap>> compat,
                                   Map<Integer, Integer> pairOfGold, Map<Integer, Integer> pairOfPred) {
        List<Integer> options = new ArrayList<>(compat.get(g).keySet());
        options.sort(Comparator.comparing(pi -> compat.get(g).get(pi)));
        for (int pi : options) {
            if (!seen.add(pi)) {
                continue;
            }
            Integer holder = pairOfPred.get(pi);
            if (holder == null || augment(holder, seen, compat, pairOfGold, pairOfPred)) {
                pairOfPred.put(pi, g);
                pairOfGold.put(g, pi);
                return true;
            }
        }
        return false;
    }

    private static Set<String> ids(String gid, Map<String, Integer> index, Map<Integer, Integer> pairOfGold,
                                   Map<Integer, List<Integer>> copies, List<JsonNode> preds) {
        Integer gi = index.get(gid);
        if (gi == null || !pairOfGold.containsKey(gi)) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        out.add(text(preds.get(pairOfGold.get(gi)).get("id")));
        copies.get(gi).forEach(pi -> out.add(text(preds.get(pi).get("id"))));
        return out;
    }

    private static double field(String name, List<JsonNode> golds, List<Integer> found, Map<Integer, Integer> pairOfGold,
                                List<JsonNode> preds) {
        int ok = 0;
        int total = 0;
        for (int gi : found) {
            JsonNode g = golds.get(gi);
            if (g.get(name) == null || g.get(name).isNull()) {
                continue;
            }
            total++;
            if (allowed(g, name).contains(number(preds.get(pairOfGold.get(gi)).get(name)))) {
                ok++;
            }
        }
        return total == 0 ? 0 : (double) ok / total;
    }

    private static double day(List<JsonNode> golds, List<Integer> found, Map<Integer, Integer> pairOfGold,
                              List<JsonNode> preds) {
        int ok = 0;
        int total = 0;
        for (int gi : found) {
            JsonNode g = golds.get(gi);
            if (!"day".equals(text(g.get("date_precision")))) {
                continue;
            }
            total++;
            String d = text(preds.get(pairOfGold.get(gi)).get("date"));
            d = d.length() > 10 ? d.substring(0, 10) : d;
            if (d.equals(text(g.get("date"))) || Objects.equals(d, g.hasNonNull("date_alt") ? text(g.get("date_alt")) : null)) {
                ok++;
            }
        }
        return total == 0 ? 0 : (double) ok / total;
    }

    private static double round3(double v) {
        return new BigDecimal(v).setScale(3, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static boolean truthy(JsonNode v) {
        return v != null && !v.isNull() && !(v.isTextual() && v.asText().isEmpty());
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static Double dbl(JsonNode v) {
        return v == null || v.isNull() || !v.isNumber() ? null : v.asDouble();
    }

    /** A value as Python's f-string prints it: None for null. */
    private static String pyStr(JsonNode v) {
        return v == null || v.isNull() ? "None" : v.asText();
    }

    /** Figures by name, for ratchets. */
    public static Map<String, Double> asMap(Score s) {
        Map<String, Double> m = new TreeMap<>();
        s.figures().forEach((k, v) -> m.put(k, ((Number) v).doubleValue()));
        return m;
    }
}
