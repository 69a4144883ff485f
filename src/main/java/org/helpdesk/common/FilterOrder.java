package org.helpdesk.common;

import org.springframework.core.Ordered;

/**
 * The order of the servlet filters, named in one place (docs/architecture.md, "The path of a request"): a
 * lower number runs first and wraps the ones after it. Spring Session's filter ({@code Integer.MIN_VALUE + 50})
 * and the Spring Security chain ({@code spring.security.filter.order}, -100) come after these.
 */
public final class FilterOrder {
    /** X-Request-Id first, so every later line of the request carries it. */
    public static final int REQUEST_IDS = Ordered.HIGHEST_PRECEDENCE;
    /** Inside the request id, around everything else: the access log sees the final status. */
    public static final int ACCESS_LOG = REQUEST_IDS + 2;
    /** Refuses what is not JSON on /api before anything reads a body. */
    public static final int API_REQUEST_GUARD = REQUEST_IDS + 4;
    /** Reads the body once, for the idempotency fingerprint and the tenant's body lookup. */
    public static final int CACHED_BODY = REQUEST_IDS + 5;

    private FilterOrder() {
    }

    /** Right inside the Spring Security chain (whose order is given): the caller is known. */
    public static int insideSecurity(int securityChainOrder) {
        return securityChainOrder + 1;
    }
}
