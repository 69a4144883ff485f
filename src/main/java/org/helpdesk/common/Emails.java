package org.helpdesk.common;

import java.util.Locale;
import java.util.regex.Pattern;

/** The loose "looks like an email address" rule: something@domain.tld, no spaces. */
public final class Emails {
    private static final Pattern SHAPE = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@.]+$");

    private Emails() {
    }

    public static String normalize(String value, String field) {
        String email = value == null ? "" : value.strip();
        if (email.length() > 320 || !SHAPE.matcher(email).matches()) {
            throw new InvalidInput(field + " must be an email address");
        }
        return email;
    }

    /** Accounts are found by email regardless of case. */
    public static String accountKey(String value, String field) {
        return normalize(value, field).toLowerCase(Locale.ROOT);
    }
}
