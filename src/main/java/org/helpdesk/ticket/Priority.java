package org.helpdesk.ticket;

import com.fasterxml.jackson.annotation.JsonValue;
import org.helpdesk.common.WireEnum;

/** How urgent a ticket is. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT;

    private final String wire = WireEnum.wire(this);

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Priority parse(String value, String field) {
        return WireEnum.parse(Priority.class, value, field);
    }
}
