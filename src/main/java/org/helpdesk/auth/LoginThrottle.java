package org.helpdesk.auth;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.annotation.PreDestroy;
import org.helpdesk.common.Hashing;
import org.helpdesk.common.HelpdeskSettings;
import org.helpdesk.common.TooManyAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Brute-force and flood limits of API.md §4, as Bucket4j buckets: failed logins per email and per client address,
 * signups per client address. A login attempt takes its tokens before the password is checked, so parallel guesses
 * cannot all slip in before the first failure counts, and a refused attempt never reaches the password hash. A
 * successful login gives them back (the email's count starts again; the address is not charged), so an office
 * behind one address can always sign in. Buckets refill all at once when the window has passed. Bucket ids are
 * hashes: no email in the table. IPv6 clients are counted by their /64 (one customer line holds a whole /64).
 *
 * <p>Every attempt takes a token from this node's own bucket first (memory, same limits): that bound holds whatever
 * happens to the shared store. Then, on PostgreSQL, from the shared bucket every node counts in — on a small pool
 * of its own, waited for at most {@link #STORE_WAIT}: when the store cannot answer in time (a flood holding row
 * locks, the database slow or down) the node's bucket alone decides, never no limit, and the fallback is counted
 * ({@code helpdesk.login.limit.fallbacks}). So at most the limit reaches a password check per node even then.
 */
@Component
public class LoginThrottle {
    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    static final Duration STORE_WAIT = Duration.ofMillis(750);

    private final ProxyManager<String> shared;
    private final ProxyManager<String> local = BucketStore.local();
    private final ThreadPoolExecutor storeWork;
    private final Counter fallbacks;
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

    LoginThrottle(BucketStore store, HelpdeskSettings settings, ObjectProvider<MeterRegistry> meters) {
        this.shared = store.shared() ? store.buckets() : null;
        AtomicInteger threads = new AtomicInteger();
        // at most 4 connections to the store at once, whatever the flood: the request pool keeps the rest
        this.storeWork = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(2_000),
                task -> Thread.ofPlatform().daemon().name("login-limit-store-" + threads.incrementAndGet())
                        .unstarted(task), new ThreadPoolExecutor.AbortPolicy());
        this.storeWork.allowCoreThreadTimeOut(true);
        this.fallbacks = Counter.builder("helpdesk.login.limit.fallbacks")
                .description("login/signup limit checks decided by the node's own buckets: the shared store did"
                        + " not answer in time").register(meters.getIfAvailable(SimpleMeterRegistry::new));
        HelpdeskSettings.LoginLimits limits = settings.loginLimits();
        this.perEmail = Limit.of("login-email", limits.failuresPerEmail(), limits.window());
        this.perAddress = Limit.of("login-address", limits.failuresPerAddress(), limits.window());
        this.signups = Limit.of("signup-address", limits.signupsPerAddress(), limits.window());
    }

    @PreDestroy
    void stop() {
        storeWork.shutdownNow();
    }

    /** Call before checking a password; 429 when this email or this address has used its failures. */
    public void beforeLogin(String email, String address) {
        String client = clientKey(address);
        long wait = consume(perEmail, email);
        if (wait > 0) {
            throw new TooManyAttempts(
                    "Too many failed sign-ins for this account; retry after " + wait + " seconds", wait);
        }
        wait = consume(perAddress, client);
        if (wait > 0) {
            giveBack(perEmail, email);
            throw new TooManyAttempts(
                    "Too many failed sign-ins from your address; retry after " + wait + " seconds", wait);
        }
    }

    /** The password was right: the email's failures are forgotten and the address is not charged. */
    public void loginSucceeded(String email, String address) {
        String id = id(perEmail, email);
        local.removeProxy(id);
        if (shared != null) {
            background(() -> shared.removeProxy(id));
        }
        giveBack(perAddress, clientKey(address));
    }

    /** Call before creating an account; 429 when this address has used its signups. */
    public void beforeSignup(String address) {
        long wait = consume(signups, clientKey(address));
        if (wait > 0) {
            throw new TooManyAttempts(
                    "Too many signups from your address; retry after " + wait + " seconds", wait);
        }
    }

    /**
     * The key a client address is counted under: an IPv4 address as it is, an IPv6 address by its /64 (a home or
     * office line gets a whole /64, so its addresses are one client).
     */
    static String clientKey(String address) {
        if (address == null || address.indexOf(':') < 0 || !address.matches("\\[?[0-9A-Fa-f:.]+(%[\\w.-]+)?]?")) {
            return address;
        }
        String literal = address.replaceAll("^\\[|]$", "").replaceAll("%.*$", "");
        try {
            InetAddress parsed = InetAddress.getByName(literal); // a literal: no DNS lookup
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return parsed.getHostAddress(); // an IPv4-mapped address
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** 0 when a token was taken, else the seconds until the window refills. */
    private long consume(Limit limit, String value) {
        String id = id(limit, value);
        long wait = waitOf(local.getProxy(id, limit::configuration).tryConsumeAndReturnRemaining(1));
        if (wait > 0 || shared == null) {
            return wait;
        }
        Future<ConsumptionProbe> probe;
        try {
            probe = storeWork.submit(() -> shared.getProxy(id, limit::configuration).tryConsumeAndReturnRemaining(1));
        } catch (RejectedExecutionException e) {
            return fallback("the store's queue is full", null);
        }
        try {
            return waitOf(probe.get(STORE_WAIT.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return fallback("no answer within " + STORE_WAIT.toMillis() + " ms", null);
        } catch (ExecutionException e) {
            return fallback("unavailable", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback("interrupted", null);
        }
    }

    /** The node's own bucket already took a token and decides alone. */
    private long fallback(String why, Throwable cause) {
        fallbacks.increment();
        log.warn("Login limit store {}; this node's own limit decides{}", why,
                cause == null ? "" : ": " + cause);
        return 0;
    }

    private void giveBack(Limit limit, String value) {
        String id = id(limit, value);
        local.getProxy(id, limit::configuration).addTokens(1);
        if (shared != null) {
            background(() -> shared.getProxy(id, limit::configuration).addTokens(1));
        }
    }

    /** Store work nobody waits for (giving tokens back); dropped, with a warning, when the store is swamped. */
    private void background(Runnable work) {
        try {
            storeWork.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("Login limit store unavailable: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("Login limit store busy; a token given back was dropped");
        }
    }

    /** 64 hex characters, the id column's width; the kind keeps the namespaces apart. */
    private static String id(Limit limit, String value) {
        return Hashing.sha256Hex((limit.kind() + ":" + value).getBytes(StandardCharsets.UTF_8));
    }

    private static long waitOf(ConsumptionProbe probe) {
        if (probe.isConsumed()) {
            return 0;
        }
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
    }
}
