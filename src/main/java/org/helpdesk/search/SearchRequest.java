package org.helpdesk.search;

import java.util.UUID;

import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.Paging;

/**
 * A search as asked (API §7), checked on construction: the query (1–500 characters), the order, the page size
 * (1–100, default 20) and the cursor of the previous page, if any. {@code userId} is who "assignee:me" means.
 */
public record SearchRequest(UUID entityId, UUID userId, String q, Sort sort, int limit, String cursor) {
    public static final int DEFAULT_LIMIT = 20;

    /** The order of a search: best first (ties: newest update first), or newest update first. */
    public enum Sort {
        RELEVANCE("relevance"), UPDATED_DESC("-updatedAt");

        final String wire;

        Sort(String wire) {
            this.wire = wire;
        }
    }
    public static final int MAX_LIMIT = 100;

    public SearchRequest {
        if (q == null || q.isBlank() || q.length() > SearchQueryParser.MAX_LENGTH) {
            throw new InvalidInput("q must be 1 to " + SearchQueryParser.MAX_LENGTH + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput(Paging.tooMany(MAX_LIMIT));
        }
        cursor = Paging.cursor(cursor);
    }

    /** From the strings of a query string or form; absent values take their defaults. */
    public static SearchRequest of(UUID entityId, UUID userId, String q, String sort, String limit, String cursor) {
        return new SearchRequest(entityId, userId, q, sort(sort), limit(limit), cursor);
    }

    private static Sort sort(String value) {
        if (value == null || value.isEmpty()) {
            return Sort.RELEVANCE;
        }
        for (Sort sort : Sort.values()) {
            if (sort.wire.equals(value.strip())) {
                return sort;
            }
        }
        throw new InvalidInput("sort must be relevance or -updatedAt");
    }

    private static int limit(String value) {
        if (value == null) {
            return DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(Paging.tooMany(MAX_LIMIT));
        }
    }
}
