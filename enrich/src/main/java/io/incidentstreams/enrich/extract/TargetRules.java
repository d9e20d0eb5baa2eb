package io.incidentstreams.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Target phrases from {@code rules/targets.json}, reported as short canonical strings ("US Embassy"). */
final class TargetRules {

    /** A target named at tokens {@code [from, to)}. */
    record Mention(String name, int from, int to) {
    }

    private static final WordSet TARGETING = WordSet.of("hit", "hits", "hitting", "struck", "strike", "striking",
            "targeted", "targeting", "target", "at", "on", "against", "into", "onto", "inside", "attacked",
            "attacking", "killing", "wounding", "bombed", "shelled", "aimed", "towards", "toward", "in");
    private static final WordSet SKIP = WordSet.of("the", "a", "an", "its", "their", "both", "and", "of",
            "headquarters", "main", "iraqi", "us", "american", "foreign", "several", "two", "three", "four",
            "coalition", "sprawling", "storage", "other", "seven", "five");

    private final PhraseTrie<String> trie;

    TargetRules(JsonNode root, Lexicon lexicon) {
        this.trie = new PhraseTrie<>(lexicon);
        for (JsonNode t : root.path("targets")) {
            String name = t.path("name").asText();
            for (String p : RuleFiles.strings(t.path("phrases"))) {
                trie.add(p, name);
            }
        }
    }

    /** Targets named right after a targeting word ("hit the headquarters of the National Security Service"). */
    List<Mention> find(List<Token> tokens) {
        List<Mention> out = new ArrayList<>();
        for (PhraseTrie.Match<String> m : trie.findAll(tokens)) {
            if (targeted(tokens, m.from())) {
                out.add(new Mention(m.value(), m.from(), m.to()));
            }
        }
        return out;
    }

    /** The target a victim noun stands for ("contractors" is "civilian contractors"), or null. */
    String victim(String personNoun) {
        List<Token> t = Tokenizer.tokenize(personNoun, 0, personNoun.length());
        PhraseTrie.Match<String> m = trie.longestAt(t, 0);
        return m != null && m.to() == t.size() ? m.value() : null;
    }

    private static boolean targeted(List<Token> tokens, int from) {
        for (int i = from - 1, steps = 0; i >= 0 && steps < 5; i--, steps++) {
            if (tokens.get(i + 1).clauseBreakBefore()) {
                return false;
            }
            String n = tokens.get(i).norm();
            if (TARGETING.contains(tokens.get(i))) {
                return true;
            }
            if (!SKIP.contains(tokens.get(i)) && !tokens.get(i).possessive()) {
                return false;
            }
        }
        return false;
    }
}
