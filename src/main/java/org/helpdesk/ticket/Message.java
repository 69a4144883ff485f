package org.helpdesk.ticket;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One message of a ticket's conversation. Internal messages are notes agents keep among themselves. */
@JsonPropertyOrder({"id", "ticketId", "authorType", "authorId", "authorName", "body", "isInternal", "createdAt"})
public record Message(UUID id, @JsonProperty("ticketId") UUID ticketId, AuthorType authorType, UUID authorId,
                      String authorName, String body, @JsonProperty("isInternal") boolean isInternal,
                      Instant createdAt) {
}
