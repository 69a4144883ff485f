package org.helpdesk.contact;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.helpdesk.common.Hashing;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;

/** An opaque keyset cursor: the last id of a page and a fingerprint of the query it belongs to. */
final class ListCursor {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private ListCursor() {
    }

    static String encode(String query, UUID lastId) {
        String raw = fingerprint(query) + "|" + lastId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The last id of the previous page; {@code null} for no cursor. */
    static UUID decode(String cursor, String query) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (parts.length != 2 || Ids.parseOrNull(parts[1]) == null) {
            throw invalid();
        }
        if (!parts[0].equals(fingerprint(query))) {
            throw new InvalidInput("cursor belongs to a query with other filters; start again without it");
        }
        return UUID.fromString(parts[1]);
    }

    static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidInput("limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    private static String fingerprint(String query) {
        return Hashing.sha256Hex(query.getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    private static InvalidInput invalid() {
        return new InvalidInput("cursor is not valid; use the Link header of the previous page");
    }
}
