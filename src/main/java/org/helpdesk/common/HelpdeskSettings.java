package org.helpdesk.common;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every operator setting under {@code helpdesk.*}, in one tree, checked when the app starts: a bad value stops
 * start-up with a message naming the property (and its environment variable). Defaults suit the embedded mode;
 * docs/operations.md lists each one.
 *
 * @param signupEnabled whether anyone may create an account and entity through /api/auth/signup
 * @param maxBodyBytes  the largest request body accepted on /api (HELPDESK_MAX_BODY_BYTES)
 * @param rateLimit     per-API-key request limit
 * @param apiKeys       how often key usage (lastUsedAt) is written
 * @param session       browser sessions (their absolute lifetime is in auth.SecuritySettings)
 * @param bootstrap     the first owner and entity, created at start-up when given (for signup-off installs)
 */
@ConfigurationProperties("helpdesk")
public record HelpdeskSettings(@DefaultValue("true") boolean signupEnabled,
                               @DefaultValue("1048576") int maxBodyBytes,
                               @DefaultValue RateLimit rateLimit,
                               @DefaultValue ApiKeys apiKeys,
                               @DefaultValue Session session,
                               @DefaultValue Bootstrap bootstrap) {

    public HelpdeskSettings {
        require(maxBodyBytes >= 1024 && maxBodyBytes <= 100 * 1024 * 1024,
                "helpdesk.max-body-bytes (HELPDESK_MAX_BODY_BYTES) must be between 1024 and 104857600, not "
                        + maxBodyBytes);
    }

    /** @param requestsPerMinute per API key, shared by all nodes on PostgreSQL; 0 switches the limit off */
    public record RateLimit(@DefaultValue("6000") long requestsPerMinute) {
        public RateLimit {
            require(requestsPerMinute >= 0, "helpdesk.rate-limit.requests-per-minute (HELPDESK_RATE_LIMIT_PER_MINUTE)"
                    + " must be 0 (off) or more, not " + requestsPerMinute);
        }
    }

    /** @param lastUsedFlush how often lastUsedAt of keys is written (batched, so a request costs no write) */
    public record ApiKeys(@DefaultValue("10s") Duration lastUsedFlush) {
        public ApiKeys {
            require(!lastUsedFlush.isNegative() && !lastUsedFlush.isZero() && lastUsedFlush.compareTo(Duration.ofHours(1)) <= 0,
                    "helpdesk.api-keys.last-used-flush must be more than 0 and at most 1h, not " + lastUsedFlush);
        }
    }

    /** @param idleTimeout a browser session ends after this long without a request (HELPDESK_SESSION_TIMEOUT) */
    public record Session(@DefaultValue("12h") Duration idleTimeout) {
        public Session {
            require(idleTimeout.compareTo(Duration.ofMinutes(1)) >= 0 && idleTimeout.compareTo(Duration.ofDays(90)) <= 0,
                    "helpdesk.session.idle-timeout (HELPDESK_SESSION_TIMEOUT) must be between 1m and 90d, not "
                            + idleTimeout);
        }
    }

    public record Bootstrap(String email, String password, String name, String entityName) {
        public Bootstrap {
            if (email != null && !email.isBlank() && (password == null || password.isBlank())) {
                throw new IllegalArgumentException("helpdesk.bootstrap.email (HELPDESK_BOOTSTRAP_EMAIL) is set but"
                        + " helpdesk.bootstrap.password (HELPDESK_BOOTSTRAP_PASSWORD) is not: set both, or neither");
            }
        }

        public boolean requested() {
            return email != null && !email.isBlank();
        }
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
