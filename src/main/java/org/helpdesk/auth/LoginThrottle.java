package org.helpdesk.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.helpdesk.common.Hashing;
import org.helpdesk.common.RetryLater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Brute-force and flood limits of API.md §4, as Bucket4j buckets in the shared {@link BucketStore}: failed
 * logins per email and per client address, signups per client address. A login attempt takes its tokens
 * before the password is checked, so parallel guesses cannot all slip in before the first failure counts, and
 * a refused attempt never reaches the password hash. A successful login gives them back (the email's count
 * starts again; the address is not charged), so an office behind one address can always sign in.
 * Buckets refill all at once when the window has passed. Bucket ids are hashes: no email in the table.
 */
@Component
public class LoginThrottle {
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final ProxyManager<String> buckets;
    private final BucketConfiguration perEmail;
    private final BucketConfiguration perAddress;
    private final BucketConfiguration signups;

    LoginThrottle(BucketStore store, SecuritySettings settings) {
        this.buckets = store.buckets();
        SecuritySettings.LoginLimits limits = settings.loginLimits();
        this.perEmail = window(limits.failuresPerEmail(), limits.window());
        this.perAddress = window(limits.failuresPerAddress(), limits.window());
        this.signups = window(limits.signupsPerAddress(), limits.window());
    }

    private static BucketConfiguration window(int count, Duration window) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(count).refillIntervally(count, window))
                .build();
    }

    /** Call before checking a password; 429 when this email or this address has used its failures. */
    public void beforeLogin(String email, String address) {
        BucketProxy email_ = bucket("login-email", email, perEmail);
        BucketProxy address_ = bucket("login-address", address, perAddress);
        long wait = consume(email_);
        if (wait > 0) {
            throw new RetryLater(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins for this account; retry after " + wait + " seconds", wait);
        }
        wait = consume(address_);
        if (wait > 0) {
            giveBack(email_);
            throw new RetryLater(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many failed sign-ins from your address; retry after " + wait + " seconds", wait);
        }
    }

    /** The password was right: the email's failures are forgotten and the address is not charged. */
    public void loginSucceeded(String email, String address) {
        try {
            buckets.removeProxy(id("login-email", email));
        } catch (RuntimeException e) {
            log.warn("Login limit store unavailable: {}", e.toString());
        }
        giveBack(bucket("login-address", address, perAddress));
    }

    /** Call before creating an account; 429 when this address has used its signups. */
    public void beforeSignup(String address) {
        long wait = consume(bucket("signup-address", address, signups));
        if (wait > 0) {
            throw new RetryLater(HttpStatus.TOO_MANY_REQUESTS,
                    "Too many signups from your address; retry after " + wait + " seconds", wait);
        }
    }

    private BucketProxy bucket(String kind, String value, BucketConfiguration configuration) {
        return buckets.getProxy(id(kind, value), () -> configuration);
    }

    /** 64 hex characters, the id column's width; the kind keeps the namespaces apart. */
    private static String id(String kind, String value) {
        return Hashing.sha256Hex((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
    }

    /** 0 when a token was taken, else the seconds until the window refills. */
    private static long consume(BucketProxy bucket) {
        ConsumptionProbe probe;
        try {
            probe = bucket.tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            // the limits protect the service; an unreachable store must not lock every user out
            log.warn("Login limit store unavailable; letting the attempt through: {}", e.toString());
            return 0;
        }
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    }

    private static void giveBack(BucketProxy bucket) {
        try {
            bucket.addTokens(1);
        } catch (RuntimeException e) {
            log.warn("Login limit store unavailable: {}", e.toString());
        }
    }
}
