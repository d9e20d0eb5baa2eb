package io.incidentstreams.enrich.testing;

import io.incidentstreams.model.Actor;
import io.incidentstreams.model.Cue;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.Evidence;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import java.util.ArrayList;
import java.util.List;

/** Test-data builder: a rocket attack in the Green Zone unless told otherwise. */
public final class MentionBuilder {
    public static final Location GREEN_ZONE = new Location("Green Zone", "Baghdad", "Baghdad", "Iraq", 33.3128, 44.3890, 1);
    public static final Location BAGHDAD_AIRPORT = new Location("Baghdad International Airport", "Baghdad", "Baghdad", "Iraq", 33.2625, 44.2346, 1);
    public static final Location CAMP_TAJI = new Location("Camp Taji", "Taji", "Baghdad", "Iraq", 33.5240, 44.2560, 1);
    public static final Location ERBIL = new Location("Erbil", "Erbil", "Erbil", "Iraq", 36.1911, 44.0092, 2);
    public static final Location IRAQ = new Location("Iraq", null, null, "Iraq", 33.0, 44.0, 3);

    private String articleId = "article-1";
    private int index = 0;
    private String publishedAt = "2020-11-18";
    private String outlet;
    private IncidentType type = IncidentType.SHELLING_MISSILE_ATTACK;
    private String date = "2020-11-17";
    private DatePrecision precision = DatePrecision.DAY;
    private Location location = GREEN_ZONE;
    private Integer killed = 1;
    private Integer wounded = 5;
    private final List<Actor> actors = new ArrayList<>();
    private final List<Cue> cues = new ArrayList<>();
    private final List<Evidence> evidence = new ArrayList<>();
    private boolean background;
    private String weekday;
    private final List<String> targets = new ArrayList<>();
    private final List<String> persons = new ArrayList<>();

    public static MentionBuilder attack() {
        return new MentionBuilder();
    }

    public static MentionBuilder truce() {
        return new MentionBuilder().type(IncidentType.TRUCE).date("2020-10", DatePrecision.MONTH).location(IRAQ)
                .killed(null).wounded(null)
                .actor(new Actor("Iran-backed militias", "party", null, "iran-aligned-militias"));
    }

    public MentionBuilder article(String id) {
        this.articleId = id;
        return this;
    }

    public MentionBuilder index(int i) {
        this.index = i;
        return this;
    }

    public MentionBuilder published(String date) {
        this.publishedAt = date;
        return this;
    }

    public MentionBuilder outlet(String name) {
        this.outlet = name;
        return this;
    }

    public MentionBuilder type(IncidentType t) {
        this.type = t;
        return this;
    }

    public MentionBuilder date(String d) {
        return date(d, d == null ? null : d.length() == 10 ? DatePrecision.DAY : d.length() == 7 ? DatePrecision.MONTH : DatePrecision.YEAR);
    }

    public MentionBuilder date(String d, DatePrecision p) {
        this.date = d;
        this.precision = p;
        return this;
    }

    /** A report dated only by a weekday: no date, and the weekday kept for the merge step. */
    public MentionBuilder weekdayOnly(String day) {
        this.date = null;
        this.precision = null;
        this.weekday = day;
        return this;
    }

    /** A named person the incident was aimed at; also listed among its targets. */
    public MentionBuilder person(String name) {
        persons.add(name);
        targets.add(name);
        return this;
    }

    public MentionBuilder location(Location l) {
        this.location = l;
        return this;
    }

    public MentionBuilder killed(Integer n) {
        this.killed = n;
        return this;
    }

    public MentionBuilder wounded(Integer n) {
        this.wounded = n;
        return this;
    }

    public MentionBuilder actor(Actor a) {
        this.actors.add(a);
        return this;
    }

    public MentionBuilder withoutActors() {
        actors.clear();
        return this;
    }

    public MentionBuilder perpetrator(String name, String status, String family) {
        return actor(new Actor(name, "perpetrator", status, family));
    }

    public MentionBuilder cue(String relation, String sentence, int start) {
        this.cues.add(new Cue(relation, sentence, start));
        return this;
    }

    public MentionBuilder evidenceAt(String field, String sentence, int start) {
        this.evidence.add(new Evidence(field, null, sentence, sentence, start, start + sentence.length()));
        return this;
    }

    public MentionBuilder background() {
        this.background = true;
        return this;
    }

    public IncidentMention build() {
        return new IncidentMention(articleId + "#" + index, articleId, "title of " + articleId, publishedAt, outlet,
                null, type, date, precision, weekday, location, List.of("rocket"), killed, wounded, List.copyOf(actors),
                List.copyOf(targets), List.copyOf(persons), List.copyOf(cues), background, List.copyOf(evidence),
                "test");
    }
}
