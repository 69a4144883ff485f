package org.helpdesk.search;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.helpdesk.ticket.Ticket;

/** A hit (API §7): the ticket, its score (higher is better) and up to three places where the query matched. */
@JsonPropertyOrder({"ticket", "score", "matches"})
public record SearchHit(Ticket ticket, long score, List<Match> matches) {

    /**
     * Where it matched: {@code field} subject | description | message | note | contact (| attachment, later);
     * {@code messageId} for message and note; a plain-text snippet and the [start, end) of each matched word in it.
     */
    @JsonPropertyOrder({"field", "messageId", "snippet", "highlights"})
    public record Match(String field, UUID messageId, String snippet, List<int[]> highlights) {
    }
}
