package io.incidentstreams.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Actors from {@code rules/actors.json}: names, aliases, families and kinds.
 *
 * <p>Besides plain aliases, an actor can list modifiers and heads so that "Iran-backed, largely rural, militia factions"
 * is recognised without listing every wording, and the catalogue resolves "the militias" to the militia named last
 * in the article.
 */
final class ActorCatalog {

    /** An actor of the catalogue. */
    record Def(String name, String family, String kind) {
    }

    /** An actor named at tokens {@code [from, to)}; {@code anaphoric} when it was "the militias" or similar. */
    record Mention(Def def, int from, int to, boolean anaphoric) {
    }

    private static final Set<String> DEPENDENT = Set.of("backed", "aligned", "allied", "linked", "sponsored",
            "supported", "affiliated", "funded", "armed", "trained", "led", "based", "made", "supplied", "directed");

    private final PhraseTrie<Def> aliases;
    private final PhraseTrie<Def> modifiers;
    private final Map<Def, PhraseTrie<Boolean>> heads = new HashMap<>();
    private final PhraseTrie<List<String>> anaphora;
    private final Map<String, Def> byName = new HashMap<>();

    ActorCatalog(JsonNode root, Lexicon lexicon) {
        this.aliases = new PhraseTrie<>(lexicon);
        this.modifiers = new PhraseTrie<>(lexicon);
        this.anaphora = new PhraseTrie<>(lexicon);
        for (JsonNode a : root.path("actors")) {
            Def def = new Def(a.path("name").asText(), a.path("family").asText(null), a.path("kind").asText(""));
            byName.put(Gazetteer.key(def.name()), def);
            aliases.add(def.name(), def);
            for (String s : RuleFiles.strings(a.path("aliases"))) {
                aliases.add(s, def);
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
        int i = 0;
        while (i < tokens.size()) {
            Mention m = modifierHead(tokens, i);
            if (m == null) {
                PhraseTrie.Match<Def> a = aliases.longestAt(tokens, i);
                if (a != null && !dependentAdjective(tokens, a.to())) {
                    m = new Mention(a.value(), a.from(), a.to(), false);
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
                i++;
            }
        }
        return mergeAppositions(out);
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
        return t.hyphenBefore() && DEPENDENT.contains(t.norm());
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
