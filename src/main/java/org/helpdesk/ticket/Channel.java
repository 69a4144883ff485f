package org.helpdesk.ticket;

import com.fasterxml.jackson.annotation.JsonValue;
import org.helpdesk.common.WireEnum;

/** Where a ticket came from. */
public enum Channel {
    EMAIL, WEB, PHONE, CHAT, API;

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }

    public static Channel parse(String value, String field) {
        return WireEnum.parse(Channel.class, value, field);
    }
}
