package org.helpdesk.apikey;

import java.time.Instant;
import java.util.Set;

import org.helpdesk.auth.Scope;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;

/** A key to create: a name (1–255 characters), at least one scope, an optional expiry. */
public record NewApiKey(String name, Set<Scope> scopes, Instant expiresAt) {
    public NewApiKey {
        name = JsonInput.text(name, "name", 255);
        if (scopes == null || scopes.isEmpty()) {
            throw new InvalidInput("scopes must be a non-empty array of read:helpdesk and write:helpdesk");
        }
        scopes = Set.copyOf(scopes);
    }
}
