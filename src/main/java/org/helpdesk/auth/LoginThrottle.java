package org.helpdesk.auth;

import org.helpdesk.common.HelpdeskSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.helpdesk.common.Hashing;
import org.helpdesk.common.TooManyAttempts;
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
    private final Limit perEmail;
    private final Limit perAddress;
    private final Limit signups;

    /**
     * A kind of bucket and its configuration. The configuration is part of the bucket id: a bucket keeps the
     * configuration it was created with, so after an operator changes a limit (or when nodes run different
     * settings) the new numbers take effect at once, in buckets of their own.
     */
    private record Limit(String kind, BucketConfiguration configuration) {
        static Limit of(String kind, int count, Duration window) {
            return new Limit(kind + "/" + count + "/" + window, BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(count).refillIntervally(count, window))
                    .build());
        }
    }

    LoginThrottle(BucketStore store, HelpdeskSettings settings) {
        this.buckets = store.buckets();
        HelpdeskSettings.LoginLimits limits = settings.loginLimits();
        this.perEmail = Limit.of("login-email", limits.failuresPerEmail(), limits.window());
        this.perAddress = Limit.of("login-address", limits.failuresPerAddress(), limits.window());
        this.signups = Limit.of("signup-address", limits.signupsPerAddress(), limits.window());
    }

    /** Call before checking a password; 429 when this email or this address has used its failures. */
    public void beforeLogin(String email, String address) {
        BucketProxy email_ = bucket(perEmail, email);
        BucketProxy address_ = bucket(perAddress, address);
        long wait = consume(email_);
        if (wait > 0) {
            throw new TooManyAttempts(
                    "Too many failed sign-ins for this account; retry after " + wait + " seconds", wait);
        }
        wait = consume(address_);
        if (wait > 0) {
            giveBack(email_);
            throw new TooManyAttempts(
                    "Too many failed sign-ins from your address; retry after " + wait + " seconds", wait);
        }
    }

    /** The password was right: the email's failures are forgotten and the address is not charged. */
    public void loginSucceeded(String email, String address) {
        try {
            buckets.removeProxy(id(perEmail, email));
        } catch (RuntimeException e) {
            log.warn("Login limit store unavailable: {}", e.toString());
        }
        giveBack(bucket(perAddress, address));
    }

    /** Call before creating an account; 429 when this address has used its signups. */
    public void beforeSignup(String address) {
        long wait = consume(bucket(signups, address));
        if (wait > 0) {
            throw new TooManyAttempts(
                    "Too many signups from your address; retry after " + wait + " seconds", wait);
        }
    }

    private BucketProxy bucket(Limit limit, String value) {
        return buckets.getProxy(id(limit, value), limit::configuration);
    }

    /** 64 hex characters, the id column's width; the kind keeps the namespaces apart. */
    private static String id(Limit limit, String value) {
        return Hashing.sha256Hex((limit.kind() + ":" + value).getBytes(StandardCharsets.UTF_8));
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
