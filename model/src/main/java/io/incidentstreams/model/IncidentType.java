package io.incidentstreams.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Incident taxonomy aligned with ACLED's event and sub-event types.
 *
 * <p>The code is the JSON {@code type}. Its wording is fixed for consumers: codes of shelling, rocket, missile and
 * bomb attacks contain {@code attack}, air and drone strikes contain {@code strike}, truces and ceasefires contain
 * {@code truce}; a non-state group's drone attack is {@code drone_attack}.
 */
public enum IncidentType {
    SHELLING_MISSILE_ATTACK("shelling_missile_attack", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    AIR_DRONE_STRIKE("air_drone_strike", "Explosions/Remote violence", "Air/drone strike"),
    /**
     * Drones flown into a target by a non-state group (one-way attack drones, armed quadcopters). ACLED codes it as
     * an air/drone strike too; it is kept apart because users count an air force's strikes and a militia's drone
     * attacks as different things.
     */
    DRONE_ATTACK("drone_attack", "Explosions/Remote violence", "Air/drone strike"),
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

    /**
     * Whether two reports of these types may describe one event. Reports of one event often name it differently:
     * a car bomb and a suicide bombing, a missile strike and an air strike, a drone attack and a drone strike, a
     * massacre and a gun battle. Types of one means of attack are compatible; so is a report that names only its
     * victims ({@link #ATTACK_ON_CIVILIANS}) or nothing ({@link #OTHER_VIOLENCE}) with any violent type. A truce is
     * compatible only with a truce.
     */
    public boolean mayBeSameEventAs(IncidentType other) {
        if (this == other) {
            return true;
        }
        if (!isViolent() || !other.isViolent()) {
            return false;
        }
        return means() == other.means() || this == OTHER_VIOLENCE || other == OTHER_VIOLENCE
                || this == ATTACK_ON_CIVILIANS || other == ATTACK_ON_CIVILIANS;
    }

    /** The means of a violent type: from afar (shells, missiles, aircraft, drones), planted or carried bombs, or at close range. */
    private int means() {
        switch (this) {
            case SHELLING_MISSILE_ATTACK:
            case AIR_DRONE_STRIKE:
            case DRONE_ATTACK:
                return 1;
            case SUICIDE_BOMB_ATTACK:
            case IED_ATTACK:
            case GRENADE_ATTACK:
                return 2;
            case ARMED_CLASH:
            case ATTACK_ON_CIVILIANS:
            case ABDUCTION:
                return 3;
            default:
                return 0;
        }
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
