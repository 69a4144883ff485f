package org.helpdesk.common;

import java.net.URI;
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
 * @param session         browser sessions: idle timeout and absolute lifetime
 * @param publicUrl       the address users reach the server at (HELPDESK_PUBLIC_URL), or blank; an https URL
 *                        makes every cookie Secure even when TLS ends at a proxy that does not say so
 * @param loginLimits     failed logins per email and per client address, signups per client address (API §4)
 * @param passwordHashing how many password hashes run at once and how long a caller waits for a turn
 * @param bootstrap       the first owner and entity, created at start-up when given (for signup-off installs)
 * @param trustedProxies  CIDR ranges of the reverse proxies whose X-Forwarded-For/-Proto are believed
 *                        (HELPDESK_TRUSTED_PROXIES, comma-separated; default none: the peer is the client)
 */
@ConfigurationProperties("helpdesk")
public record HelpdeskSettings(@DefaultValue("true") boolean signupEnabled,
                               @DefaultValue("1048576") int maxBodyBytes,
                               @DefaultValue RateLimit rateLimit,
                               @DefaultValue ApiKeys apiKeys,
                               @DefaultValue Session session,
                               String publicUrl,
                               @DefaultValue LoginLimits loginLimits,
                               @DefaultValue PasswordHashing passwordHashing,
                               @DefaultValue Bootstrap bootstrap,
                               java.util.List<String> trustedProxies) {

    public HelpdeskSettings {
        trustedProxies = trustedProxies == null ? java.util.List.of() : trustedProxies.stream().map(String::strip)
                .filter(cidr -> !cidr.isEmpty()).map(HelpdeskSettings::cidr).toList();
        require(maxBodyBytes >= 1024 && maxBodyBytes <= 100 * 1024 * 1024,
                "helpdesk.max-body-bytes (HELPDESK_MAX_BODY_BYTES) must be between 1024 and 104857600, not "
                        + maxBodyBytes);
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
        if (publicUrl != null) {
            URI uri = null;
            try {
                uri = URI.create(publicUrl);
            } catch (IllegalArgumentException e) {
                require(false, "helpdesk.public-url (HELPDESK_PUBLIC_URL) is not a URL: " + publicUrl);
            }
            require(("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null,
                    "helpdesk.public-url (HELPDESK_PUBLIC_URL) must look like https://helpdesk.example.com");
        }
    }

    /** Cookies must be Secure whatever the request looked like: users reach the server over HTTPS. */
    public boolean httpsOnly() {
        return publicUrl != null && publicUrl.startsWith("https://");
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
            require(lastUsedFlush.isPositive() && lastUsedFlush.compareTo(Duration.ofHours(1)) <= 0,
                    "helpdesk.api-keys.last-used-flush must be more than 0 and at most 1h, not " + lastUsedFlush);
        }
    }

    /**
     * @param idleTimeout a browser session ends after this long without a request (HELPDESK_SESSION_TIMEOUT)
     * @param maxAge      and after this long however active (HELPDESK_SESSION_MAX_AGE)
     */
    public record Session(@DefaultValue("12h") Duration idleTimeout, @DefaultValue("7d") Duration maxAge) {
        public Session {
            require(idleTimeout.compareTo(Duration.ofMinutes(1)) >= 0 && idleTimeout.compareTo(Duration.ofDays(90)) <= 0,
                    "helpdesk.session.idle-timeout (HELPDESK_SESSION_TIMEOUT) must be between 1m and 90d, not "
                            + idleTimeout);
            require(maxAge.isPositive(),
                    "helpdesk.session.max-age (HELPDESK_SESSION_MAX_AGE) must be positive, e.g. 7d or 12h");
        }
    }

    public record LoginLimits(@DefaultValue("10") int failuresPerEmail, @DefaultValue("100") int failuresPerAddress,
                              @DefaultValue("20") int signupsPerAddress, @DefaultValue("15m") Duration window) {
        public LoginLimits {
            require(failuresPerEmail >= 1 && failuresPerAddress >= 1 && signupsPerAddress >= 1,
                    "helpdesk.login-limits.* (HELPDESK_LOGIN_FAILURES_PER_EMAIL, HELPDESK_LOGIN_FAILURES_PER_ADDRESS,"
                            + " HELPDESK_SIGNUPS_PER_ADDRESS) must be at least 1");
            require(window.isPositive(),
                    "helpdesk.login-limits.window (HELPDESK_LOGIN_LIMIT_WINDOW) must be positive, e.g. 15m");
        }
    }

    /** @param threads 0 = one per core, the most API §4 allows */
    public record PasswordHashing(@DefaultValue("0") int threads, @DefaultValue("2s") Duration maxWait) {
        public PasswordHashing {
            int cores = Runtime.getRuntime().availableProcessors();
            require(threads >= 0 && threads <= cores, "helpdesk.password-hashing.threads"
                    + " (HELPDESK_PASSWORD_HASHING_THREADS) must be between 1 and the " + cores
                    + " cores of this server (0 = all of them)");
            threads = threads == 0 ? cores : threads;
            require(!maxWait.isNegative(),
                    "helpdesk.password-hashing.max-wait (HELPDESK_PASSWORD_HASHING_MAX_WAIT) must not be negative");
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

    /** A CIDR range ("10.0.0.0/8", "fd00::/8"); a single address gets /32 or /128. Literals only, no DNS. */
    private static String cidr(String value) {
        String[] parts = value.split("/", -1);
        boolean literal = parts[0].matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
        int max = parts[0].contains(":") ? 128 : 32;
        boolean ok = literal && parts.length <= 2;
        if (ok) {
            try {
                java.net.InetAddress.getByName(parts[0]);
                ok = parts.length == 1 || parts[1].matches("\\d{1,3}") && Integer.parseInt(parts[1]) <= max;
            } catch (java.net.UnknownHostException e) {
                ok = false;
            }
        }
        require(ok, "helpdesk.trusted-proxies (HELPDESK_TRUSTED_PROXIES) must be a comma-separated list of CIDR"
                + " ranges such as 10.0.0.0/8 or fd00::/8, not " + value);
        return parts.length == 1 ? value + "/" + max : value;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
