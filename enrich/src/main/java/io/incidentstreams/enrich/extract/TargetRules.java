package io.incidentstreams.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Target phrases from {@code rules/targets.json}, reported as short canonical strings ("US Embassy"), and named
 * people ("Qasem Soleimani") when the sentence says the incident killed or was aimed at them.
 */
final class TargetRules {

    /** A target named at tokens {@code [from, to)}; {@code person} for a named person. */
    record Mention(String name, int from, int to, boolean person) {
    }

    private static final WordSet TARGETING = WordSet.of("hit", "hits", "hitting", "struck", "strike", "striking",
            "targeted", "targeting", "target", "at", "on", "against", "into", "onto", "inside", "attacked",
            "attacking", "killing", "wounding", "bombed", "shelled", "aimed", "towards", "toward", "in");
    private static final WordSet SKIP = WordSet.of("the", "a", "an", "its", "their", "both", "and", "of",
            "headquarters", "main", "iraqi", "us", "american", "foreign", "several", "two", "three", "four",
            "coalition", "sprawling", "storage", "other", "seven", "five");

    private final PhraseTrie<String> trie;
    private final PhraseTrie<String> people;
    private final Set<String> personVerbs;
    private final Set<String> personTitles;
    private final Set<String> personMotives;

    TargetRules(JsonNode root, Lexicon lexicon) {
        this.trie = new PhraseTrie<>(lexicon);
        for (JsonNode t : root.path("targets")) {
            String name = t.path("name").asText();
            for (String p : RuleFiles.strings(t.path("phrases"))) {
                trie.add(p, name);
            }
        }
        this.people = new PhraseTrie<>(lexicon);
        for (JsonNode t : root.path("persons")) {
            String name = t.path("name").asText();
            for (String p : RuleFiles.strings(t.path("phrases"))) {
                people.add(p, name);
            }
        }
        this.personVerbs = RuleFiles.normalizedWords(root.path("personVerbs"));
        this.personTitles = RuleFiles.normalizedWords(root.path("personTitles"));
        this.personMotives = RuleFiles.normalizedWords(root.path("personMotives"));
    }

    /**
     * Targets named right after a targeting word ("hit the headquarters of the National Security Service"), and
     * people named right after a killing word, titles aside ("killed top Iranian Gen. Qasem Soleimani").
     */
    List<Mention> find(List<Token> tokens) {
        List<Mention> out = new ArrayList<>();
        for (PhraseTrie.Match<String> m : trie.findAll(tokens)) {
            if (targeted(tokens, m.from())) {
                out.add(new Mention(m.value(), m.from(), m.to(), false));
            }
        }
        int lastPersonEnd = -1;
        for (PhraseTrie.Match<String> m : people.findAll(tokens)) {
            if (personTargeted(tokens, m.from(), lastPersonEnd)) {
                out.add(new Mention(m.value(), m.from(), m.to(), true));
                lastPersonEnd = m.to() - 1;
            }
        }
        return out;
    }

    /** "In revenge for the killing of": the person died in an earlier event, not this one. */
    private boolean motive(List<Token> tokens, int verb) {
        for (int i = verb - 1; i >= 0 && i >= verb - 3; i--) {
            if (personMotives.contains(tokens.get(i).norm())) {
                return true;
            }
        }
        return false;
    }

    /** Words that join a second victim to the first ("killed X and Y", "X along with Y"). */
    private static final Set<String> JOINING = Set.of("and", "along", "with", "as", "well", ",");

    /**
     * A killing word just before the name, titles aside, or a joining word after a person already found a target
     * ("killed Soleimani and the commander Abu Mahdi al-Muhandis").
     */
    private boolean personTargeted(List<Token> tokens, int from, int lastPersonEnd) {
        for (int i = from - 1, steps = 0; i >= 0 && steps < 8; i--, steps++) {
            if (i == lastPersonEnd) {
                return true;
            }
            if (tokens.get(i + 1).clauseBreakBefore() && !JOINING.contains(tokens.get(i).norm())) {
                return false;
            }
            String n = tokens.get(i).norm();
            if (personVerbs.contains(n) || TARGETING.contains(n)) {
                return !motive(tokens, i);
            }
            if (!personTitles.contains(n) && !SKIP.contains(n) && !JOINING.contains(n)
                    && !tokens.get(i).possessive()) {
                return false;
            }
        }
        return false;
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
