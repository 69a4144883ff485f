package org.helpdesk.sla;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.helpdesk.ticket.Channel;
import org.helpdesk.ticket.Priority;

/**
 * An SLA policy (API §11): the first by {@code position} whose {@code match} fits a ticket gives it its targets,
 * counted in the business hours of {@code calendarId} (around the clock when null).
 */
@JsonPropertyOrder({"id", "entityId", "name", "position", "match", "calendarId", "targets", "createdAt"})
public record SlaPolicy(UUID id, UUID entityId, String name, int position, Match match, UUID calendarId,
                        Map<String, Target> targets, Instant createdAt) {
    public static final int MAX_NAME = 100;
    /** Ten years of minutes: a target beyond is surely a typo. */
    public static final int MAX_MINUTES = 5_256_000;

    /** Which tickets: each list optional ({@code null} = any). */
    @JsonPropertyOrder({"priority", "categoryId", "channel"})
    public record Match(List<String> priority, List<UUID> categoryId, List<String> channel) {
        boolean fits(Priority p, UUID category, Channel c) {
            return (priority == null || priority.contains(p.wire()))
                    && (categoryId == null || (category != null && categoryId.contains(category)))
                    && (channel == null || channel.contains(c.wire()));
        }
    }

    /** Minutes of business time; either may be {@code null} (no due time for it). */
    @JsonPropertyOrder({"firstResponse", "resolution"})
    public record Target(Integer firstResponse, Integer resolution) {
    }
}
