package io.incidentstreams.sink.testing;

import io.incidentstreams.model.Actor;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.Evidence;
import io.incidentstreams.model.Incident;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import io.incidentstreams.model.Relation;
import io.incidentstreams.model.Source;
import java.util.ArrayList;
import java.util.List;

/** Test data: an incident as enrich would publish it, a rocket attack in the Green Zone unless told otherwise. */
public final class IncidentBuilder {
    public static final Location GREEN_ZONE = new Location("Green Zone", "Baghdad", "Baghdad", "Iraq", 33.306, 44.388, 1);
    public static final Location BAGHDAD_AIRPORT = new Location("Baghdad International Airport", "Baghdad", "Baghdad", "Iraq", 33.2625, 44.2346, 1);
    public static final Location ERBIL = new Location("Erbil", "Erbil", "Erbil", "Iraq", 36.1911, 44.0092, 2);
    public static final Location DIWANIYAH = new Location("Diwaniyah", "Diwaniyah", "Al-Qadisiyyah", "Iraq", 31.9929, 44.9255, 1);
    public static final Location IRAQ = new Location("Iraq", null, null, "Iraq", 33.0, 44.0, 3);

    private final String id;
    private IncidentType type = IncidentType.SHELLING_MISSILE_ATTACK;
    private String date = "2020-11-17";
    private DatePrecision precision = DatePrecision.DAY;
    private Location location = GREEN_ZONE;
    private Integer killed = 1;
    private Integer wounded = 5;
    private final List<Actor> actors = new ArrayList<>();
    private final List<Relation> relations = new ArrayList<>();
    private final List<String> mergedFrom = new ArrayList<>();
    private String sentence = "Rockets struck the Green Zone on Tuesday, killing a child and wounding five people.";

    private IncidentBuilder(String id) {
        this.id = id;
    }

    /** A well-formed incident id from a small number: {@code inc-0000000000000007}. */
    public static String id(int n) {
        return String.format("inc-%016x", n);
    }

    public static IncidentBuilder incident(String id) {
        return new IncidentBuilder(id);
    }

    public IncidentBuilder type(IncidentType t) {
        this.type = t;
        return this;
    }

    /** A date; its precision follows from its length (YYYY, YYYY-MM, YYYY-MM-DD); null for undated. */
    public IncidentBuilder date(String d) {
        this.date = d;
        this.precision = d == null ? null : d.length() == 4 ? DatePrecision.YEAR : d.length() == 7 ? DatePrecision.MONTH : DatePrecision.DAY;
        return this;
    }

    public IncidentBuilder at(Location l) {
        this.location = l;
        return this;
    }

    public IncidentBuilder casualties(Integer killed, Integer wounded) {
        this.killed = killed;
        this.wounded = wounded;
        return this;
    }

    public IncidentBuilder perpetrator(String name) {
        actors.add(new Actor(name, "perpetrator", "suspected", null));
        return this;
    }

    public IncidentBuilder party(String name) {
        actors.add(new Actor(name, "party", null, "iran-aligned-militias"));
        return this;
    }

    public IncidentBuilder breaksTruce(String truceId) {
        relations.add(new Relation(Relation.BREAKS_TRUCE, truceId, "The attack ended the truce."));
        return this;
    }

    public IncidentBuilder mergedFrom(String... ids) {
        mergedFrom.addAll(List.of(ids));
        return this;
    }

    public IncidentBuilder sentence(String s) {
        this.sentence = s;
        return this;
    }

    public Incident build() {
        Evidence evidence = new Evidence("killed", String.valueOf(killed), "killing a child", sentence, 0, sentence.length());
        Source source = new Source("article-" + id, "Headline of " + id, "2020-11-18", "Test Wire", null, date, killed,
                wounded, List.of(evidence));
        return new Incident(id, type, type.acledEventType(), type.acledSubEventType(), date, precision, location,
                List.of("rocket"), killed, wounded, List.copyOf(actors), List.of(), List.copyOf(relations), List.of(source),
                List.copyOf(mergedFrom), 1, 1, "2020-11-18", "2020-11-18", "test");
    }
}
