package org.helpdesk.ticket;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One message of a ticket's conversation. Internal messages are notes agents keep among themselves.
 * {@code channel} says how it travelled; {@code delivery} how far an emailed one got ({@code null} otherwise).
 * {@code fromAddress}: the sender's address of a message that came in by email, {@code null} otherwise.
 */
@JsonPropertyOrder({"id", "ticketId", "authorType", "authorId", "authorName", "body", "isInternal", "channel",
        "delivery", "createdAt", "fromAddress"})
public record Message(UUID id, @JsonProperty("ticketId") UUID ticketId, AuthorType authorType, UUID authorId,
                      String authorName, String body, @JsonProperty("isInternal") boolean isInternal,
                      Channel channel, Delivery delivery, Instant createdAt, String fromAddress) {
}
