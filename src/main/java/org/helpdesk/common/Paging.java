package org.helpdesk.common;

import java.util.List;

import org.springframework.util.MultiValueMap;

/** The query parameters every paged list reads the same way: one value per name, the page size, the cursor. */
public final class Paging {
    private Paging() {
    }

    /** The one value of a parameter, {@code null} when absent; the same value repeated counts as one. */
    public static String single(MultiValueMap<String, String> params, String name) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.stream().distinct().count() > 1) {
            throw new InvalidInput(name + " is given more than once");
        }
        return values.get(0);
    }

    /** The one wording of a page size out of range, for the parameter and for the use cases that check it again. */
    public static String tooMany(int max) {
        return "limit must be a whole number from 1 to " + max;
    }

    /** A cursor parameter; an empty one is the first page, as no cursor is. */
    public static String cursor(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The page size: {@code defaultLimit} when absent, else a whole number from 1 to {@code max}. */
    public static int limit(String value, int defaultLimit, int max) {
        if (value == null) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // the same answer as out of range
        }
        throw new InvalidInput(tooMany(max));
    }
}
