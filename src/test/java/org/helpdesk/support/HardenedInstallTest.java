package org.helpdesk.support;

import org.springframework.test.context.TestPropertySource;

/**
 * An install behind an HTTPS public URL with tight flood limits and a short absolute session lifetime, so
 * that tests reach each limit in a few requests. Test classes that need it extend this class and share one
 * Spring context.
 */
@TestPropertySource(properties = {
        "helpdesk.public-url=https://helpdesk.example.com",
        // as in production: mail hosts must be public addresses
        "helpdesk.mail.allow-private=false",
        "helpdesk.login-limits.failures-per-address=" + HardenedInstallTest.FAILURES_PER_ADDRESS,
        "helpdesk.login-limits.signups-per-address=" + HardenedInstallTest.SIGNUPS_PER_ADDRESS,
        "helpdesk.session.max-age=" + HardenedInstallTest.SESSION_MAX_AGE})
public abstract class HardenedInstallTest extends ApiTest {
    public static final int FAILURES_PER_ADDRESS = 6;
    public static final int SIGNUPS_PER_ADDRESS = 3;
    public static final String SESSION_MAX_AGE = "PT3S";

    /** A client address of its own (through the trusted local proxy), so tests never share a budget. */
    public static String newClientAddress() {
        // IPv6 clients are counted by their /64: each test client gets a /64 of its own
        return "2001:db8:" + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 0xffff))
                + ":" + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(1, 0xffff))
                + "::1";
    }
}
