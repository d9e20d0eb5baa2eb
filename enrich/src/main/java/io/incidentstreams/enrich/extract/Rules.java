package io.incidentstreams.enrich.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

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

    private Rules(RuleFiles files, List<Path> gazetteerFiles) {
        this.version = files.version() + userGazetteerSuffix(gazetteerFiles);
        WorldPlaces world = gazetteerFiles.isEmpty() ? WorldPlaces.builtIn() : WorldPlaces.load(gazetteerFiles);
        this.gazetteer = new Gazetteer(Gazetteer.parsePlaces(files.text("gazetteer.csv")), world, lexicon);
        this.placeRoles = new PlaceRoles(gazetteer);
        this.triggers = new TriggerRules(files.json("triggers.json"), lexicon);
        this.dates = new DateFinder(files.json("dates.json"));
        this.actors = new ActorCatalog(files.json("actors.json"), lexicon, gazetteer);
        this.cues = new CueRules(files.json("cues.json"), lexicon);
        this.casualties = new CasualtyFinder(files.json("casualties.json"), lexicon);
        this.targets = new TargetRules(files.json("targets.json"), lexicon);
        lexicon.addWordSets(WordSet.withBits()); // the sets of every class above, now initialised
    }

    static Rules load(Path overrideDir) {
        return load(overrideDir, List.of());
    }

    /** Rules with the places of user gazetteer files (from {@code incidents gazetteer import}) added. */
    static Rules load(Path overrideDir, List<Path> gazetteerFiles) {
        return new Rules(RuleFiles.load(overrideDir), gazetteerFiles);
    }

    /** "+gaz.<hash>" of the user gazetteer files' contents, so that mentions made with them never pass for others. */
    private static String userGazetteerSuffix(List<Path> files) {
        if (files.isEmpty()) {
            return "";
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Path p : files) {
                md.update(Files.readAllBytes(p));
                md.update((byte) 0);
            }
            return "+gaz." + HexFormat.of().formatHex(md.digest()).substring(0, 8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read gazetteer file: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class BuiltIn {
        static final Rules INSTANCE = load(null);
    }

    /** The built-in rules, loaded once. */
    static Rules builtIn() {
        return BuiltIn.INSTANCE;
    }
}
