package io.incidentstreams.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads killed and wounded figures from a sentence.
 *
 * <p>A figure counts only when tied to a person noun ("five civilians", "a child") or standing next to a casualty
 * word ("killing 28 and wounding 73"), so that "more than 20 mortar rounds" or "four civilian vehicles" never become
 * casualties. Groups joined by "and" or commas add up ("three Marines and one other member of the task force
 * were killed" is 4). "No casualties" gives 0 for both figures, "no deaths" 0 killed. Vague amounts ("several",
 * "dozens") give nothing.
 */
final class CasualtyFinder {

    enum Category { KILLED, WOUNDED }

    /**
     * A figure read from a sentence.
     *
     * @param count    the number (0 for an explicit "no casualties")
     * @param additive the sentence marks it as more of the same ("were also wounded")
     * @param total    a stated overall total ("bringing the number of wounded to seven", "the death toll rose to 32")
     * @param group    the person noun it counted, lower case, or "" when none was given
     * @param from     first token of the statement
     * @param to       one past its last token
     */
    record Statement(Category category, int count, boolean additive, boolean total, String group, int from, int to) {
    }

    private enum Word { KILLED, WOUNDED, KILLED_NOUN, WOUNDED_NOUN, BOTH_NOUN }

    private static final Map<String, Integer> NUMBERS = new HashMap<>();

    static {
        String[] words = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                "twenty"};
        for (int i = 0; i < words.length; i++) {
            NUMBERS.put(words[i], i);
        }
        NUMBERS.put("thirty", 30);
        NUMBERS.put("forty", 40);
        NUMBERS.put("fifty", 50);
        NUMBERS.put("sixty", 60);
        NUMBERS.put("seventy", 70);
        NUMBERS.put("eighty", 80);
        NUMBERS.put("ninety", 90);
        NUMBERS.put("hundred", 100);
        NUMBERS.put("a", 1);
        NUMBERS.put("an", 1);
        NUMBERS.put("another", 1);
        NUMBERS.put("dozen", 12);
    }

    private static final WordSet AUX = WordSet.of("was", "were", "been", "have", "has", "had", "being", "are", "is",
            "also", "all", "both", "reportedly", "later", "subsequently", "seriously", "badly", "critically",
            "lightly", "slightly", "allegedly", "fatally", "mortally", "each", "initially", "then", "among", "reported",
            "confirmed", "left");
    private static final WordSet APPROX = WordSet.of("at", "least", "more", "than", "over", "nearly", "almost",
            "about", "around", "up", "to", "some", "estimated", "as", "many", "roughly", "approximately",
            "fewer", "less", "most", "another", "further", "additional", "other");
    private static final WordSet NEGATIONS = WordSet.of("no", "not", "neither", "nor", "nobody", "none", "without",
            "never", "zero");
    private static final WordSet ZERO_FILLERS = WordSet.of("any", "immediate", "initial", "reports", "report",
            "reported", "word", "sign", "signs", "indication", "of", "one", "were", "was", "has", "have", "been",
            "other", "serious", "further", "major", "yet", "else", "or", "and", "more", "damage", "known",
            "confirmed", "immediately", "there", "being", "is", "are", "people", "casualties", "injuries", "deaths");
    private static final WordSet TALLY = WordSet.of("number", "toll", "tally", "count");
    private static final WordSet TOTAL_VERBS = WordSet.of("rose", "risen", "rises", "climbed", "reached", "stood",
            "stands", "jumped", "increased", "put", "at", "to", "of", "was", "is", "has", "had");

    private final PhraseTrie<Word> words;
    private final PhraseTrie<Boolean> persons;
    private final PhraseTrie<Boolean> vague;

    CasualtyFinder(JsonNode root, Lexicon lexicon) {
        this.words = new PhraseTrie<>(lexicon);
        this.persons = new PhraseTrie<>(lexicon);
        this.vague = new PhraseTrie<>(lexicon);
        for (String w : RuleFiles.strings(root.path("killedWords"))) {
            words.add(w, Word.KILLED);
        }
        for (String w : RuleFiles.strings(root.path("woundedWords"))) {
            words.add(w, Word.WOUNDED);
        }
        for (String w : RuleFiles.strings(root.path("killedNouns"))) {
            words.add(w, Word.KILLED_NOUN);
        }
        for (String w : RuleFiles.strings(root.path("woundedNouns"))) {
            words.add(w, Word.WOUNDED_NOUN);
        }
        for (String w : RuleFiles.strings(root.path("bothNouns"))) {
            words.add(w, Word.BOTH_NOUN);
        }
        for (String w : RuleFiles.strings(root.path("personNouns"))) {
            persons.add(w, Boolean.TRUE);
        }
        for (String w : RuleFiles.strings(root.path("collectiveSkip"))) {
            vague.add(w, Boolean.TRUE);
        }
    }

    /** "among the dead", "among those killed", "among the injured": the words before a casualty word. */
    private static boolean amongThe(List<Token> tokens, int at) {
        if (at < 2) {
            return false;
        }
        String before = tokens.get(at - 1).norm();
        return tokens.get(at - 2).norm().equals("among") && (before.equals("the") || before.equals("those"));
    }

    /** True if the tokens hold a casualty word at all: a cheap test before the full reading. */
    boolean mentionsCasualties(List<Token> tokens) {
        return words.nextStart(tokens, 0) >= 0;
    }

    List<Statement> find(List<Token> tokens) {
        return find(tokens, null);
    }

    /**
     * Figures in the tokens. {@code named} marks tokens that belong to a place or organisation name; the rest of a
     * capitalised run after "killed" is read as the name of a person ("killed Gen. Qassem Soleimani and Abu Mahdi
     * al-Muhandis" is 2).
     */
    List<Statement> find(List<Token> tokens, boolean[] named) {
        List<Statement> out = new ArrayList<>();
        List<PhraseTrie.Match<Word>> found = words.findAll(tokens);
        for (PhraseTrie.Match<Word> m : found) {
            Word w = primary(m.values());
            if (amongThe(tokens, m.from())) {
                continue; // "one of its nationals was among the dead": a part of the toll, never the toll
            }
            if (m.from() >= 2 && tokens.get(m.from() - 1).norm().equals("of")
                    && TALLY.contains(tokens.get(m.from() - 2))) {
                w = w == Word.KILLED || w == Word.KILLED_NOUN ? Word.KILLED_NOUN : Word.WOUNDED_NOUN;
            }
            if (zero(tokens, m, w, out)) {
                continue;
            }
            switch (w) {
                case KILLED:
                case WOUNDED: {
                    Category c = w == Word.KILLED ? Category.KILLED : Category.WOUNDED;
                    Statement left = leftGroups(tokens, m.from(), c, m.to());
                    if (left != null) {
                        out.add(left);
                        break;
                    }
                    int objectFrom = m.to();
                    if (m.from() > 0 && tokens.get(m.from() - 1).norm().equals("the") && objectFrom < tokens.size()
                            && tokens.get(objectFrom).norm().equals("of")) {
                        objectFrom++; // "resulted in the killing of a soldier"
                    }
                    Statement right = rightGroups(tokens, objectFrom, c, m.from());
                    if (right != null) {
                        out.add(right);
                    } else if (c == Category.KILLED && named != null && isVerbUse(tokens, m)) {
                        Statement people = namedPeople(tokens, m.to(), m.from(), named);
                        if (people != null) {
                            out.add(people);
                        }
                    }
                    break;
                }
                case KILLED_NOUN:
                case WOUNDED_NOUN: {
                    Category c = w == Word.KILLED_NOUN ? Category.KILLED : Category.WOUNDED;
                    Statement s = nounFigure(tokens, m, c);
                    if (s != null) {
                        out.add(s);
                    }
                    break;
                }
                default:
                    break;
            }
        }
        return out;
    }

    private static Word primary(List<Word> values) {
        for (Word w : values) {
            if (w == Word.KILLED || w == Word.WOUNDED) {
                return w;
            }
        }
        return values.get(0);
    }

    /** "no casualties", "no one was hurt", "neither ... reported any casualties", "hurting no one". */
    private boolean zero(List<Token> tokens, PhraseTrie.Match<Word> m, Word w, List<Statement> out) {
        int neg = -1;
        for (int i = m.from() - 1; i >= 0 && m.from() - i <= 7; i--) {
            Token t = tokens.get(i);
            String n = t.norm();
            if (NEGATIONS.contains(t) || n.equals("nobody")) {
                neg = i;
                break;
            }
            boolean filler = ZERO_FILLERS.contains(t) || persons.longestAt(tokens, i) != null
                    || words.longestAt(tokens, i) != null || n.equals("us") || n.equals("iraqi")
                    || n.equals("american") || n.equals("coalition") || n.equals("officials")
                    || n.equals("the") || n.equals("in") || n.equals("attack");
            if (!filler || tokens.get(i + 1).strongBreakBefore()) {
                break;
            }
        }
        if (neg < 0) {
            // "hurting no one", "killing nobody", "causing no casualties" is handled above
            int j = m.to();
            if (j < tokens.size() && (tokens.get(j).norm().equals("nobody") || tokens.get(j).norm().equals("none")
                    || (tokens.get(j).norm().equals("no") && j + 1 < tokens.size()
                    && tokens.get(j + 1).norm().equals("one")))) {
                neg = j;
            } else {
                return false;
            }
        }
        int from = Math.min(neg, m.from());
        int to = Math.max(neg + 1, m.to());
        boolean both = w == Word.WOUNDED || w == Word.WOUNDED_NOUN || w == Word.BOTH_NOUN;
        if (w == Word.KILLED || w == Word.KILLED_NOUN || both) {
            out.add(new Statement(Category.KILLED, 0, false, false, "", from, to));
        }
        if (both) {
            out.add(new Statement(Category.WOUNDED, 0, false, false, "", from, to));
        }
        return true;
    }

    /** Subject groups before a casualty word: "three Marines and one other member of the task force were killed". */
    private Statement leftGroups(List<Token> tokens, int verbFrom, Category c, int verbTo) {
        if (tokens.get(verbFrom).clauseBreakBefore()) {
            return null; // ", killing ..." has its victims on the right
        }
        int i = verbFrom - 1;
        boolean additive = false;
        while (i >= 0 && AUX.contains(tokens.get(i)) && !tokens.get(i + 1).clauseBreakBefore()) {
            if (tokens.get(i).norm().equals("also")) {
                additive = true;
            }
            i--;
        }
        if (i < 0 || tokens.get(i + 1).clauseBreakBefore() && i + 1 < verbFrom) {
            return null;
        }
        if (tokens.get(i).norm().equals("who") && i + 1 < verbFrom) {
            return relativeSubject(tokens, i, verbFrom, c, verbTo, additive);
        }
        // a bare number right before: "3 killed", "three dead"
        int bare = number(tokens, i);
        if (bare > 0 && i == verbFrom - 1 && !tokens.get(i).norm().equals("a")
                && !tokens.get(i).norm().equals("an")) {
            return new Statement(c, bare, additive, false, "", i, verbTo);
        }
        int total = 0;
        int start = -1;
        String group = "";
        int pos = i;
        while (pos >= 0) {
            int[] g = groupEndingAt(tokens, pos, start < 0);
            if (g == null) {
                break;
            }
            total += g[0];
            start = g[1];
            if (group.isEmpty()) {
                group = tokens.get(g[2]).norm();
            }
            int prev = g[1] - 1;
            if (prev >= 1 && tokens.get(prev).norm().equals("and") && !tokens.get(g[1]).clauseBreakBefore()
                    && !tokens.get(prev).strongBreakBefore()) {
                pos = prev - 1;
            } else if (prev >= 0 && (tokens.get(g[1]).sepBefore() & Token.COMMA) != 0
                    && !tokens.get(g[1]).strongBreakBefore()) {
                pos = prev;
            } else {
                break;
            }
        }
        if (start < 0) {
            return null;
        }
        if (tokens.get(start).norm().equals("another")) {
            additive = true;
        }
        return new Statement(c, total, additive, false, group, start, verbTo);
    }

    /**
     * "X, a commander of the group, who was killed by a drone strike": one person when the relative clause is
     * singular and a person is named or described before it; a plural clause counts the group before it, if any.
     */
    private Statement relativeSubject(List<Token> tokens, int who, int verbFrom, Category c, int verbTo,
                                      boolean additive) {
        String aux = tokens.get(who + 1).norm();
        if (who == 0) {
            return null;
        }
        if (aux.equals("were") || aux.equals("have")) {
            int[] g = groupEndingAt(tokens, who - 1, true);
            return g == null ? null : new Statement(c, g[0], additive, false, tokens.get(g[2]).norm(), g[1], verbTo);
        }
        if (!aux.equals("was") && !aux.equals("has") && !aux.equals("had")) {
            return null;
        }
        int capitalRun = 0;
        for (int k = who - 1; k >= 0 && who - k <= 12; k--) {
            Token t = tokens.get(k);
            if (t.strongBreakBefore() && k > 0 && (t.sepBefore() & Token.PAREN) == 0) {
                break;
            }
            // the statement starts at "who", so that it goes with the trigger of its own clause ("by a drone strike")
            if (persons.longestAt(tokens, k) != null && !isPlural(t.norm())) {
                return new Statement(c, 1, additive, false, t.norm(), who, verbTo);
            }
            capitalRun = t.capitalized() && !t.isNumber() ? capitalRun + 1 : 0;
            if (capitalRun >= 2) {
                return new Statement(c, 1, additive, false, "", who, verbTo);
            }
        }
        return null;
    }

    private static boolean isPlural(String n) {
        return n.endsWith("s") && !n.endsWith("ss") || n.equals("people") || n.equals("men") || n.equals("women")
                || n.equals("children") || n.equals("personnel") || n.equals("staff") || n.equals("police");
    }

    /**
     * A counted person group ending at {@code pos}: "five civilians", "two Iraqi security forces personnel", or with a
     * complement, "one other member of the task force". Returns {count, first token, noun token} or null.
     */
    private int[] groupEndingAt(List<Token> tokens, int pos, boolean first) {
        int noun = -1;
        if (persons.longestAt(tokens, pos) != null) {
            noun = pos;
        } else {
            for (int o = pos - 1; o >= 1 && pos - o <= 5; o--) {
                if (tokens.get(o + 1).clauseBreakBefore()) {
                    return null;
                }
                if (tokens.get(o).norm().equals("of")) {
                    if (persons.longestAt(tokens, o - 1) != null && !tokens.get(o).clauseBreakBefore()) {
                        noun = o - 1;
                    }
                    break;
                }
            }
        }
        if (noun < 0 && first) {
            // "A foreign civilian contractor working with the coalition was killed": a short phrase in between
            for (int k = pos; k >= 0 && pos - k <= 6; k--) {
                String n = tokens.get(k).norm();
                if (k < pos && tokens.get(k + 1).clauseBreakBefore() || words.longestAt(tokens, k) != null
                        || n.equals("and") || n.equals("or") || n.equals("but")) {
                    return null;
                }
                if (persons.longestAt(tokens, k) != null) {
                    noun = k;
                    break;
                }
            }
        }
        if (noun < 0) {
            return null;
        }
        for (int k = noun - 1; k >= 0 && noun - k <= 5; k--) {
            if (tokens.get(k + 1).clauseBreakBefore()) {
                return null;
            }
            if (vague.longestAt(tokens, k) != null) {
                return null;
            }
            int n = number(tokens, k);
            if (n > 0) {
                if (k > 0 && words.longestAt(tokens, k - 1) != null) {
                    return null; // "killed a child and ...": the object of another casualty verb
                }
                if (k + 1 < tokens.size() && tokens.get(k + 1).norm().equals("dozen") && k + 1 < noun) {
                    n = n == 1 ? 12 : n * 12;
                }
                return new int[] {n, approxStart(tokens, k), noun};
            }
            if (tokens.get(k).norm().equals("of") && k > 0 && number(tokens, k - 1) > 0
                    && !tokens.get(k).clauseBreakBefore()) {
                return new int[] {number(tokens, k - 1), approxStart(tokens, k - 1), noun}; // "three of its staff"
            }
            String kn = tokens.get(k).norm();
            if ((kn.equals("his") || kn.equals("her")) && k == noun - 1 && !isPlural(tokens.get(noun).norm())
                    && first) {
                return new int[] {1, k, noun}; // "his driver was also killed"
            }
            if (kn.equals("the") || kn.equals("of") || kn.equals("and")) {
                return null;
            }
        }
        return null;
    }

    /** Object groups after an active casualty verb: "killing a child", "wounding at least five people". */
    private Statement rightGroups(List<Token> tokens, int from, Category c, int verbFrom) {
        int i = from;
        int total = 0;
        int end = -1;
        String group = "";
        boolean additive = false;
        while (i < tokens.size()) {
            if (i > from && tokens.get(i).strongBreakBefore()) {
                break;
            }
            int j = i;
            while (j < tokens.size() && APPROX.contains(tokens.get(j)) && number(tokens, j) <= 0) {
                j++;
            }
            if (vague.longestAt(tokens, j) != null) {
                return null;
            }
            if (j >= tokens.size()) {
                break;
            }
            int n = number(tokens, j);
            if (n <= 0) {
                break;
            }
            if (tokens.get(j).norm().equals("another")) {
                additive = true;
            }
            int k = j + 1;
            // "a dozen", "two dozen"
            if (k < tokens.size() && tokens.get(k).norm().equals("dozen")) {
                n = n == 1 ? 12 : n * 12;
                k++;
            }
            int noun = -1;
            for (int q = k; q < tokens.size() && q - k <= 4; q++) {
                if (q > k && tokens.get(q).clauseBreakBefore()) {
                    break;
                }
                if (persons.longestAt(tokens, q) != null) {
                    noun = q;
                    // "two American service members": the group ends at the last person word
                    while (noun + 1 < tokens.size() && !tokens.get(noun + 1).clauseBreakBefore()) {
                        PhraseTrie.Match<Boolean> cur = persons.longestAt(tokens, noun);
                        int next = cur == null ? noun + 1 : cur.to();
                        if (next < tokens.size() && persons.longestAt(tokens, next) != null
                                && !tokens.get(next).clauseBreakBefore()) {
                            noun = next;
                        } else {
                            break;
                        }
                    }
                    break;
                }
                if (words.longestAt(tokens, q) != null) {
                    break;
                }
            }
            boolean bare = tokens.get(j).isNumber() || NUMBERS.containsKey(tokens.get(j).norm())
                    && !tokens.get(j).norm().equals("a") && !tokens.get(j).norm().equals("an");
            if (noun < 0) {
                // "wounding 73", "killing 28 and wounding 73": a number standing alone
                boolean alone = k >= tokens.size() || tokens.get(k).clauseBreakBefore()
                        || tokens.get(k).norm().equals("and") || tokens.get(k).norm().equals("others")
                        || tokens.get(k).norm().equals("more");
                if (!bare || !alone) {
                    break;
                }
                total += n;
                end = k;
            } else {
                total += n;
                PhraseTrie.Match<Boolean> pm = persons.longestAt(tokens, noun);
                end = pm.to();
                if (group.isEmpty()) {
                    group = tokens.get(noun).norm();
                }
            }
            // continue over ", two police officers and a civilian worker"
            if (end < tokens.size() && tokens.get(end).norm().equals("and")
                    && end + 1 < tokens.size() && words.longestAt(tokens, end + 1) == null) {
                i = end + 1;
            } else if (end < tokens.size() && (tokens.get(end).sepBefore() & Token.COMMA) != 0
                    && !tokens.get(end).strongBreakBefore()) {
                i = end;
            } else {
                break;
            }
        }
        if (end < 0) {
            return null;
        }
        return new Statement(c, total, additive, false, group, verbFrom, end);
    }

    /** "killed Soleimani" is a verb; "the killing of Soleimani" is a noun and reports no figure of its own. */
    private static boolean isVerbUse(List<Token> tokens, PhraseTrie.Match<Word> m) {
        if (m.to() < tokens.size() && tokens.get(m.to()).norm().equals("of")) {
            return false;
        }
        if (m.from() > 0) {
            Token prev = tokens.get(m.from() - 1);
            String n = prev.norm();
            return !(prev.possessive() || n.equals("the") || n.equals("a") || n.equals("his") || n.equals("their")
                    || n.equals("its") || n.equals("targeted"));
        }
        return true;
    }

    private static final WordSet TITLES = WordSet.of("gen", "general", "maj", "major", "col", "colonel", "lt",
            "commander", "leader", "chief", "deputy", "head", "top", "senior", "powerful", "militia", "iranian",
            "iraqi", "american", "us", "the", "a", "prominent", "brig", "cmdr", "sheikh", "dr", "mr");
    private static final WordSet NAME_STOPS = WordSet.of("near", "outside", "at", "in", "as", "when", "while", "who",
            "which", "that", "on", "after", "before", "during", "inside", "along", "by", "from", "to", "for");
    private static final WordSet NAME_PARTICLES = WordSet.of("al", "bin", "ibn", "abu", "el", "ul", "bint");

    /**
     * People named as the object of "killed": capitalised runs of two words or more that are not places or
     * organisations, joined by "and", commas or "together with". Appositions ("the head of Iran's Quds Force") are
     * skipped because their capitalised words are organisation names.
     */
    private Statement namedPeople(List<Token> tokens, int from, int verbFrom, boolean[] named) {
        int count = 0;
        int end = -1;
        int i = from;
        while (i < tokens.size()) {
            Token t = tokens.get(i);
            if (i > from && t.strongBreakBefore() || NAME_STOPS.contains(t)) {
                break;
            }
            if (t.capitalized() && !named[i] && !t.isNumber()) {
                int j = i;
                int words = 0;
                while (j < tokens.size() && !named[j] && (tokens.get(j).capitalized()
                        || NAME_PARTICLES.contains(tokens.get(j)) && j + 1 < tokens.size()
                        && tokens.get(j + 1).capitalized()) && (j == i || !tokens.get(j).clauseBreakBefore())) {
                    if (!TITLES.contains(tokens.get(j))) {
                        words++;
                    }
                    j++;
                }
                if (words >= 2) {
                    count++;
                    end = j;
                }
                i = Math.max(j, i + 1);
                continue;
            }
            i++;
        }
        return count == 0 ? null : new Statement(Category.KILLED, count, false, false, "", verbFrom, end);
    }

    /** "the deaths of two engineers", "the death toll rose to 32", "the number of wounded at 12". */
    private Statement nounFigure(List<Token> tokens, PhraseTrie.Match<Word> m, Category c) {
        int i = m.to();
        boolean toll = tokens.get(m.from()).norm().equals("toll") || (m.to() - m.from() > 1)
                || (m.from() > 1 && tokens.get(m.from() - 1).norm().equals("of")
                && tokens.get(m.from() - 2).norm().equals("number"));
        if (i < tokens.size() && tokens.get(i).norm().equals("of") && !toll) {
            Statement s = rightGroups(tokens, i + 1, c, m.from());
            return s;
        }
        if (toll) {
            for (int k = i; k < tokens.size() && k - i <= 6; k++) {
                if (k > i && tokens.get(k).strongBreakBefore()) {
                    break;
                }
                int n = number(tokens, k);
                if (n > 0 && tokens.get(k).isNumber() || n > 1) {
                    return new Statement(c, n, false, true, "", m.from(), k + 1);
                }
                if (!TOTAL_VERBS.contains(tokens.get(k)) && !tokens.get(k).norm().equals("from")
                        && !tokens.get(k).norm().equals("that") && !tokens.get(k).norm().equals("attack")
                        && !tokens.get(k).norm().equals("the")) {
                    break;
                }
            }
            return null;
        }
        // "80 deaths", "two fatalities"
        int b = m.from() - 1;
        if (b >= 0 && number(tokens, b) > 1 && !tokens.get(m.from()).clauseBreakBefore()) {
            return new Statement(c, number(tokens, b), false, false, "", b, m.to());
        }
        return null;
    }

    private static int approxStart(List<Token> tokens, int k) {
        int s = k;
        while (s > 0 && APPROX.contains(tokens.get(s - 1)) && !tokens.get(s).clauseBreakBefore()) {
            s--;
        }
        return s;
    }



    /** The number a token stands for, or -1. */
    static int number(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        if (t.isNumber()) {
            return t.number() > 100_000 || (t.number() >= 1900 && t.number() <= 2100) ? -1 : (int) t.number();
        }
        Integer n = NUMBERS.get(t.norm());
        if (n == null) {
            return -1;
        }
        if (n == 100 || n == 12 && t.norm().equals("dozen")) {
            return i > 0 && number(tokens, i - 1) > 0 ? -1 : n;
        }
        return n;
    }
}
