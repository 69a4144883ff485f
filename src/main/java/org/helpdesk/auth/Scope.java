package org.helpdesk.auth;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

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

    /** Scopes are stored as a space-separated list of their values. */
    public static String store(Set<Scope> scopes) {
        return scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(" "));
    }

    public static Set<Scope> load(String stored) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String value : stored.split(" ")) {
            if (!value.isBlank()) {
                scopes.add(parse(value));
            }
        }
        return scopes;
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
