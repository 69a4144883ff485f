package org.helpdesk.ticket;

import java.time.Instant;
import java.util.UUID;

import org.helpdesk.common.Cursors;
import org.helpdesk.common.InvalidInput;

/** Where a page of a ticket's history ended; bound to its ticket, so it cannot page another one. */
record HistoryCursor(UUID ticketId, Instant at, UUID id) {

    String encode() {
        return Cursors.wrap("h1|" + ticketId + "|" + at.toEpochMilli() + "|" + at.getNano() + "|" + id);
    }

    static HistoryCursor decode(String cursor, UUID ticketId) {
        String[] parts = Cursors.unwrap(cursor).split("\\|");
        try {
            if (parts.length != 5 || !parts[0].equals("h1")) {
                throw new IllegalArgumentException();
            }
            HistoryCursor decoded = new HistoryCursor(UUID.fromString(parts[1]),
                    Instant.ofEpochSecond(Math.floorDiv(Long.parseLong(parts[2]), 1000), Long.parseLong(parts[3])),
                    UUID.fromString(parts[4]));
            if (!decoded.ticketId.equals(ticketId)) {
                throw new InvalidInput("cursor belongs to another ticket");
            }
            return decoded;
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(Cursors.INVALID);
        }
    }
}
