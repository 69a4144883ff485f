package org.helpdesk.ticket;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A ticket's service level (API §11): the policy that applies and the due times it gives, the breaches recorded,
 * and since when the resolution clock is paused. Computed by {@link ServiceLevels}; stored on the ticket's row by
 * the ticket core. The fields marked {@code @JsonIgnore} are bookkeeping: when the resolution clock stopped
 * (pending, resolved or closed) and the business time it stood still before, and the values the list filters,
 * the order and the breach sweeper read from their indexes.
 */
@JsonPropertyOrder({"policyId", "firstResponseDueAt", "resolutionDueAt", "firstResponseBreachedAt",
        "resolutionBreachedAt", "pausedSince"})
public record TicketSla(UUID policyId, Instant firstResponseDueAt, Instant resolutionDueAt,
                        Instant firstResponseBreachedAt, Instant resolutionBreachedAt, Instant pausedSince,
                        @JsonIgnore Instant stoppedSince, @JsonIgnore long stoppedMillis,
                        @JsonIgnore Instant dueAt, @JsonIgnore Instant breachCheckAt, @JsonIgnore boolean breached) {
}
