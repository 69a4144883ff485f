package org.helpdesk.ticket;

import com.fasterxml.jackson.annotation.JsonValue;
import org.helpdesk.common.WireEnum;

/** What happened to a ticket (API §5). */
public enum EventType {
    CREATED, UPDATED, MESSAGE_ADDED, MERGED;

    private final String wire = WireEnum.wire(this);

    @JsonValue
    public String wire() {
        return wire;
    }

    public static EventType parse(String value, String field) {
        return WireEnum.parse(EventType.class, value, field);
    }
}
