package io.incidentstreams.enrich.extract;

import java.nio.file.Path;

/**
 * All rule data, parsed once and immutable afterwards, so that one instance can serve every thread.
 */
final class Rules {
    final String version;
    final Gazetteer gazetteer;
    final PlaceRoles placeRoles;
    final TriggerRules triggers;
    final DateFinder dates;
    final ActorCatalog actors;
    final CueRules cues;
    final CasualtyFinder casualties;
    final TargetRules targets;
    final Lexicon lexicon = new Lexicon();

    private Rules(RuleFiles files) {
        this.version = files.version();
        this.gazetteer = Gazetteer.parse(files.text("gazetteer.csv"), lexicon);
        this.placeRoles = new PlaceRoles(gazetteer);
        this.triggers = new TriggerRules(files.json("triggers.json"), lexicon);
        this.dates = new DateFinder(files.json("dates.json"), lexicon);
        this.actors = new ActorCatalog(files.json("actors.json"), lexicon, gazetteer);
        this.cues = new CueRules(files.json("cues.json"), lexicon);
        this.casualties = new CasualtyFinder(files.json("casualties.json"), lexicon);
        this.targets = new TargetRules(files.json("targets.json"), lexicon);
        lexicon.addWordSets(WordSet.withBits()); // the sets of every class above, now initialised
    }

    static Rules load(Path overrideDir) {
        return new Rules(RuleFiles.load(overrideDir));
    }

    private static final class BuiltIn {
        static final Rules INSTANCE = load(null);
    }

    /** The built-in rules, loaded once. */
    static Rules builtIn() {
        return BuiltIn.INSTANCE;
    }
}
