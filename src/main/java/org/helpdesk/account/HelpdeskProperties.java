package org.helpdesk.account;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator settings under {@code helpdesk.*} (environment: HELPDESK_SIGNUP_ENABLED, HELPDESK_BOOTSTRAP_*).
 *
 * @param signupEnabled whether anyone may create an account and entity through /api/auth/signup
 * @param bootstrap     the first owner and entity, created at start-up when given (for signup-off installs)
 */
@ConfigurationProperties("helpdesk")
public record HelpdeskProperties(boolean signupEnabled, Bootstrap bootstrap) {

    public record Bootstrap(String email, String password, String name, String entityName) {
        public boolean requested() {
            return email != null && !email.isBlank();
        }
    }

    public HelpdeskProperties {
        if (bootstrap == null) {
            bootstrap = new Bootstrap(null, null, null, null);
        }
        if (bootstrap.requested() && (bootstrap.password() == null || bootstrap.password().isBlank())) {
            throw new IllegalStateException(
                    "HELPDESK_BOOTSTRAP_EMAIL is set but HELPDESK_BOOTSTRAP_PASSWORD is not: set both, or neither");
        }
    }
}
