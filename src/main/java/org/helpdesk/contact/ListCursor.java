package org.helpdesk.contact;

import java.util.UUID;

import org.helpdesk.common.Cursors;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.Paging;

/** An opaque keyset cursor: the last id of a page and a fingerprint of the query it belongs to. */
final class ListCursor {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private ListCursor() {
    }

    static String encode(String query, UUID lastId) {
        return Cursors.wrap(Cursors.fingerprint(query) + "|" + lastId);
    }

    /** The last id of the previous page; {@code null} for no cursor. */
    static UUID decode(String cursor, String query) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        String[] parts = Cursors.unwrap(cursor).split("\\|");
        if (parts.length != 2 || Ids.parseOrNull(parts[1]) == null) {
            throw new InvalidInput(Cursors.INVALID);
        }
        if (!parts[0].equals(Cursors.fingerprint(query))) {
            throw new InvalidInput("cursor belongs to a query with other filters; start again without it");
        }
        return UUID.fromString(parts[1]);
    }

    static int limit(String value) {
        return Paging.limit(value, DEFAULT_LIMIT, MAX_LIMIT);
    }
}
