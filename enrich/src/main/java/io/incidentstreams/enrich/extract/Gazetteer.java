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
import java.util.HashSet;
import java.util.Set;

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
    /** The hand-kept overlay and every country: matched as before, and by {@link #findAny}. */
    private final PhraseTrie<Place> trie;
    /** Imported divisions, cities and towns: matched only with the guards of {@link #find(List, Context)}. */
    private final PhraseTrie<Place> world;
    /** Demonyms ("pakistani") by lower-case word, with the country they signal. */
    private final Map<String, Place> demonyms = new HashMap<>();
    /** Names of imported places that are also common English words. */
    private final Set<String> commonNames;
    /** Everyday English words: one capitalised next to a name does not make the two a person's name. */
    private final Set<String> everyday;

    Gazetteer(List<Place> places, Lexicon lexicon) {
        this(places, WorldPlaces.EMPTY, lexicon);
    }

    /**
     * The overlay {@code places} on top of {@code world}: an imported place that the overlay already has (the same id,
     * or a name or alias of a place of the same country and level) is dropped, so that the overlay wins.
     */
    Gazetteer(List<Place> places, WorldPlaces world, Lexicon lexicon) {
        this.trie = new PhraseTrie<>(lexicon);
        // without the lexicon: its quarter-million words would make every token's lookup slower (a table too big
        // for the CPU caches); names are looked up by word, and only from capitalised tokens
        this.world = new PhraseTrie<>();
        this.commonNames = world.commonNames();
        this.everyday = world.everyday();
        Set<String> overlayNames = new HashSet<>();
        for (Place p : places) {
            if (byId.putIfAbsent(p.id(), p) != null) {
                throw new IllegalArgumentException("duplicate gazetteer id: " + p.id());
            }
            trie.add(p.name(), p);
            byName.putIfAbsent(key(p.name()), p);
            overlayNames.add(overlayKey(p, p.name()));
            for (String a : p.aliases()) {
                trie.add(a, p);
                byName.putIfAbsent(key(a), p);
                overlayNames.add(overlayKey(p, a));
            }
        }
        for (Map.Entry<String, Place> d : world.demonyms().entrySet()) {
            Place overlay = byId.get(d.getValue().id());
            demonyms.put(d.getKey(), overlay != null ? overlay : d.getValue());
        }
        for (Place p : world.places()) {
            if (byId.containsKey(p.id()) || overlaid(p, overlayNames)) {
                continue;
            }
            byId.put(p.id(), p);
            PhraseTrie<Place> into = p.specificity() == 0 ? trie : this.world;
            into.add(p.name(), p);
            byName.putIfAbsent(key(p.name()), p);
            for (String a : p.aliases()) {
                into.add(a, p);
                byName.putIfAbsent(key(a), p);
            }
        }
    }

    private static String overlayKey(Place p, String name) {
        return Math.min(p.specificity(), 3) + "|" + p.country() + "|" + key(name);
    }

    private static boolean overlaid(Place p, Set<String> overlayNames) {
        if (overlayNames.contains(overlayKey(p, p.name()))) {
            return true;
        }
        for (String a : p.aliases()) {
            if (overlayNames.contains(overlayKey(p, a))) {
                return true;
            }
        }
        return false;
    }

    static Gazetteer parse(String csv) {
        return parse(csv, null);
    }

    static Gazetteer parse(String csv, Lexicon lexicon) {
        return new Gazetteer(parsePlaces(csv), lexicon);
    }

    /** The places of a file in the format of {@code rules/gazetteer.csv}. */
    static List<Place> parsePlaces(String csv) {
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
        return places;
    }

    /** A place mention at tokens {@code [from, to)}. */
    record Mention(Place place, int from, int to) {
    }

    List<Mention> find(List<Token> tokens) {
        return find(tokens, null);
    }

    /**
     * Place mentions: overlay places and countries as written, and imported places that pass the guards of
     * {@link #acceptable}, the candidate among same-named places chosen by {@link #choose}. A longer imported name
     * wins over an overlay or country name inside it ("New Mexico" over "Mexico").
     */
    List<Mention> find(List<Token> tokens, Context ctx) {
        List<Mention> out = new ArrayList<>();
        for (PhraseTrie.Match<Place> m : trie.findAll(tokens)) {
            if (adjective(tokens, m.to())) {
                continue; // "Iran-backed", "Baghdad-based": an adjective, not a place
            }
            out.add(new Mention(m.value(), m.from(), m.to()));
        }
        List<PhraseTrie.Match<Place>> imported = worldMatches(tokens);
        if (imported.isEmpty()) {
            return out;
        }
        List<Mention> merged = new ArrayList<>(out.size() + imported.size());
        int k = 0;
        for (PhraseTrie.Match<Place> m : imported) {
            while (k < out.size() && out.get(k).to() <= m.from()) {
                merged.add(out.get(k++));
            }
            boolean covers = true;
            boolean overlaps = false;
            for (int j = k; j < out.size() && out.get(j).from() < m.to(); j++) {
                overlaps = true;
                covers &= out.get(j).from() >= m.from() && out.get(j).to() <= m.to()
                        && out.get(j).to() - out.get(j).from() < m.to() - m.from();
            }
            if (overlaps && !covers || adjective(tokens, m.to()) || !acceptable(tokens, m.from(), m.to())) {
                continue;
            }
            Place p = choose(tokens, m, out, imported, ctx);
            if (p == null) {
                continue;
            }
            while (k < out.size() && out.get(k).from() < m.to()) {
                k++; // the overlay names inside this longer name
            }
            merged.add(new Mention(p, m.from(), m.to()));
        }
        while (k < out.size()) {
            merged.add(out.get(k++));
        }
        return merged;
    }

    /** Longest imported names, left to right, each starting at a capitalised token. */
    private List<PhraseTrie.Match<Place>> worldMatches(List<Token> tokens) {
        List<PhraseTrie.Match<Place>> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).capitalized()) {
                continue;
            }
            PhraseTrie.Match<Place> m = world.walkByWord(tokens, i);
            if (m != null) {
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                out.add(m);
                i = m.to() - 1;
            }
        }
        return out == null ? List.of() : out;
    }

    private static boolean adjective(List<Token> tokens, int to) {
        return to < tokens.size() && tokens.get(to).hyphenBefore() && ADJECTIVE_SUFFIXES.contains(tokens.get(to));
    }

    /** Inhabitants from which a town needs no support from the article (its country named, "X, Country"). */
    static final long UNSUPPORTED_POPULATION = 100_000;

    /**
     * Whether tokens {@code [from, to)} can name an imported place at all: the name is capitalised, is not a demonym,
     * and is not part of a longer capitalised name ("Imran Khan", "Lagos Mall") that is not a place noun.
     */
    private boolean acceptable(List<Token> tokens, int from, int to) {
        Token first = tokens.get(from);
        Token last = tokens.get(to - 1);
        if (!first.capitalized() || !last.capitalized() && last.norm().length() > 3 && !PLACE_NOUNS.contains(last)) {
            return false;
        }
        if (to - from == 1 && demonyms.containsKey(first.norm())) {
            return false;
        }
        if (from > 0 && tokens.get(from - 1).capitalized() && (tokens.get(from - 1).sepBefore() & Token.STRONG) == 0
                && !first.clauseBreakBefore() && !first.hyphenBefore()
                && !everyday.contains(tokens.get(from - 1).norm())) {
            return false; // a first name, a title or another part of a longer name
        }
        if (to < tokens.size() && tokens.get(to).capitalized() && !tokens.get(to).clauseBreakBefore()
                && !PLACE_NOUNS.contains(tokens.get(to)) && !everyday.contains(tokens.get(to).norm())) {
            return false;
        }
        return true;
    }

    private static final WordSet PLACE_NOUNS = WordSet.of("province", "state", "region", "district", "county",
            "city", "town", "village", "governorate", "prefecture", "department", "municipality", "airport",
            "area", "valley", "camp", "border", "market", "port", "division", "territory", "island", "islands");

    /**
     * Among same-named imported places, the one the article's context supports: the country or division written
     * right after it ("Jos, Nigeria", "Jos in Plateau state"), then a country the article names (by name or
     * demonym), then population. A town of fewer than {@link #UNSUPPORTED_POPULATION} inhabitants, and a place whose
     * name is a common English word, needs such support; null when no candidate has it.
     */
    private Place choose(List<Token> tokens, PhraseTrie.Match<Place> m, List<Mention> core,
                         List<PhraseTrie.Match<Place>> imported, Context ctx) {
        List<Place> container = containerAfter(tokens, m.to(), core, imported);
        boolean common = m.to() - m.from() == 1 && commonNames.contains(tokens.get(m.from()).norm());
        Place best = null;
        long bestScore = Long.MIN_VALUE;
        for (Place p : m.values()) {
            boolean explicit = false;
            for (Place c : container) {
                explicit |= c != p && contains(c, p) || c.specificity() == 2 && c.country() != null
                        && c.country().equals(p.country()) && p.specificity() > 2;
            }
            int named = ctx == null ? 0 : ctx.count(p.country());
            boolean supported = explicit || named > 0 && (!common || p.population() >= UNSUPPORTED_POPULATION / 2)
                    || !common && (p.specificity() <= 2 || p.population() >= UNSUPPORTED_POPULATION);
            if (!supported) {
                continue;
            }
            long score = (explicit ? 1L << 50 : 0) + ((long) Math.min(named, 1000) << 38) + Math.min(p.population(),
                    (1L << 38) - 1);
            if (score > bestScore) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    /** The places written right after a name: ", Nigeria", " in Plateau state", ", Borno state". */
    private List<Place> containerAfter(List<Token> tokens, int to, List<Mention> core,
                                       List<PhraseTrie.Match<Place>> imported) {
        int at = to;
        if (at < tokens.size() && (tokens.get(at).norm().equals("in") || tokens.get(at).norm().equals("of"))
                && !tokens.get(at).clauseBreakBefore()) {
            at++;
        } else if (!(at < tokens.size() && (tokens.get(at).sepBefore() & Token.COMMA) != 0)) {
            return List.of();
        }
        if (at < tokens.size() && tokens.get(at).norm().equals("the")) {
            at++;
        }
        for (Mention c : core) {
            if (c.from() == at) {
                return List.of(c.place());
            }
        }
        for (PhraseTrie.Match<Place> c : imported) {
            if (c.from() == at) {
                List<Place> out = new ArrayList<>();
                for (Place p : c.values()) {
                    if (p.specificity() <= 2) {
                        out.add(p);
                    }
                }
                return out;
            }
        }
        return List.of();
    }

    /**
     * The countries an article names, by name, demonym or an overlay place, counted once per mention; read from the
     * article's sentences the first time a choice needs them.
     */
    final class Context {
        private final ParsedArticle article;
        private final Lexicon lexicon;
        private Map<String, Integer> counts;
        /** Tokens of the article's sentences by index, kept once read so that no sentence is read twice. */
        private final Map<Integer, List<Token>> tokens = new HashMap<>();

        Context(ParsedArticle article, Lexicon lexicon) {
            this.article = article;
            this.lexicon = lexicon;
        }

        /** The tokens of one of the article's sentences. */
        List<Token> tokens(Sentence s) {
            List<Token> t = tokens.get(s.index());
            if (t == null) {
                t = Tokenizer.tokenize(article.text(), article.chars(), s.start(), s.end(), lexicon);
                tokens.put(s.index(), t);
            }
            return t;
        }

        int count(String country) {
            if (country == null) {
                return 0;
            }
            if (counts == null) {
                counts = new HashMap<>();
                for (Piece piece : article.pieces()) {
                    for (Sentence s : piece.sentences()) {
                        List<Token> t = tokens(s);
                        for (PhraseTrie.Match<Place> m : trie.findAll(t)) {
                            if (m.value().country() != null && !adjective(t, m.to())) {
                                counts.merge(m.value().country(), 1, Integer::sum);
                            }
                        }
                        for (Token k : t) {
                            Place c = k.capitalized() ? demonyms.get(k.norm()) : null;
                            if (c != null) {
                                counts.merge(c.country(), 1, Integer::sum);
                            }
                        }
                    }
                }
            }
            return counts.getOrDefault(country, 0);
        }
    }

    /** The context of one article, for {@link #find(List, Context)}. */
    Context context(ParsedArticle article, Lexicon lexicon) {
        return new Context(article, lexicon);
    }

    /** The country a demonym signals ("Pakistani" gives Pakistan), or null. */
    Place demonym(String word) {
        return word == null ? null : demonyms.get(word.toLowerCase(Locale.ROOT));
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

    /** A latitude or longitude cell, null when empty; out of {@code [-limit, limit]} is an error. */
    static Double parseCoordinate(String s, double limit) {
        if (s == null || s.isBlank()) {
            return null;
        }
        double v = Double.parseDouble(s);
        if (Math.abs(v) > limit) {
            throw new IllegalArgumentException("coordinate out of range: " + s);
        }
        return v;
    }

    /** A {@code |}-separated cell as trimmed, non-empty items. */
    static List<String> splitList(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        return Arrays.stream(s.split("\\|")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }
}
