package org.helpdesk.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The wire form every keyset cursor shares: its fields in a line, URL-safe Base64 without padding, so a client
 * treats it as opaque; and the short fingerprint that ties a cursor to the filters it was made for.
 */
public final class Cursors {
    public static final String INVALID = "cursor is not valid; use the Link header of the previous page";

    private Cursors() {
    }

    public static String wrap(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The line inside a cursor; {@link #INVALID} when it is not URL-safe Base64. */
    public static String unwrap(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(INVALID);
        }
    }

    /** 16 hex digits of SHA-256: enough to tell queries apart, short enough to keep the cursor small. */
    public static String fingerprint(String identity) {
        return Hashing.sha256Hex(identity.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }
}
