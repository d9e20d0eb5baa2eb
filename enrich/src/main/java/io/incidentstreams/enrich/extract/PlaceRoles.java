package io.incidentstreams.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decides what part each named place plays in a sentence: where something hit, somewhere near it, where it was
 * launched from, a distance reference, or the town that merely contains another named place.
 *
 * <p>Only the words just before a place are read (a preposition or verb, skipping articles and adjectives), which is
 * enough for news prose and keeps the step linear. "600m from the American Embassy" and "launched from the al-Salam
 * neighbourhood" are thereby not taken as the place of the incident.
 */
final class PlaceRoles {

    enum Role { HIT, NEAR, DIRECTION, LAUNCH, DISTANCE, CONTAINER, OTHER }

    /** A place mention with its role. */
    record Roled(Place place, int from, int to, Role role) {
    }

    private static final Set<String> HIT = Set.of("in", "inside", "into", "at", "on", "onto", "hit", "hits",
            "struck", "strike", "strikes", "striking", "targeted", "targeting", "target", "against", "blasts",
            "blasted", "rocked", "pounded", "shelled", "bombed", "attacked", "within", "across", "hitting", "toward",
            "towards", "upon", "rained", "landed", "fell", "over");
    private static final Set<String> NEAR = Set.of("near", "outside", "around", "nearby", "beside", "outskirts",
            "vicinity", "close", "next", "off", "edge", "fringes", "approaches");
    private static final Set<String> DIRECTIONS = Set.of("north", "south", "east", "west", "northeast", "northwest",
            "southeast", "southwest", "northern", "southern", "eastern", "western");
    private static final Set<String> LAUNCH_VERBS = Set.of("launched", "fired", "launch", "fire", "shot", "came",
            "flew", "sent", "originated", "took", "launching", "firing");
    private static final Set<String> DISTANCE_WORDS = Set.of("m", "metres", "meters", "metre", "meter", "km",
            "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "yards", "feet", "distance",
            "blocks", "hundred", "minutes", "kms");
    private static final Set<String> SKIP = Set.of("the", "a", "an", "its", "heavily", "fortified", "guarded",
            "heavily-fortified", "sprawling", "central", "nearby", "busy", "crowded", "main", "highly", "secure",
            "so", "called", "city", "capital", "both", "and", "to", "of", "by", "from", "just", "some", "base");
    private static final Set<String> PASSIVE_HIT = Set.of("hit", "struck", "targeted", "shelled", "attacked",
            "rocked", "bombed", "pounded", "came", "was", "were", "been", "again", "last", "also");

    private final Gazetteer gazetteer;

    PlaceRoles(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    List<Roled> find(List<Token> tokens) {
        List<Gazetteer.Mention> mentions = gazetteer.find(tokens);
        List<Roled> out = new ArrayList<>(mentions.size());
        for (int k = 0; k < mentions.size(); k++) {
            Gazetteer.Mention m = mentions.get(k);
            Role role = roleBefore(tokens, m.from());
            if (isContainer(tokens, mentions, k)) {
                role = Role.CONTAINER;
            } else if (role == Role.OTHER && passiveHit(tokens, m.to())) {
                role = Role.HIT; // "Camp Taji hit again", "the Erbil airport complex was last targeted"
            }
            out.add(new Roled(m.place(), m.from(), m.to(), role));
        }
        return out;
    }

    /** "Green Zone in Baghdad", "Baghdad's Green Zone", "Camp Taji, Iraq": the second names where the first lies. */
    private boolean isContainer(List<Token> tokens, List<Gazetteer.Mention> mentions, int k) {
        Gazetteer.Mention m = mentions.get(k);
        if (k > 0) {
            Gazetteer.Mention prev = mentions.get(k - 1);
            int gap = m.from() - prev.to();
            boolean joined = gap == 0 && (tokens.get(m.from()).sepBefore() & Token.COMMA) != 0
                    || gap == 1 && tokens.get(prev.to()).norm().equals("in")
                    || gap == 2 && tokens.get(prev.to()).norm().equals("in")
                    && tokens.get(prev.to() + 1).norm().equals("the");
            if (joined && gazetteer.contains(m.place(), prev.place()) && !m.place().id().equals(prev.place().id())) {
                return true;
            }
        }
        if (k + 1 < mentions.size() && tokens.get(m.to() - 1).possessive()) {
            Gazetteer.Mention next = mentions.get(k + 1);
            if (next.from() - m.to() <= 3 && gazetteer.contains(m.place(), next.place())
                    && !m.place().id().equals(next.place().id())) {
                return true;
            }
        }
        return false;
    }

    private static Role roleBefore(List<Token> tokens, int from) {
        boolean sawFrom = false;
        boolean sawOf = false;
        for (int i = from - 1, steps = 0; i >= 0 && steps < 6; i--, steps++) {
            Token t = tokens.get(i);
            String n = t.norm();
            boolean broken = tokens.get(i + 1).clauseBreakBefore() && i + 1 < from;
            if (broken) {
                break;
            }
            if (n.equals("from")) {
                sawFrom = true;
                continue;
            }
            if (n.equals("of")) {
                sawOf = true;
                continue;
            }
            if (sawFrom || sawOf) {
                if (DISTANCE_WORDS.contains(n) || isMeasure(t)) {
                    return Role.DISTANCE;
                }
                if (sawOf && DIRECTIONS.contains(n)) {
                    return Role.DIRECTION;
                }
                if (sawFrom && LAUNCH_VERBS.contains(n)) {
                    return Role.LAUNCH;
                }
            }
            if (sawFrom && steps >= 3) {
                return Role.OTHER;
            }
            if (!sawFrom && !sawOf && HIT.contains(n)) {
                return Role.HIT;
            }
            if (!sawFrom && NEAR.contains(n)) {
                return Role.NEAR;
            }
            if (n.equals("headquarters") || n.equals("compound") || n.equals("gate") || n.equals("entrance")) {
                continue; // "hit the headquarters of ..."
            }
            if (!SKIP.contains(n) && !t.possessive() && !t.capitalized()) {
                if (sawFrom) {
                    continue;
                }
                return Role.OTHER;
            }
        }
        return Role.OTHER;
    }

    private static boolean isMeasure(Token t) {
        String n = t.norm();
        return n.length() > 1 && Character.isDigit(n.charAt(0)) && (n.endsWith("m") || n.endsWith("km")
                || n.endsWith("ft"));
    }

    private static boolean passiveHit(List<Token> tokens, int to) {
        for (int i = to; i < tokens.size() && i - to < 3; i++) {
            String n = tokens.get(i).norm();
            if (i > to && tokens.get(i).clauseBreakBefore()) {
                return false;
            }
            if (n.equals("hit") || n.equals("struck") || n.equals("targeted") || n.equals("shelled")
                    || n.equals("attacked") || n.equals("rocked") || n.equals("bombed") || n.equals("pounded")) {
                return true;
            }
            if (!PASSIVE_HIT.contains(n) && !n.equals("complex") && !n.equals("airport")) {
                return false;
            }
        }
        return false;
    }
}
