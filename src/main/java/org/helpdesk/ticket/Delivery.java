package org.helpdesk.ticket;

import com.fasterxml.jackson.annotation.JsonValue;
import org.helpdesk.common.WireEnum;

/** How far a message sent by email got: waiting in the outbox, handed to the SMTP server, or given up on. */
public enum Delivery {
    QUEUED, SENT, FAILED;

    private final String wire = WireEnum.wire(this);

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Delivery parse(String value, String field) {
        return WireEnum.parse(Delivery.class, value, field);
    }
}
