package org.helpdesk.macro;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A macro (API §10): a title and the actions it applies to a ticket. */
@JsonPropertyOrder({"id", "entityId", "title", "actions", "createdAt", "updatedAt"})
public record Macro(UUID id, UUID entityId, String title, @JsonIgnore MacroActions rules, Instant createdAt,
                    Instant updatedAt) {
    public static final int MAX_TITLE = 255;

    @JsonProperty("actions")
    public Map<String, Object> actions() {
        return rules.json();
    }
}
