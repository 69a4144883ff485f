package org.helpdesk.account;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.helpdesk.common.HelpdeskSettings;
import org.helpdesk.common.ServerBusy;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Password hashing (bcrypt: tens of milliseconds of CPU each) on a few platform threads of its own, at most
 * one per core. A flood of logins or signups then queues here instead of taking every carrier thread of the
 * virtual-thread scheduler (which would stall all other requests), and the operating system still gives the
 * request threads their share of the cores. A caller that cannot get a turn within the configured wait gets
 * 503 with Retry-After. Hashing inside a database transaction is refused: it would
 * hold a pooled connection for the hash's whole duration.
 */
@Component
public class PasswordHashing {
    private final PasswordEncoder encoder;
    private final ThreadPoolExecutor pool;
    private final Duration maxWait;
    private final Semaphore turns;
    private final AtomicLong hashes = new AtomicLong();

    @Autowired
    PasswordHashing(PasswordEncoder encoder, HelpdeskSettings settings) {
        this(encoder, settings.passwordHashing().threads(), settings.passwordHashing().maxWait());
    }

    PasswordHashing(PasswordEncoder encoder, int threads, Duration maxWait) {
        this.encoder = encoder;
        this.maxWait = maxWait;
        this.turns = new Semaphore(threads, true);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "password-hashing-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    public String encode(String raw) {
        return run(() -> encoder.encode(raw));
    }

    public boolean matches(String raw, String hash) {
        return run(() -> encoder.matches(raw, hash));
    }

    /** How many hashes were computed since start (for tests and metrics). */
    public long hashesComputed() {
        return hashes.get();
    }

    private <T> T run(Callable<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Password hashing inside a database transaction holds a pooled "
                    + "connection for the whole hash; hash before the transaction starts");
        }
        // Callers wait for a turn parked (no CPU, no carrier thread), at most maxWait: a flood of logins then
        // cannot turn into a busy loop of instant refusals either.
        boolean admitted;
        try {
            admitted = turns.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        if (!admitted) {
            throw busy();
        }
        try {
            return pool.submit(() -> {
                hashes.incrementAndGet();
                return work.call();
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            turns.release();
        }
    }

    private static ServerBusy busy() {
        return new ServerBusy("The server is busy checking passwords; retry in a moment", 1);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
