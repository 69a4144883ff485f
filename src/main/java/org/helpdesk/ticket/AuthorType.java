package org.helpdesk.ticket;

import com.fasterxml.jackson.annotation.JsonValue;
import org.helpdesk.common.WireEnum;

/** Who wrote a message: a member (agent), the customer (contact) or an automation (system). */
public enum AuthorType {
    AGENT, CONTACT, SYSTEM;

    private final String wire = WireEnum.wire(this);

    @JsonValue
    public String wire() {
        return wire;
    }

    public static AuthorType parse(String value, String field) {
        return WireEnum.parse(AuthorType.class, value, field);
    }
}
