package io.incidentstreams.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlaceRolesTest {

    private static final PlaceRoles ROLES = Rules.builtIn().placeRoles;

    private static PlaceRoles.Role roleOf(String sentence, String placeName) {
        List<Token> t = Tokenizer.tokenize(sentence, 0, sentence.length());
        return ROLES.find(t).stream().filter(r -> r.place().name().equals(placeName)).findFirst()
                .orElseThrow(() -> new AssertionError(placeName + " not found in: " + sentence)).role();
    }

    @Test
    void readsWhereSomethingHit() {
        assertThat(roleOf("Two mortar bombs landed inside the heavily guarded Green Zone.", "Green Zone"))
                .isEqualTo(PlaceRoles.Role.HIT);
        assertThat(roleOf("Rockets struck Iraq's capital at dawn.", "Baghdad")).isEqualTo(PlaceRoles.Role.HIT);
        assertThat(roleOf("Camp Taji hit again in a daylight barrage", "Camp Taji")).isEqualTo(PlaceRoles.Role.HIT);
    }

    @Test
    void readsNearness() {
        assertThat(roleOf("a shell burst close to the Medical City complex", "Medical City"))
                .isEqualTo(PlaceRoles.Role.NEAR);
        assertThat(roleOf("Two rockets fell near the heavily guarded Green Zone", "Green Zone"))
                .isEqualTo(PlaceRoles.Role.NEAR);
    }

    @Test
    void setsAsideDistancesAndLaunchSites() {
        assertThat(roleOf("one struck a car park, some 400m from the American Embassy", "US Embassy"))
                .isEqualTo(PlaceRoles.Role.DISTANCE);
        assertThat(roleOf("a few hundred metres from the US Embassy", "US Embassy"))
                .isEqualTo(PlaceRoles.Role.DISTANCE);
        assertThat(roleOf("the projectiles were fired from the al-Salam district late on Sunday",
                "al-Salam neighbourhood"))
                .isEqualTo(PlaceRoles.Role.LAUNCH);
        assertThat(roleOf("a base some 30 kilometres north of Baghdad", "Baghdad")).isEqualTo(PlaceRoles.Role.DIRECTION);
        assertThat(roleOf("the rockets were fired from an orchard near the town of Taji", "Taji"))
                .isEqualTo(PlaceRoles.Role.LAUNCH);
    }

    @Test
    void aDemonymAfterALocativeWordIsNoPlace() {
        String s = "Jets struck at Pakistani positions across the frontier.";
        assertThat(ROLES.find(Tokenizer.tokenize(s, 0, s.length()))).isEmpty();
    }

    @Test
    void recognisesATownThatOnlyContainsTheNamedSite() {
        assertThat(roleOf("rockets hit Baghdad's Green Zone", "Baghdad")).isEqualTo(PlaceRoles.Role.CONTAINER);
        assertThat(roleOf("mortars fell on Balad Air Base in Salah al-Din", "Salah al-Din Governorate"))
                .isEqualTo(PlaceRoles.Role.CONTAINER);
    }
}
