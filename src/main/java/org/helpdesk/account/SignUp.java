package org.helpdesk.account;

import java.nio.charset.StandardCharsets;

import org.helpdesk.common.Emails;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;

/**
 * A signup, from the API, the sign-up page or the bootstrap settings: the rules of each field live here once
 * (the page checks field by field with the same methods, to show each error beside its field).
 *
 * @param clientAddress the caller's address (after the trusted-proxy valve), for the signup limit; null when
 *                      the operator's settings create the account
 */
public record SignUp(String email, String password, String name, String entityName, String clientAddress) {
    /** BCrypt reads at most 72 bytes; longer passwords would be silently cut. */
    static final int MAX_PASSWORD_BYTES = 72;
    static final int MIN_PASSWORD_LENGTH = 8;
    static final int MAX_NAME = 255;

    public SignUp {
        email = email(email);
        password(password);
        name = name(name, "name");
        entityName = name(entityName, "entityName");
    }

    /** Accounts are found by email regardless of case. */
    public static String email(String value) {
        return Emails.accountKey(value, "email");
    }

    public static String password(String value) {
        if (value == null || value.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidInput("password must be at most " + MAX_PASSWORD_BYTES + " bytes");
        }
        return value;
    }

    /** A person's or an entity's name: 1 to 255 characters. */
    public static String name(String value, String field) {
        return JsonInput.text(value, field, MAX_NAME);
    }
}
