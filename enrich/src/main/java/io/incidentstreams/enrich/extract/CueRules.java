package io.incidentstreams.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Attribution and relation cues from {@code rules/cues.json}.
 *
 * <p>Attribution patterns have one actor slot ("hold {actor} responsible", "{actor} claimed responsibility"); they
 * are checked around each actor mention, which keeps the cost proportional to the actors named rather than to the
 * number of patterns times the sentence length.
 */
final class CueRules {

    /** An attribution found in a sentence. */
    record Attribution(ActorCatalog.Def actor, String status, int from, int to) {
    }

    /** A phrase found at tokens {@code [from, to)} with its meaning. */
    record Found(String meaning, int from, int to) {
    }

    private record Pattern(int index, List<String> prefix, List<String> suffix, String status) {
    }

    private static final WordSet PREFIX_FILLERS = WordSet.of("the", "a", "an", "it", "on", "to", "suspected",
            "iraqi", "shiite", "shia", "armed", "its", "militant", "militia", "group", "one", "of");
    private static final WordSet SUFFIX_FILLERS = WordSet.of("has", "have", "had", "was", "were", "is", "are",
            "quickly", "later", "also", "immediately", "reportedly", "it", "they", "the", "group", "swiftly",
            "officially", "publicly", "subsequently", "formally", "all", "itself", "which");

    private final List<Pattern> patterns = new ArrayList<>();
    /** Patterns by the word that ends their prefix, or (with no prefix) begins their suffix. */
    private final Map<String, List<Pattern>> byPrefixEnd = new HashMap<>();
    private final Map<String, List<Pattern>> bySuffixStart = new HashMap<>();
    private final PhraseTrie<String> unclaimed;
    private final Map<String, Set<String>> unclaimedRequires = new HashMap<>();
    private final PhraseTrie<Boolean> hedges;
    private final PhraseTrie<String> relations;
    private final Set<String> reportingVerbs = new HashSet<>();

    CueRules(JsonNode root, Lexicon lexicon) {
        this.unclaimed = new PhraseTrie<>(lexicon);
        this.hedges = new PhraseTrie<>(lexicon);
        this.relations = new PhraseTrie<>(lexicon);
        for (JsonNode group : root.path("attribution")) {
            String status = group.path("status").asText();
            for (String p : RuleFiles.strings(group.path("patterns"))) {
                int slot = p.indexOf("{actor}");
                if (slot < 0) {
                    continue;
                }
                Pattern pat = new Pattern(patterns.size(), Tokenizer.normalizePhrase(p.substring(0, slot)),
                        Tokenizer.normalizePhrase(p.substring(slot + "{actor}".length())), status);
                patterns.add(pat);
                if (!pat.prefix().isEmpty()) {
                    byPrefixEnd.computeIfAbsent(pat.prefix().get(pat.prefix().size() - 1), k -> new ArrayList<>())
                            .add(pat);
                } else if (!pat.suffix().isEmpty()) {
                    bySuffixStart.computeIfAbsent(pat.suffix().get(0), k -> new ArrayList<>()).add(pat);
                }
            }
        }
        JsonNode u = root.path("unclaimed");
        for (String p : RuleFiles.strings(u.path("phrases"))) {
            unclaimed.add(p, String.join(" ", Tokenizer.normalizePhrase(p)));
        }
        u.path("requiresAny").fieldNames().forEachRemaining(k -> {
            Set<String> words = new HashSet<>();
            for (String w : RuleFiles.strings(u.path("requiresAny").get(k))) {
                words.add(String.join(" ", Tokenizer.normalizePhrase(w)));
            }
            unclaimedRequires.put(String.join(" ", Tokenizer.normalizePhrase(k)), words);
        });
        for (String p : RuleFiles.strings(root.path("hedges"))) {
            hedges.add(p, Boolean.TRUE);
        }
        JsonNode rel = root.path("relations");
        rel.fieldNames().forEachRemaining(k -> {
            for (String p : RuleFiles.strings(rel.get(k))) {
                relations.add(p, k);
            }
        });
        for (String v : RuleFiles.strings(root.path("reportingVerbs"))) {
            reportingVerbs.add(String.join(" ", Tokenizer.normalizePhrase(v)));
        }
    }

    boolean isReportingVerb(Token t) {
        return reportingVerbs.contains(t.norm());
    }

    /** Attributions around the actors named in the sentence; hedged ones ("if attributed to Iran") are left out. */
    List<Attribution> attributions(List<Token> tokens, List<ActorCatalog.Mention> actors) {
        List<Attribution> out = new ArrayList<>();
        for (ActorCatalog.Mention m : actors) {
            for (Pattern p : candidates(tokens, m)) {
                int from = matchPrefix(tokens, m.from(), p.prefix());
                if (from < 0) {
                    continue;
                }
                int to = matchSuffix(tokens, m.to(), p.suffix());
                if (to < 0) {
                    continue;
                }
                if (p.prefix().isEmpty() && p.suffix().isEmpty()) {
                    continue;
                }
                if (hedged(tokens, from)) {
                    continue;
                }
                out.add(new Attribution(m.def(), p.status(), Math.min(from, m.from()), Math.max(to, m.to())));
                break;
            }
        }
        return out;
    }

    /** Patterns whose words stand where they could fit around the mention, in the order they were written. */
    private List<Pattern> candidates(List<Token> tokens, ActorCatalog.Mention m) {
        java.util.BitSet found = new java.util.BitSet(patterns.size());
        for (int k = m.from() - 1; k >= 0 && m.from() - k <= 4; k--) {
            List<Pattern> ps = byPrefixEnd.get(tokens.get(k).norm());
            if (ps != null) {
                for (Pattern p : ps) {
                    found.set(p.index());
                }
            }
        }
        for (int k = m.to(); k < tokens.size() && k - m.to() <= 2; k++) {
            List<Pattern> ps = bySuffixStart.get(tokens.get(k).norm());
            if (ps != null) {
                for (Pattern p : ps) {
                    found.set(p.index());
                }
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        List<Pattern> out = new ArrayList<>(found.cardinality());
        for (int i = found.nextSetBit(0); i >= 0; i = found.nextSetBit(i + 1)) {
            out.add(patterns.get(i));
        }
        return out;
    }

    /** "No immediate claim of responsibility", "not immediately clear who fired": the phrase, or null. */
    Found unclaimed(List<Token> tokens) {
        for (PhraseTrie.Match<String> m : unclaimed.findAll(tokens)) {
            Set<String> req = unclaimedRequires.get(m.value());
            if (req == null || containsAny(tokens, req)) {
                return new Found("unclaimed", m.from(), m.to());
            }
        }
        return null;
    }

    List<Found> relations(List<Token> tokens) {
        List<Found> out = new ArrayList<>();
        for (PhraseTrie.Match<String> m : relations.findAll(tokens)) {
            out.add(new Found(m.value(), m.from(), m.to()));
        }
        return out;
    }

    /** True if a hedge ("if", "in the past") stands within three words before {@code from}. */
    boolean hedged(List<Token> tokens, int from) {
        for (int i = Math.max(0, from - 3); i < from; i++) {
            if (hedges.longestAt(tokens, i) != null) {
                return true;
            }
        }
        for (int i = hedges.nextStart(tokens, 0); i >= 0; i = hedges.nextStart(tokens, i + 1)) {
            PhraseTrie.Match<Boolean> h = hedges.longestAt(tokens, i);
            if (h.to() - h.from() >= 2) {
                return true; // multi-word hedges ("in the past") cover the whole sentence
            }
        }
        return false;
    }

    private static int matchPrefix(List<Token> tokens, int slotFrom, List<String> prefix) {
        if (prefix.isEmpty()) {
            return slotFrom;
        }
        for (int gap = 0; gap <= 3; gap++) {
            int end = slotFrom - gap;
            int start = end - prefix.size();
            if (start < 0) {
                break;
            }
            if (gap > 0 && !PREFIX_FILLERS.contains(tokens.get(end))) {
                break;
            }
            if (equalAt(tokens, start, prefix)) {
                return start;
            }
        }
        return -1;
    }

    private static int matchSuffix(List<Token> tokens, int slotTo, List<String> suffix) {
        if (suffix.isEmpty()) {
            return slotTo;
        }
        for (int gap = 0; gap <= 2; gap++) {
            int start = slotTo + gap;
            if (start + suffix.size() > tokens.size()) {
                break;
            }
            if (gap > 0 && !SUFFIX_FILLERS.contains(tokens.get(start - 1))) {
                break;
            }
            if (equalAt(tokens, start, suffix)) {
                return start + suffix.size();
            }
        }
        return -1;
    }

    private static boolean equalAt(List<Token> tokens, int start, List<String> words) {
        for (int k = 0; k < words.size(); k++) {
            if (!tokens.get(start + k).norm().equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAny(List<Token> tokens, Set<String> words) {
        for (Token t : tokens) {
            if (words.contains(t.norm())) {
                return true;
            }
        }
        return false;
    }
}
