package io.incidentstreams.enrich.extract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Places read from {@code rules/gazetteer.csv}, matched by name and alias over tokens.
 *
 * <p>A CSV file keeps one place per line so that a region can be added by appending rows (see
 * {@code docs/extraction.md}). Containment ("Green Zone" lies in Baghdad, Baghdad in Iraq) comes from the city,
 * admin1, country and within columns, so that a finer place can be preferred to the town or country it lies in.
 */
final class Gazetteer {

    private final Map<String, Place> byId = new HashMap<>();
    private final Map<String, Place> byName = new HashMap<>();
    private final PhraseTrie<Place> trie;

    Gazetteer(List<Place> places, Lexicon lexicon) {
        this.trie = new PhraseTrie<>(lexicon);
        for (Place p : places) {
            if (byId.putIfAbsent(p.id(), p) != null) {
                throw new IllegalArgumentException("duplicate gazetteer id: " + p.id());
            }
            trie.add(p.name(), p);
            byName.putIfAbsent(key(p.name()), p);
            for (String a : p.aliases()) {
                trie.add(a, p);
                byName.putIfAbsent(key(a), p);
            }
        }
    }

    static Gazetteer parse(String csv) {
        return parse(csv, null);
    }

    static Gazetteer parse(String csv, Lexicon lexicon) {
        List<Place> places = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new StringReader(csv))) {
            String line;
            String[] header = null;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> cells = Csv.split(line);
                if (header == null) {
                    header = cells.toArray(new String[0]);
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i].trim(), i < cells.size() ? cells.get(i).trim() : "");
                }
                try {
                    places.add(new Place(require(row, "id"), require(row, "name"), require(row, "kind"),
                            blankToNull(row.get("city")), blankToNull(row.get("admin1")),
                            blankToNull(row.get("country")), parseCoordinate(row.get("lat"), 90),
                            parseCoordinate(row.get("lon"), 180), Integer.parseInt(require(row, "precision")),
                            splitList(row.get("within")), splitList(row.get("aliases"))));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("gazetteer line " + lineNo + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Gazetteer(places, lexicon);
    }

    /** A place mention at tokens {@code [from, to)}. */
    record Mention(Place place, int from, int to) {
    }

    List<Mention> find(List<Token> tokens) {
        List<Mention> out = new ArrayList<>();
        for (PhraseTrie.Match<Place> m : trie.findAll(tokens)) {
            if (m.to() < tokens.size() && tokens.get(m.to()).hyphenBefore()
                    && ADJECTIVE_SUFFIXES.contains(tokens.get(m.to()))) {
                continue; // "Iran-backed", "Baghdad-based": an adjective, not a place
            }
            out.add(new Mention(m.value(), m.from(), m.to()));
        }
        return out;
    }

    private static final WordSet ADJECTIVE_SUFFIXES = WordSet.of("backed", "aligned", "allied",
            "based", "linked", "led", "sponsored", "supported", "made", "supplied", "directed", "born", "bound");

    boolean findAny(List<Token> tokens) {
        return trie.nextStart(tokens, 0) >= 0;
    }

    /** The place with this canonical name or alias (case and punctuation insensitive), or null. */
    Place lookup(String name) {
        return name == null ? null : byName.get(key(name));
    }

    Place byId(String id) {
        return byId.get(id);
    }

    int size() {
        return byId.size();
    }

    /** True if {@code outer} contains {@code inner} (a place contains itself). */
    boolean contains(Place outer, Place inner) {
        if (outer.id().equals(inner.id())) {
            return true;
        }
        if (inner.within().contains(outer.id())) {
            return true;
        }
        for (String w : inner.within()) {
            Place p = byId.get(w);
            if (p != null && p != inner && contains(outer, p)) {
                return true;
            }
        }
        switch (outer.specificity()) {
            case 0:
                return outer.country() != null && outer.country().equals(inner.country());
            case 1:
                return false; // regions list their members through "within"
            case 2:
                return outer.admin1() != null && outer.admin1().equals(inner.admin1())
                        && sameCountry(outer, inner) && inner.specificity() > 2;
            case 3:
                return outer.city() != null && outer.city().equals(inner.city()) && sameCountry(outer, inner)
                        && inner.specificity() > 3;
            default:
                return false;
        }
    }

    /** True if one of the two places contains the other. */
    boolean compatible(Place a, Place b) {
        return contains(a, b) || contains(b, a);
    }

    private static boolean sameCountry(Place a, Place b) {
        return a.country() != null && a.country().equals(b.country());
    }

    static String key(String name) {
        return String.join(" ", Tokenizer.normalizePhrase(name)).toLowerCase(Locale.ROOT);
    }

    private static String require(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing " + column);
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static Double parseCoordinate(String s, double limit) {
        if (s == null || s.isBlank()) {
            return null;
        }
        double v = Double.parseDouble(s);
        if (Math.abs(v) > limit) {
            throw new IllegalArgumentException("coordinate out of range: " + s);
        }
        return v;
    }

    private static List<String> splitList(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split("\\|")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
