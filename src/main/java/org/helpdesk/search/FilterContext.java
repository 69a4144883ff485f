package org.helpdesk.search;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What a {@link SearchFilter} may use: the caller, the query's "now", and the statement's parameters. */
public final class FilterContext {
    private final UUID entityId;
    private final UUID userId;
    private final Instant now;
    private final Map<String, Object> params;
    private int next;

    FilterContext(UUID entityId, UUID userId, Instant now, Map<String, Object> params) {
        this.entityId = entityId;
        this.userId = userId;
        this.now = now;
        this.params = params;
    }

    public UUID entityId() {
        return entityId;
    }

    /** The searching user (for an API key: the user who created it). */
    public UUID userId() {
        return userId;
    }

    /** The instant relative times ({@code 7d}) count back from; the same on every page of a query. */
    public Instant now() {
        return now;
    }

    /** Binds a value and returns its placeholder ({@code :f3}) for the condition. */
    public String bind(Object value) {
        String name = "f" + next++;
        params.put(name, value);
        return ":" + name;
    }
}
