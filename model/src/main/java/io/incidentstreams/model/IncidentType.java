package io.incidentstreams.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Incident taxonomy aligned with ACLED's event and sub-event types.
 *
 * <p>The code is the JSON {@code type}. Its wording is fixed for consumers: codes of shelling, rocket, missile and
 * bomb attacks contain {@code attack}, air and drone strikes contain {@code strike}, truces and ceasefires contain
 * {@code truce}.
 */
public enum IncidentType {
    SHELLING_MISSILE_ATTACK("shelling_missile_attack", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    AIR_DRONE_STRIKE("air_drone_strike", "Explosions/Remote violence", "Air/drone strike"),
    SUICIDE_BOMB_ATTACK("suicide_bomb_attack", "Explosions/Remote violence", "Suicide bomb"),
    IED_ATTACK("ied_attack", "Explosions/Remote violence", "Remote explosive/landmine/IED"),
    GRENADE_ATTACK("grenade_attack", "Explosions/Remote violence", "Grenade"),
    ARMED_CLASH("armed_clash", "Battles", "Armed clash"),
    ATTACK_ON_CIVILIANS("attack_on_civilians", "Violence against civilians", "Attack"),
    ABDUCTION("abduction", "Violence against civilians", "Abduction/forced disappearance"),
    TRUCE("agreement_truce", "Strategic developments", "Agreement"),
    OTHER_VIOLENCE("other_violence", "Strategic developments", "Other");

    private final String code;
    private final String acledEventType;
    private final String acledSubEventType;

    IncidentType(String code, String acledEventType, String acledSubEventType) {
        this.code = code;
        this.acledEventType = acledEventType;
        this.acledSubEventType = acledSubEventType;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public String acledEventType() {
        return acledEventType;
    }

    public String acledSubEventType() {
        return acledSubEventType;
    }

    /** True for violent events (everything but agreements). */
    public boolean isViolent() {
        return this != TRUCE;
    }

    @JsonCreator
    public static IncidentType fromCode(String code) {
        for (IncidentType t : values()) {
            if (t.code.equals(code) || t.name().equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown incident type: " + code);
    }
}
