package org.helpdesk.support;

import org.springframework.test.context.TestPropertySource;

/**
 * An operator's locked-down install: signup off, the first owner from HELPDESK_BOOTSTRAP_*, and a tight
 * per-key rate limit. Test classes that need any of these extend this class and so share one Spring context.
 */
@TestPropertySource(properties = {
        "helpdesk.signup-enabled=false",
        "helpdesk.bootstrap.email=" + LockedDownInstallTest.BOOTSTRAP_EMAIL,
        "helpdesk.bootstrap.password=" + LockedDownInstallTest.BOOTSTRAP_PASSWORD,
        "helpdesk.bootstrap.name=Boot Strap",
        "helpdesk.bootstrap.entity-name=" + LockedDownInstallTest.BOOTSTRAP_ENTITY,
        "helpdesk.rate-limit.requests-per-minute=" + LockedDownInstallTest.RATE_LIMIT,
        // the operator's default: webhook targets on loopback and private networks are refused (WebhookGuardIT)
        "helpdesk.webhooks.allow-private=false"})
public abstract class LockedDownInstallTest extends ApiTest {
    public static final String BOOTSTRAP_EMAIL = "Bootstrap-Owner@Example.com";
    public static final String BOOTSTRAP_PASSWORD = "bootstrap secret";
    public static final String BOOTSTRAP_ENTITY = "Bootstrapped Desk";
    public static final int RATE_LIMIT = 20;
}
