package io.incidentstreams.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import io.incidentstreams.model.IncidentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds incident triggers in a sentence from {@code rules/triggers.json}.
 *
 * <p>Three kinds of evidence make a report: an event phrase ("rocket attack", "drone strike"), a weapon with an impact
 * verb close by ("rockets ... landed", "fired multiple missiles"), or a truce phrase. Each hit is then checked for
 * the marks of a generic or hypothetical statement ("numerous rocket attacks in recent months", "could set off an
 * attack"), because over-coding is the failure users mind most.
 */
final class TriggerRules {

    enum Kind { EVENT, WEAPON, VERB, TRUCE, WEAK, NEUTRAL }

    record Entry(Kind kind, IncidentType type, List<String> weapons) {
    }

    /** How a hit refers to its incident. */
    enum Reference { DEFINITE, INDEFINITE, BARE }

    /**
     * A trigger found in a sentence.
     *
     * @param from      first token of the whole hit (weapon and verb together)
     * @param to        one past its last token
     * @param headFrom  first token of the noun phrase that carries the determiner
     * @param kind      EVENT (event phrase or weapon with verb), TRUCE, WEAK (a reference such as "the attack"),
     *                  WEAPON (a weapon named without a verb, only a reference)
     */
    record Hit(Kind kind, IncidentType type, List<String> weapons, int from, int to, int headFrom, boolean plural,
               Reference reference, boolean generic, boolean hypothetical, boolean markedNew, boolean numbered,
               boolean demonstrative) {

        boolean violent() {
            return kind != Kind.TRUCE;
        }

        boolean canCreate() {
            return (kind == Kind.EVENT || kind == Kind.TRUCE) && !generic && !hypothetical;
        }
    }

    private static final WordSet DEFINITE = WordSet.of("the", "this", "that", "these", "those", "its", "their", "his",
            "her", "our", "whose");
    private static final WordSet INDEFINITE = WordSet.of("a", "an", "another", "one", "two", "three", "four", "five",
            "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "dozen", "some");
    private static final WordSet PREPOSITIONS = WordSet.of("of", "to", "for", "by", "on", "in", "at", "with",
            "from", "against", "after", "before", "since", "during");
    private static final int VERB_WINDOW = 5;

    private final PhraseTrie<Entry> trie;
    private final PhraseTrie<Boolean> genericMarkers;
    private final Set<String> genericModifiers;
    private final Set<String> hypothetical;
    private final Set<String> newEvent;
    private final PhraseTrie<Boolean> announceVerbs;

    TriggerRules(JsonNode root, Lexicon lexicon) {
        this.trie = new PhraseTrie<>(lexicon);
        this.genericMarkers = new PhraseTrie<>(lexicon);
        this.announceVerbs = new PhraseTrie<>(lexicon);
        for (JsonNode e : root.path("events")) {
            IncidentType type = IncidentType.fromCode(e.path("type").asText());
            Entry entry = new Entry(Kind.EVENT, type, List.copyOf(RuleFiles.strings(e.path("weapons"))));
            for (String p : RuleFiles.strings(e.path("phrases"))) {
                trie.add(p, entry);
            }
        }
        for (JsonNode e : root.path("weapons")) {
            IncidentType type = IncidentType.fromCode(e.path("type").asText());
            Entry entry = new Entry(Kind.WEAPON, type, List.of(e.path("weapon").asText()));
            for (String p : RuleFiles.strings(e.path("phrases"))) {
                trie.add(p, entry);
            }
        }
        Entry verb = new Entry(Kind.VERB, null, List.of());
        for (String p : RuleFiles.strings(root.path("impactVerbs"))) {
            trie.add(p, verb);
        }
        JsonNode truces = root.path("truces");
        Entry truce = new Entry(Kind.TRUCE, IncidentType.fromCode(truces.path("type").asText("agreement_truce")),
                List.of());
        for (String p : RuleFiles.strings(truces.path("phrases"))) {
            trie.add(p, truce);
        }
        for (String p : RuleFiles.strings(truces.path("announceVerbs"))) {
            announceVerbs.add(p, Boolean.TRUE);
        }
        for (JsonNode w : root.path("weak")) {
            if (w.isTextual()) {
                trie.add(w.asText(), new Entry(Kind.WEAK, IncidentType.OTHER_VIOLENCE, List.of()));
                continue;
            }
            Entry typed = new Entry(Kind.WEAK, IncidentType.fromCode(w.path("type").asText()),
                    List.copyOf(RuleFiles.strings(w.path("weapons"))));
            for (String p : RuleFiles.strings(w.path("phrases"))) {
                trie.add(p, typed);
            }
        }
        Entry neutral = new Entry(Kind.NEUTRAL, null, List.of());
        for (String p : RuleFiles.strings(root.path("neutral"))) {
            trie.add(p, neutral);
        }
        for (String p : RuleFiles.strings(root.path("genericMarkers"))) {
            genericMarkers.add(p, Boolean.TRUE);
        }
        genericModifiers = RuleFiles.normalizedWords(root.path("genericModifiers"));
        hypothetical = RuleFiles.normalizedWords(root.path("hypotheticalMarkers"));
        newEvent = RuleFiles.normalizedWords(root.path("newEventModifiers"));
    }

    /** True if the tokens hold any event, weapon, truce or weak trigger word (used to keep short title lines). */
    boolean hasAnyTrigger(List<Token> tokens) {
        for (PhraseTrie.Match<Entry> m : trie.findAll(tokens)) {
            for (Entry e : m.values()) {
                if (e.kind() != Kind.NEUTRAL && e.kind() != Kind.VERB) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True if an announcing verb ("announced", "declared", "said") appears in tokens {@code [from, to)}. */
    boolean hasAnnounceVerb(List<Token> tokens, int from, int to) {
        int i = announceVerbs.nextStart(tokens, from);
        return i >= 0 && i < Math.min(to, tokens.size());
    }

    List<Hit> find(List<Token> tokens) {
        List<PhraseTrie.Match<Entry>> matches = trie.findAll(tokens);
        boolean sentenceGeneric = genericMarkers.nextStart(tokens, 0) >= 0;
        List<Hit> hits = new ArrayList<>();
        boolean[] verbUsed = new boolean[matches.size()];
        for (int mi = 0; mi < matches.size(); mi++) {
            PhraseTrie.Match<Entry> m = matches.get(mi);
            Entry e = primary(m.values());
            if (e == null) {
                continue;
            }
            switch (e.kind()) {
                case EVENT:
                case TRUCE:
                case WEAK:
                    hits.add(hit(tokens, e.kind(), e, m.from(), m.to(), m.from(), m.to(), sentenceGeneric));
                    break;
                case WEAPON: {
                    // "a missile and drone attack": two weapons of one event phrase
                    if (mi + 1 < matches.size() && m.to() + 1 == matches.get(mi + 1).from()
                            && (tokens.get(m.to()).norm().equals("and") || tokens.get(m.to()).norm().equals("or"))
                            && primary(matches.get(mi + 1).values()) != null
                            && primary(matches.get(mi + 1).values()).kind() == Kind.EVENT
                            && !tokens.get(m.to()).clauseBreakBefore()) {
                        PhraseTrie.Match<Entry> ev = matches.get(mi + 1);
                        List<String> both = new ArrayList<>(e.weapons());
                        for (String w : primary(ev.values()).weapons()) {
                            if (!both.contains(w)) {
                                both.add(w);
                            }
                        }
                        Entry joint = new Entry(Kind.EVENT, e.type(), List.copyOf(both));
                        hits.add(hit(tokens, Kind.EVENT, joint, m.from(), ev.to(), m.from(), ev.to(), sentenceGeneric));
                        mi++;
                        break;
                    }
                    e = unexploded(tokens, m.from(), e);
                    int verb = findVerb(tokens, matches, mi, verbUsed);
                    if (verb >= 0) {
                        verbUsed[verb] = true;
                        PhraseTrie.Match<Entry> v = matches.get(verb);
                        int from = Math.min(m.from(), v.from());
                        int to = Math.max(m.to(), v.to());
                        hits.add(hit(tokens, Kind.EVENT, e, from, to, m.from(), m.to(), sentenceGeneric));
                    } else {
                        hits.add(hit(tokens, Kind.WEAPON, e, m.from(), m.to(), m.from(), m.to(), sentenceGeneric));
                    }
                    break;
                }
                default:
                    break;
            }
        }
        // "Four fell inside the zone and three landed near the hospital": projectiles counted, not named
        for (int mi = 0; mi < matches.size(); mi++) {
            PhraseTrie.Match<Entry> m = matches.get(mi);
            if (verbUsed[mi] || !isVerb(m) || m.from() == 0 || !ELLIPTIC_VERBS.contains(tokens.get(m.from()))) {
                continue;
            }
            Token before = tokens.get(m.from() - 1);
            boolean counted = before.isNumber() && before.number() < 100 || COUNT_WORDS.contains(before)
                    || before.norm().equals("them") && m.from() >= 3 && tokens.get(m.from() - 2).norm().equals("of");
            if (counted && !tokens.get(m.from()).clauseBreakBefore()) {
                hits.add(new Hit(Kind.WEAPON, IncidentType.OTHER_VIOLENCE, List.of(), m.from() - 1, m.to(),
                        m.from() - 1, true, Reference.DEFINITE, false, false, false, true, false));
            }
        }
        hits.sort((a, b) -> Integer.compare(a.from(), b.from()));
        return hits;
    }

    private static final WordSet REMNANT = WordSet.of("unexploded", "leftover", "abandoned", "old");
    private static final Set<String> REMNANT_WEAPONS = Set.of("mortar", "artillery", "rocket", "missile", "grenade");

    /** "an unexploded mortar shell went off": remnants of war are coded as explosive devices, as ACLED does. */
    private static Entry unexploded(List<Token> tokens, int from, Entry e) {
        if (e.weapons().isEmpty() || !REMNANT_WEAPONS.contains(e.weapons().get(0))) {
            return e;
        }
        for (int i = from - 1; i >= 0 && from - i <= 2; i--) {
            if (REMNANT.contains(tokens.get(i))) {
                return new Entry(e.kind(), IncidentType.IED_ATTACK, e.weapons());
            }
            if (tokens.get(i + 1).clauseBreakBefore()) {
                break;
            }
        }
        return e;
    }

    private static final WordSet ELLIPTIC_VERBS = WordSet.of("fell", "landed", "struck", "hit", "exploded",
            "impacted", "came", "slammed", "crashed");
    private static final WordSet COUNT_WORDS = WordSet.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "another", "others");

    /** Picks the entry that decides a phrase listed under several kinds ("bombing" is an event and a verb). */
    private static Entry primary(List<Entry> entries) {
        Entry best = null;
        for (Entry e : entries) {
            if (best == null || rank(e.kind()) < rank(best.kind())) {
                best = e;
            }
        }
        return best;
    }

    private static int rank(Kind k) {
        switch (k) {
            case NEUTRAL:
                return 0;
            case TRUCE:
                return 1;
            case EVENT:
                return 2;
            case WEAPON:
                return 3;
            case WEAK:
                return 4;
            default:
                return 5;
        }
    }

    private static boolean isVerb(PhraseTrie.Match<Entry> m) {
        for (Entry e : m.values()) {
            if (e.kind() == Kind.VERB) {
                return true;
            }
        }
        return false;
    }

    /** The nearest unused impact verb within the window in the same clause: after the weapon first, then before. */
    private static int findVerb(List<Token> tokens, List<PhraseTrie.Match<Entry>> matches, int mi,
                                boolean[] verbUsed) {
        PhraseTrie.Match<Entry> w = matches.get(mi);
        for (int k = mi + 1; k < matches.size(); k++) {
            PhraseTrie.Match<Entry> v = matches.get(k);
            if (v.from() - w.to() > VERB_WINDOW || breakBetween(tokens, w.to(), v.from() + 1, true)) {
                break;
            }
            if (isVerb(v) && !verbUsed[k]) {
                return k;
            }
        }
        for (int k = mi - 1; k >= 0; k--) {
            PhraseTrie.Match<Entry> v = matches.get(k);
            if (w.from() - v.to() > VERB_WINDOW || breakBetween(tokens, v.to(), w.from() + 1, false)) {
                break;
            }
            if (isVerb(v) && !verbUsed[k]) {
                return k;
            }
        }
        return -1;
    }

    /** True if punctuation separates tokens {@code from-1} and {@code to-1}: a strong stop, or any break if strict. */
    static boolean breakBetween(List<Token> tokens, int from, int to, boolean commaAllowed) {
        for (int i = Math.max(1, from); i < Math.min(to, tokens.size()); i++) {
            Token t = tokens.get(i);
            if (t.strongBreakBefore() || (!commaAllowed && t.clauseBreakBefore())
                    || (t.sepBefore() & (Token.PAREN | Token.DASH)) != 0) {
                return true;
            }
        }
        return false;
    }

    private Hit hit(List<Token> tokens, Kind kind, Entry e, int from, int to, int headFrom, int headTo,
                    boolean sentenceGeneric) {
        boolean plural = isPlural(tokens.get(headTo - 1).norm());
        Reference ref = Reference.BARE;
        boolean demonstrative = false;
        boolean numbered = false;
        boolean markedNew = false;
        boolean genericMod = false;
        // look back over up to three words of the noun phrase for a determiner or a modifier
        for (int i = headFrom - 1, steps = 0; i >= 0 && steps < 4; i--, steps++) {
            if (tokens.get(i + 1).clauseBreakBefore()) {
                break;
            }
            Token t = tokens.get(i);
            String n = t.norm();
            if (PREPOSITIONS.contains(t)) {
                break; // "the target of rocket attacks": the article belongs to another noun
            }
            if (newEvent.contains(n) && steps < 3) {
                markedNew = true;
            }
            if (genericModifiers.contains(n) && steps < 3) {
                genericMod = true;
            }
            if (DEFINITE.contains(t)) {
                ref = Reference.DEFINITE;
                demonstrative = n.equals("that") || n.equals("this") || n.equals("those") || n.equals("these");
                break;
            }
            if (t.possessive()) {
                ref = Reference.DEFINITE; // "Iran's missile strikes", "Wednesday's attack"
                break;
            }
            if (INDEFINITE.contains(t) || t.isNumber()) {
                ref = Reference.INDEFINITE;
                numbered = true;
                break;
            }
        }
        boolean generic = false;
        boolean nounTrigger = e.kind() == Kind.EVENT || e.kind() == Kind.WEAK;
        if (kind != Kind.TRUCE) {
            if (plural && genericMod && nounTrigger) {
                generic = true;
            }
            if ((plural || ref == Reference.BARE) && nounTrigger && sentenceGeneric && ref != Reference.DEFINITE
                    && !numbered) {
                generic = true;
            }
            if (precededBySeries(tokens, headFrom)) {
                generic = true;
            }
        }
        boolean hypo = kind != Kind.TRUCE && hypotheticalBefore(tokens, headFrom, from, to);
        return new Hit(kind, e.type(), e.weapons(), from, to, headFrom, plural, ref, generic, hypo, markedNew,
                numbered, demonstrative);
    }

    private boolean precededBySeries(List<Token> tokens, int headFrom) {
        // "a string of retaliatory attacks", "a series of attacks"
        for (int i = headFrom - 1; i >= 0 && headFrom - i <= 4; i--) {
            String n = tokens.get(i).norm();
            if (n.equals("of") && i > 0) {
                String prev = tokens.get(i - 1).norm();
                return prev.equals("series") || prev.equals("string") || prev.equals("spate") || prev.equals("wave")
                        || prev.equals("dozens") || prev.equals("scores") || prev.equals("hundreds")
                        || prev.equals("chain");
            }
        }
        return false;
    }

    private boolean hypotheticalBefore(List<Token> tokens, int headFrom, int from, int to) {
        int start = Math.min(headFrom, from);
        for (int i = start - 1; i >= 0 && start - i <= 3; i--) {
            if (hypothetical.contains(tokens.get(i).norm())) {
                return true;
            }
            if (tokens.get(i + 1).clauseBreakBefore()) {
                break;
            }
        }
        for (int i = start; i < to; i++) {
            String n = tokens.get(i).norm();
            if (n.equals("would") || n.equals("could") || n.equals("might") || n.equals("may")) {
                return true;
            }
        }
        return false;
    }

    static boolean isPlural(String norm) {
        return norm.length() > 3 && norm.endsWith("s") && !norm.endsWith("ss") && !norm.endsWith("us")
                && !norm.endsWith("is");
    }
}
