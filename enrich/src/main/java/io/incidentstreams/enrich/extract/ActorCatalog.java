package io.incidentstreams.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Actors from {@code rules/actors.json}: names, aliases, families and kinds.
 *
 * <p>Besides plain aliases, an actor can list modifiers and heads so that "Iran-backed, largely rural, militia factions"
 * is recognised without listing every wording, and the catalogue resolves "the militias" to the militia named last
 * in the article.
 */
final class ActorCatalog {

    /**
     * An actor of the catalogue. {@code country} is where it fights from, when that is one country (the ELN
     * Colombia, Kataib Hezbollah Iraq); null for states and others that act abroad.
     */
    record Def(String name, String family, String kind, String country) {
    }

    /** An actor named at tokens {@code [from, to)}; {@code anaphoric} when it was "the militias" or similar. */
    record Mention(Def def, int from, int to, boolean anaphoric) {
    }

    private static final WordSet DEPENDENT = WordSet.of("backed", "aligned", "allied", "linked", "sponsored",
            "supported", "affiliated", "funded", "armed", "trained", "led", "based", "made", "supplied", "directed");

    /** An alias; {@code exact} holds its words as written when case matters ("IS" is not the verb "is"). */
    private record Alias(Def def, List<String> exact) {
    }

    /** Aliases written in capitals of up to three letters match only in capitals: "IS", "KH", "US". */
    private static final int CASE_SENSITIVE_MAX = 3;

    private final PhraseTrie<Alias> aliases;
    private final PhraseTrie<Def> modifiers;
    private final Map<Def, PhraseTrie<Boolean>> heads = new HashMap<>();
    private final PhraseTrie<List<String>> anaphora;
    private final Map<String, Def> byName = new HashMap<>();
    private final Gazetteer gazetteer;
    /** The dictionaries whose phrases can start a mention. */
    private final PhraseTrie<?>[] starters;

    ActorCatalog(JsonNode root, Lexicon lexicon) {
        this(root, lexicon, null);
    }

    /** With a gazetteer, a place name is never taken for an actor the catalogue lacks. */
    ActorCatalog(JsonNode root, Lexicon lexicon, Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        this.aliases = new PhraseTrie<>(lexicon);
        this.modifiers = new PhraseTrie<>(lexicon);
        this.anaphora = new PhraseTrie<>(lexicon);
        for (JsonNode a : root.path("actors")) {
            Def def = new Def(a.path("name").asText(), a.path("family").asText(null), a.path("kind").asText(""),
                    a.path("country").asText(null));
            byName.put(Gazetteer.key(def.name()), def);
            aliases.add(def.name(), alias(def, def.name()));
            for (String s : RuleFiles.strings(a.path("aliases"))) {
                aliases.add(s, alias(def, s));
                byName.putIfAbsent(Gazetteer.key(s), def);
            }
            List<String> mods = RuleFiles.strings(a.path("modifiers"));
            if (!mods.isEmpty()) {
                PhraseTrie<Boolean> h = new PhraseTrie<>(lexicon);
                for (String s : RuleFiles.strings(a.path("heads"))) {
                    h.add(s, Boolean.TRUE);
                }
                heads.put(def, h);
                for (String m : mods) {
                    modifiers.add(m, def);
                }
            }
        }
        JsonNode ana = root.path("anaphora");
        ana.fieldNames().forEachRemaining(k -> anaphora.add(k, List.of(ana.get(k).asText().split("\\|"))));
        this.starters = new PhraseTrie<?>[] {modifiers, aliases, anaphora};
    }

    private static Alias alias(Def def, String written) {
        String w = written.trim().replace(".", "");
        boolean caps = w.length() <= CASE_SENSITIVE_MAX && w.chars().allMatch(Character::isUpperCase);
        return new Alias(def, caps ? List.of(w) : null);
    }

    /** The alias of a match that fits the case of the text, or null. */
    private static Def accept(List<Token> tokens, PhraseTrie.Match<Alias> m) {
        for (Alias a : m.values()) {
            if (a.exact() == null) {
                return a.def();
            }
            if (m.to() - m.from() == a.exact().size()) {
                boolean same = true;
                for (int k = 0; k < a.exact().size(); k++) {
                    same &= tokens.get(m.from() + k).raw().replace(".", "").equals(a.exact().get(k));
                }
                if (same) {
                    return a.def();
                }
            }
        }
        return null;
    }

    /** The actor with this canonical name or alias, or null. */
    Def lookup(String name) {
        return name == null ? null : byName.get(Gazetteer.key(name));
    }

    /**
     * Actors named in the tokens. {@code recent} holds actors named earlier in the article, most recent last; it is
     * used to resolve "the militias" and is updated with the actors found here.
     */
    List<Mention> find(List<Token> tokens, List<Def> recent) {
        List<Mention> out = new ArrayList<>();
        int i = nextCandidate(tokens, 0);
        while (i < tokens.size()) {
            Mention m = modifierHead(tokens, i);
            if (m == null) {
                PhraseTrie.Match<Alias> a = aliases.longestAt(tokens, i);
                Def def = a == null ? null : accept(tokens, a);
                if (def != null && !dependentAdjective(tokens, a.to())) {
                    m = new Mention(def, a.from(), a.to(), false);
                }
            }
            if (m == null) {
                PhraseTrie.Match<List<String>> an = anaphora.longestAt(tokens, i);
                if (an != null) {
                    Def d = resolve(an.value(), recent);
                    if (d != null) {
                        m = new Mention(d, an.from(), an.to(), true);
                    }
                }
            }
            if (m != null) {
                out.add(m);
                if (!m.anaphoric()) {
                    recent.add(m.def());
                    if (recent.size() > 16) {
                        recent.remove(0);
                    }
                }
                i = m.to();
            } else {
                i = nextCandidate(tokens, i + 1);
            }
        }
        List<Mention> merged = mergeAppositions(out);
        return withUnlisted(tokens, merged, recent);
    }

    /** The first token at or after {@code from} where a modifier, alias or anaphor starts; the size if none. */
    private int nextCandidate(List<Token> tokens, int from) {
        int next = tokens.size();
        for (PhraseTrie<?> t : starters) {
            int s = t.nextStart(tokens, from);
            if (s >= 0 && s < next) {
                next = s;
            }
        }
        return next;
    }

    /** Kind of an actor the catalogue lacks; "the group" can refer back to it. */
    static final String UNLISTED_KIND = "armed-group";

    /** Words right before a name that make it the actor of an attribution: "blamed the Taliban". */
    private static final WordSet ATTRIBUTING_BEFORE = WordSet.of("blamed", "blaming", "blames", "accused",
            "accusing", "accuses", "suspected", "suspecting", "by", "on", "to", "of");
    /** Words right after a name that make it the actor of an attribution: "Boko Haram claimed". */
    private static final WordSet ATTRIBUTING_AFTER = WordSet.of("claimed", "claims", "denied", "denies");
    /** Words between a name and "claimed"/"denied": "the group has claimed". */
    private static final WordSet BEFORE_CLAIM = WordSet.of("has", "have", "had", "also", "quickly", "later");
    private static final WordSet NOT_ACTORS = WordSet.of("the", "a", "an", "nobody", "no", "none", "neither",
            "nor", "everyone", "anyone", "someone", "one", "president", "prime", "minister", "gen",
            "general", "officials", "official", "police", "he", "she", "they", "it", "we", "i", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "this", "that", "in", "on", "at", "mr", "mrs",
            "ms", "dr", "col", "maj", "lt", "sheikh", "reuters", "afp", "ap", "january", "february", "march", "april",
            "may", "june", "july", "august", "september", "october", "november", "december", "state", "iraqi",
            "american", "western", "local", "security", "government", "ministry", "spokesman", "spokesperson");

    /**
     * Actors the catalogue lacks, named where an attribution needs one: a capitalised name after "blamed (the)",
     * "accused", "by suspected", "blamed on", "attributed to", "the work of", or before "claimed"/"denied"
     * ("blamed Boko Haram", "the Taliban denied involvement"). They keep their name as written and have no family.
     */
    private List<Mention> withUnlisted(List<Token> tokens, List<Mention> known, List<Def> recent) {
        List<Mention> out = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (!t.capitalized() || covered(known, i)) {
                continue;
            }
            if (NOT_ACTORS.contains(t)) {
                // a run that opens with a title or a pronoun ("Prime Minister Sudani") names no armed group
                while (i + 1 < tokens.size() && tokens.get(i + 1).capitalized()
                        && !tokens.get(i + 1).clauseBreakBefore()) {
                    i++;
                }
                continue;
            }
            int s = i;
            int e = i;
            while (e < tokens.size() && e - s < 4 && (tokens.get(e).capitalized() || e > s
                    && (tokens.get(e).norm().equals("al") || tokens.get(e).norm().equals("el"))
                    && e + 1 < tokens.size() && tokens.get(e + 1).capitalized())
                    && (e == s || !tokens.get(e).clauseBreakBefore()) && !covered(known, e)) {
                e++;
                if (tokens.get(e - 1).possessive()) {
                    break;
                }
            }
            i = e - 1;
            int b = s - 1;
            if (b >= 0 && tokens.get(b).norm().equals("the") && !tokens.get(s).clauseBreakBefore()) {
                b--;
            }
            boolean before = b >= 0 && !tokens.get(b + 1).clauseBreakBefore()
                    && ATTRIBUTING_BEFORE.contains(tokens.get(b)) && attributingPrefix(tokens, b);
            boolean after = e < tokens.size() && !tokens.get(e).clauseBreakBefore()
                    && (ATTRIBUTING_AFTER.contains(tokens.get(e)) || e + 1 < tokens.size()
                    && ATTRIBUTING_AFTER.contains(tokens.get(e + 1)) && BEFORE_CLAIM.contains(tokens.get(e)));
            if (!before && !after || s == 0 && !after) {
                continue;
            }
            if (gazetteer != null && gazetteer.findAny(tokens.subList(s, e))) {
                continue;
            }
            StringBuilder name = new StringBuilder();
            for (int k = s; k < e; k++) {
                if (k > s) {
                    name.append(tokens.get(k).hyphenBefore() ? "-" : " ");
                }
                name.append(tokens.get(k).raw());
            }
            if (out == null) {
                out = new ArrayList<>(known);
            }
            Def def = new Def(name.toString(), null, UNLISTED_KIND, null);
            out.add(new Mention(def, s, e, false));
            recent.add(def);
        }
        if (out == null) {
            return known;
        }
        out.sort((x, y) -> Integer.compare(x.from(), y.from()));
        return out;
    }

    /** "by", "on", "to", "of" attribute only in "by suspected", "blamed on", "attributed to", "the work of". */
    private static boolean attributingPrefix(List<Token> tokens, int b) {
        String w = tokens.get(b).norm();
        String prev = b > 0 ? tokens.get(b - 1).norm() : "";
        switch (w) {
            case "by":
                return false;
            case "suspected":
                return true;
            case "on":
                return prev.equals("blamed") || prev.equals("fell");
            case "to":
                return prev.equals("attributed");
            case "of":
                return prev.equals("work") || prev.equals("hallmarks");
            default:
                return true;
        }
    }

    private static boolean covered(List<Mention> known, int i) {
        for (Mention m : known) {
            if (m.from() <= i && i < m.to()) {
                return true;
            }
        }
        return false;
    }

    /** "the Iran-backed militia Kataib Hezbollah": a generic name followed by a specific one is the specific one. */
    private static List<ActorCatalog.Mention> mergeAppositions(List<ActorCatalog.Mention> in) {
        if (in.size() < 2) {
            return in;
        }
        List<ActorCatalog.Mention> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            ActorCatalog.Mention m = in.get(i);
            if (i + 1 < in.size()) {
                ActorCatalog.Mention n = in.get(i + 1);
                if (n.from() - m.to() <= 1 && m.def().family() != null && m.def().family().equals(n.def().family())
                        && !m.def().name().equals(n.def().name()) && m.def().name().endsWith("militias")) {
                    out.add(new ActorCatalog.Mention(n.def(), m.from(), n.to(), false));
                    i++;
                    continue;
                }
            }
            out.add(m);
        }
        return out;
    }

    /** "Iran-backed" + up to four words + "militia groups". */
    private Mention modifierHead(List<Token> tokens, int i) {
        PhraseTrie.Match<Def> mod = modifiers.longestAt(tokens, i);
        if (mod == null) {
            return null;
        }
        PhraseTrie<Boolean> h = heads.get(mod.value());
        for (int j = mod.to(); j < tokens.size() && j - mod.to() <= 4; j++) {
            if (j > mod.to() && tokens.get(j).strongBreakBefore()) {
                break;
            }
            PhraseTrie.Match<Boolean> head = h.longestAt(tokens, j);
            if (head != null) {
                return new Mention(mod.value(), i, head.to(), false);
            }
        }
        return null;
    }

    /** "Iran-backed attacks": the alias is part of an adjective, not an actor. */
    private static boolean dependentAdjective(List<Token> tokens, int next) {
        if (next >= tokens.size()) {
            return false;
        }
        Token t = tokens.get(next);
        return t.hyphenBefore() && DEPENDENT.contains(t);
    }

    private static Def resolve(List<String> kinds, List<Def> recent) {
        for (int k = recent.size() - 1; k >= 0; k--) {
            if (kinds.contains(recent.get(k).kind())) {
                return recent.get(k);
            }
        }
        return null;
    }
}
