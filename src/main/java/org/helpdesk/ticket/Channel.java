package org.helpdesk.ticket;

import com.fasterxml.jackson.annotation.JsonValue;
import org.helpdesk.common.WireEnum;

/** Where a ticket came from. */
public enum Channel {
    EMAIL, WEB, PHONE, CHAT, API;

    private final String wire = WireEnum.wire(this);

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Channel parse(String value, String field) {
        return WireEnum.parse(Channel.class, value, field);
    }
}
