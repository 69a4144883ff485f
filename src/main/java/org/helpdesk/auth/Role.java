package org.helpdesk.auth;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;
import org.helpdesk.common.InvalidInput;

/** A member's role in an entity, from most to least powerful. */
public enum Role {
    OWNER, ADMIN, AGENT, VIEWER;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean canWriteTickets() {
        return this != VIEWER;
    }

    public boolean canAdminister() {
        return this == OWNER || this == ADMIN;
    }

    public static Role fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public static Role parse(String value, String field) {
        for (Role role : values()) {
            if (role.json().equals(value)) {
                return role;
            }
        }
        throw new InvalidInput(field + " must be one of owner, admin, agent, viewer");
    }
}
