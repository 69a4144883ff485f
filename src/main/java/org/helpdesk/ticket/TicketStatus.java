package org.helpdesk.ticket;

import com.fasterxml.jackson.annotation.JsonValue;
import org.helpdesk.common.WireEnum;

/** The ticket lifecycle states; the rules for moving between them live in {@link Ticket}. */
public enum TicketStatus {
    NEW, OPEN, PENDING, RESOLVED, CLOSED;

    private final String wire = WireEnum.wire(this);

    @JsonValue
    public String wire() {
        return wire;
    }

    public static TicketStatus parse(String value, String field) {
        return WireEnum.parse(TicketStatus.class, value, field);
    }
}
