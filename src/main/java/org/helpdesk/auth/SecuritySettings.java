package org.helpdesk.auth;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings for sessions, cookies and brute-force limits under {@code helpdesk.*} (environment
 * variables in the README). Invalid values stop the start with a message naming the variable.
 *
 * @param publicUrl       the address users reach the server at (HELPDESK_PUBLIC_URL), or blank; an https URL
 *                        makes every cookie Secure even when TLS ends at a proxy that does not say so
 * @param session         the absolute lifetime of a browser session, however active
 * @param loginLimits     failed logins per email and per client address, signups per client address
 * @param passwordHashing how many password hashes run at once and how long a caller waits for a turn
 */
@ConfigurationProperties("helpdesk")
public record SecuritySettings(String publicUrl, @DefaultValue Session session, @DefaultValue LoginLimits loginLimits,
                               @DefaultValue PasswordHashing passwordHashing) {

    public record Session(@DefaultValue("7d") Duration maxAge) {
        public Session {
            if (maxAge.isNegative() || maxAge.isZero()) {
                throw new IllegalStateException("HELPDESK_SESSION_MAX_AGE must be positive, e.g. 7d or 12h");
            }
        }
    }

    public record LoginLimits(@DefaultValue("10") int failuresPerEmail, @DefaultValue("100") int failuresPerAddress,
                              @DefaultValue("20") int signupsPerAddress, @DefaultValue("15m") Duration window) {
        public LoginLimits {
            if (failuresPerEmail < 1 || failuresPerAddress < 1 || signupsPerAddress < 1) {
                throw new IllegalStateException("HELPDESK_LOGIN_FAILURES_PER_EMAIL, HELPDESK_LOGIN_FAILURES_PER_ADDRESS "
                        + "and HELPDESK_SIGNUPS_PER_ADDRESS must be at least 1");
            }
            if (window.isNegative() || window.isZero()) {
                throw new IllegalStateException("HELPDESK_LOGIN_LIMIT_WINDOW must be positive, e.g. 15m");
            }
        }
    }

    /** @param threads 0 = one per core, the most the contract allows */
    public record PasswordHashing(@DefaultValue("0") int threads, @DefaultValue("2s") Duration maxWait) {
        public PasswordHashing {
            int cores = Runtime.getRuntime().availableProcessors();
            if (threads < 0 || threads > cores) {
                throw new IllegalStateException("HELPDESK_PASSWORD_HASHING_THREADS must be between 1 and the "
                        + cores + " cores of this server (0 = all of them)");
            }
            threads = threads == 0 ? cores : threads;
            if (maxWait.isNegative()) {
                throw new IllegalStateException("HELPDESK_PASSWORD_HASHING_MAX_WAIT must not be negative");
            }
        }
    }

    public SecuritySettings {
        publicUrl = publicUrl == null || publicUrl.isBlank() ? null : publicUrl.strip().replaceAll("/+$", "");
        if (publicUrl != null) {
            URI uri;
            try {
                uri = URI.create(publicUrl);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("HELPDESK_PUBLIC_URL is not a URL: " + publicUrl);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalStateException("HELPDESK_PUBLIC_URL must look like https://helpdesk.example.com");
            }
        }
    }

    /** Cookies must be Secure whatever the request looked like: users reach the server over HTTPS. */
    public boolean httpsOnly() {
        return publicUrl != null && publicUrl.startsWith("https://");
    }
}
