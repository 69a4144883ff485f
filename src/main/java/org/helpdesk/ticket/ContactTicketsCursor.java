package org.helpdesk.ticket;

import java.time.Instant;
import java.util.UUID;

import org.helpdesk.common.Cursors;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;

/** Where a page of a contact's tickets (newest first) ended; only valid for the same contact. */
record ContactTicketsCursor(UUID contactId, Instant at, UUID id) {

    String encode() {
        return Cursors.wrap("c|" + contactId + "|" + at.toEpochMilli() + "|" + id);
    }

    static ContactTicketsCursor decode(String cursor, UUID contactId) {
        String[] parts = Cursors.unwrap(cursor).split("\\|");
        if (parts.length != 4 || !parts[0].equals("c")) {
            throw invalid();
        }
        if (!parts[1].equals(contactId.toString())) {
            throw new InvalidInput("cursor belongs to another contact's tickets; start again without it");
        }
        UUID id = Ids.parseOrNull(parts[3]);
        long millis;
        try {
            millis = Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            throw invalid();
        }
        if (id == null) {
            throw invalid();
        }
        return new ContactTicketsCursor(contactId, Instant.ofEpochMilli(millis), id);
    }

    private static InvalidInput invalid() {
        return new InvalidInput(Cursors.INVALID);
    }
}
