package io.incidentstreams.enrich.merge;

import static io.incidentstreams.enrich.testing.MentionBuilder.attack;
import static org.assertj.core.api.Assertions.assertThat;

import io.incidentstreams.enrich.testing.MentionBuilder;
import io.incidentstreams.model.DatePrecision;
import io.incidentstreams.model.IncidentMention;
import io.incidentstreams.model.IncidentType;
import io.incidentstreams.model.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MatchProfileTest {
    private static final Location KUFA = new Location("Kufa", "Kufa", "Najaf", "Iraq", 32.0347, 44.4013, 1);
    /** A site 6 km from the town of Erbil: one place with the town, not with another site. */
    private static final Location ERBIL_AIRPORT = new Location("Erbil airport", "Erbil", "Erbil", "Iraq", 36.2376, 43.9632, 1);
    private static final Location TOWN_WITHOUT_COORDINATES = new Location("Hit", null, "Anbar", "Iraq", null, null, 2);
    private static final Location[] PLACES = {null, MentionBuilder.GREEN_ZONE, MentionBuilder.BAGHDAD_AIRPORT,
            MentionBuilder.CAMP_TAJI, MentionBuilder.ERBIL, ERBIL_AIRPORT, MentionBuilder.IRAQ, KUFA, TOWN_WITHOUT_COORDINATES,
            Location.unknown("Zubair")};

    /** Reports of every combination of type, place, date precision and figures, from two articles. */
    private static List<IncidentMention> reports(String article) {
        List<IncidentMention> out = new ArrayList<>();
        int i = 0;
        for (IncidentType type : List.of(IncidentType.SHELLING_MISSILE_ATTACK, IncidentType.AIR_DRONE_STRIKE,
                IncidentType.TRUCE)) {
            for (Location place : PLACES) {
                for (MentionBuilder when : List.of(attack().date("2020-01-08"), attack().date("2020-01", DatePrecision.MONTH))) {
                    for (Integer killed : Arrays.asList(null, 0, 4)) {
                        out.add(when.type(type).location(place).killed(killed).article(article).index(i++).build());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void theProfileNeverRulesOutAPairThatMatchesAndRulesOutOtherTypesAndDistantPlaces() {
        int matching = 0;
        int ruledOut = 0;
        for (IncidentMention a : reports("a")) {
            for (IncidentMention b : reports("b")) {
                boolean possible = MentionMatcher.mayMatch(a, MatchProfile.decode(MatchProfile.of(b).encode()));
                if (MentionMatcher.matches(a, b)) {
                    matching++;
                    assertThat(possible).as("%s against %s", a, b).isTrue();
                } else if (!possible) {
                    ruledOut++;
                }
            }
        }
        assertThat(matching).isPositive();
        assertThat(ruledOut).isPositive();
        IncidentMention greenZone = attack().article("a").build();
        assertThat(MentionMatcher.mayMatch(greenZone, MatchProfile.of(attack().type(IncidentType.IED_ATTACK)
                .article("b").build()))).as("another type").isFalse();
        assertThat(MentionMatcher.mayMatch(greenZone, MatchProfile.of(attack().location(MentionBuilder.ERBIL)
                .article("b").build()))).as("Erbil, 320 km away").isFalse();
        assertThat(MentionMatcher.mayMatch(greenZone, MatchProfile.of(attack().location(MentionBuilder.IRAQ)
                .article("b").build()))).as("the whole country").isTrue();
    }

    @Test
    void theStoredFormRoundTripsAndTheMentionIdMayHoldTheSeparator() {
        IncidentMention odd = attack().article("https://example.org/a|b").location(KUFA).build();
        MatchProfile p = MatchProfile.of(odd);

        assertThat(MatchProfile.decode(p.encode())).isEqualTo(p);
        assertThat(MatchProfile.mentionIdOf(p.encode())).isEqualTo("https://example.org/a|b#0");
        assertThat(p).isEqualTo(new MatchProfile("https://example.org/a|b#0", IncidentType.SHELLING_MISSILE_ATTACK,
                32.0347, 44.4013));
        assertThat(MatchProfile.of(attack().location(MentionBuilder.IRAQ).build()).lat()).as("a country").isNull();
    }
}
