package org.helpdesk.ticket;

import com.fasterxml.jackson.annotation.JsonValue;
import org.helpdesk.common.WireEnum;

/** Who wrote a message: a member (agent), the customer (contact) or an automation (system). */
public enum AuthorType {
    AGENT, CONTACT, SYSTEM;

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }

    public static AuthorType parse(String value, String field) {
        return WireEnum.parse(AuthorType.class, value, field);
    }
}
