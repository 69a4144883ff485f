package org.helpdesk.auth;

import com.fasterxml.jackson.annotation.JsonValue;
import org.helpdesk.common.InvalidInput;

/** What an API key may do. */
public enum Scope {
    READ("read:helpdesk"), WRITE("write:helpdesk");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Scope parse(String value) {
        for (Scope scope : values()) {
            if (scope.value.equals(value)) {
                return scope;
            }
        }
        throw new InvalidInput("scopes may contain only read:helpdesk and write:helpdesk");
    }
}
