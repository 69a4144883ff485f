package org.helpdesk.email;

import com.fasterxml.jackson.annotation.JsonValue;
import org.helpdesk.common.WireEnum;

/** How a mail server connection is protected: plain, upgraded with STARTTLS, or TLS from the first byte. */
public enum Security {
    NONE, STARTTLS, TLS;

    @JsonValue
    public String wire() {
        return WireEnum.wire(this);
    }

    public static Security parse(String value, String field) {
        return WireEnum.parse(Security.class, value, field);
    }

    int defaultImapPort() {
        return this == TLS ? 993 : 143;
    }

    int defaultSmtpPort() {
        return switch (this) {
            case TLS -> 465;
            case STARTTLS -> 587;
            case NONE -> 25;
        };
    }
}
