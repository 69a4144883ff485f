package org.helpdesk.ticket;

import java.util.UUID;

/** STAND-IN for the core's NewTicket (issue 10); replaced by main's on merge. */
public record NewTicket(String subject, String description, TicketStatus status, Priority priority, Channel channel,
                        String contactEmail, String contactName, UUID categoryId, UUID assignedTo) {
}
