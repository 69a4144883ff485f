package org.helpdesk.ticket;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.helpdesk.common.InvalidInput;

/** Which tickets to merge into a target (API §10): one to five, each named once. */
public record MergeTickets(List<UUID> sourceIds) {
    public static final int MAX_SOURCES = 5;

    public MergeTickets {
        if (sourceIds == null || sourceIds.isEmpty() || sourceIds.size() > MAX_SOURCES) {
            throw new InvalidInput("sourceIds must name 1 to " + MAX_SOURCES + " tickets");
        }
        if (new LinkedHashSet<>(sourceIds).size() != sourceIds.size()) {
            throw new InvalidInput("sourceIds names a ticket more than once");
        }
        sourceIds = List.copyOf(sourceIds);
    }
}
