package org.helpdesk.ticket;

import org.helpdesk.common.Emails;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;

/** The text rules of API §3, applied by the commands whoever sends them (API, pages, mail). */
final class TextRules {
    static final int MAX_SUBJECT = 255;
    static final int MAX_TEXT = 100_000;
    static final int MAX_NAME = 255;

    private TextRules() {
    }

    static String subject(String value) {
        return noNul(JsonInput.text(value, "subject", MAX_SUBJECT), "subject");
    }

    static String description(String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new InvalidInput("description must be at most " + MAX_TEXT + " characters");
        }
        return noNul(value, "description");
    }

    static String contactEmail(String value) {
        return value == null ? null : Emails.normalize(value, "contactEmail");
    }

    static String name(String value, String field) {
        return noNul(JsonInput.optionalText(value, field, MAX_NAME), field);
    }

    /** The NUL rule of every text input ({@link JsonInput#noNul}), for texts that did not come as JSON. */
    static String noNul(String value, String field) {
        return JsonInput.noNul(value, field);
    }
}
