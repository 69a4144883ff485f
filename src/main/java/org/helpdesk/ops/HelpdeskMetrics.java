package org.helpdesk.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.helpdesk.common.WireEnum;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The domain counters (Prometheus names in brackets): tickets created {@code helpdesk_tickets_total}
 * by author type (who opened it: agent, contact, system), messages added {@code helpdesk_messages_total} by author type, authentication failures
 * {@code helpdesk_auth_failures_total} by method, logins throttled {@code helpdesk_logins_throttled_total},
 * requests refused by a rate limit {@code helpdesk_requests_rate_limited_total}. Tag values come from closed
 * sets (enums, route templates), never from input. (Not {@code tickets_created}: Prometheus reserves the
 * {@code _created} suffix and drops it.)
 */
@Component
class HelpdeskMetrics {
    private final MeterRegistry registry;
    private final Counter loginsThrottled;
    private final Counter rateLimited;

    HelpdeskMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.loginsThrottled = Counter.builder("helpdesk.logins.throttled")
                .description("Login attempts refused with 429 by the brute-force limits").register(registry);
        this.rateLimited = Counter.builder("helpdesk.requests.rate.limited")
                .description("Requests refused with 429 by a rate limit (other than login)").register(registry);
        // present (at 0) from the start, so dashboards and alerts see the series before the first event
        authFailures("password");
        authFailures("api_key");
    }

    /** Counted when the creating transaction commits: a rolled-back create never happened. */
    void ticketCreated(@Nullable Enum<?> authorType) {
        Counter counter = Counter.builder("helpdesk.tickets").description("Tickets created")
                .tag("author_type", authorType == null ? "none" : WireEnum.wire(authorType)).register(registry);
        afterCommit(counter::increment);
    }

    /** Counted when the transaction that adds the message commits. */
    void messageAdded(@Nullable Enum<?> authorType) {
        Counter counter = Counter.builder("helpdesk.messages").description("Messages added to tickets")
                .tag("author_type", authorType == null ? "none" : WireEnum.wire(authorType)).register(registry);
        afterCommit(counter::increment);
    }

    private static void afterCommit(Runnable count) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }

    void authenticationFailed(String method) {
        authFailures(method).increment();
    }

    void loginThrottled() {
        loginsThrottled.increment();
    }

    void rateLimited() {
        rateLimited.increment();
    }

    private Counter authFailures(String method) {
        return Counter.builder("helpdesk.auth.failures")
                .description("Refused credentials: a wrong password or an unknown, expired or revoked API key")
                .tag("method", method).register(registry);
    }
}
