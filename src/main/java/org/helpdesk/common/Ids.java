package org.helpdesk.common;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Time-ordered UUIDv7 ids: new rows land at the right edge of the primary-key index, and ids made in the same
 * millisecond by one node still increase, so (createdAt, id) orders rows in the order they were made.
 */
public final class Ids {
    private static final TimeBasedEpochGenerator V7 = Generators.timeBasedEpochGenerator();

    private Ids() {
    }

    public static UUID newId() {
        return V7.generate();
    }

    /** Parses a client-supplied id; {@code null} when it is not a UUID in canonical form. */
    public static UUID parseOrNull(String value) {
        if (value == null || value.length() != 36) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static UUID parse(String value, String field) {
        UUID id = parseOrNull(value);
        if (id == null) {
            throw new InvalidInput(field + " must be a UUID");
        }
        return id;
    }
}
