package org.helpdesk.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.helpdesk.common.RetryLater;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class PasswordHashingTest {
    /** An encoder that takes a while and records how many run at once. */
    static final class SlowEncoder implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            int now = running.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            return encode(raw).equals(encoded);
        }
    }

    @Test
    void neverMoreHashesRunAtOnceThanItHasThreads() throws Exception {
        // Given
        SlowEncoder encoder = new SlowEncoder();
        PasswordHashing hashing = new PasswordHashing(encoder, 2, Duration.ofSeconds(30));

        // When
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 60; i++) {
                int n = i;
                results.add(callers.submit(() -> hashing.encode("p" + n)));
            }
        }

        // Then
        for (int i = 0; i < 60; i++) {
            assertThat(results.get(i).get()).isEqualTo("hash:p" + i);
        }
        assertThat(encoder.most.get()).isEqualTo(2);
        assertThat(hashing.hashesComputed()).isEqualTo(60);
    }

    @Test
    void callersThatWaitLongerThanTheMaximumGet503WithRetryAfter() throws Exception {
        // Given
        PasswordHashing hashing = new PasswordHashing(new SlowEncoder(), 1, Duration.ofMillis(30));

        // When
        List<Future<String>> results = new ArrayList<>();
        try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                results.add(callers.submit(() -> hashing.encode("p")));
            }
        }

        // Then
        long busy = results.stream().filter(f -> {
            try {
                f.get();
                return false;
            } catch (Exception e) {
                return e.getCause() instanceof org.helpdesk.common.ServerBusy r && r.retryAfterSeconds() >= 1;
            }
        }).count();
        assertThat(busy).isGreaterThanOrEqualTo(10);
    }

    @Test
    void hashingInsideADatabaseTransactionIsRefused() {
        // Given
        PasswordHashing hashing = new PasswordHashing(new SlowEncoder(), 1, Duration.ofSeconds(1));
        TransactionSynchronizationManager.setActualTransactionActive(true);
        try {
            // Then
            assertThatThrownBy(() -> hashing.encode("p")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("transaction");
        } finally {
            TransactionSynchronizationManager.setActualTransactionActive(false);
        }
    }
}
