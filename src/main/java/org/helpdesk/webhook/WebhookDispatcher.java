package org.helpdesk.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.helpdesk.common.Databases;
import org.helpdesk.common.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due deliveries, from any node. A node claims a webhook (a lease on its row, taken with
 * {@code FOR UPDATE SKIP LOCKED} on PostgreSQL and a compare-and-set everywhere), so each receiver gets one
 * worker at a time across all nodes, in order; at most {@code max-concurrent} webhooks are served by one node at
 * once, each on its own virtual thread, so a slow receiver only delays itself. A delivery's state is written
 * after its attempt: a node that dies mid-attempt leaves it pending and its lease runs out, so another node sends
 * it again (at least once; receivers deduplicate on {@code webhook-id}).
 */
@Component
class WebhookDispatcher implements DisposableBean, SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;
    private static final int CLEANUP_BATCH = 500;

    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final TransactionTemplate tx;
    private final DataSource dataSource;
    private final Clock clock;
    private final String node = "node-" + UUID.randomUUID();
    private final Semaphore slots;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile Boolean postgres;
    private volatile Boolean lockWhileScanning;
    private volatile boolean stopping;

    WebhookDispatcher(Webhooks webhooks, WebhookDeliveries deliveries, WebhookSender sender, WebhookSettings settings,
                      TransactionTemplate tx, DataSource dataSource, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.sender = sender;
        this.settings = settings;
        this.tx = tx;
        this.dataSource = dataSource;
        this.clock = clock;
        this.slots = new Semaphore(settings.maxConcurrent());
    }

    /** New deliveries were committed: look now rather than at the next tick. */
    void wakeUp() {
        if (settings.enabled() && !stopping && wakeQueued.compareAndSet(false, true)) {
            Thread.ofVirtual().name("webhook-wake").start(() -> {
                wakeQueued.set(false);
                dispatch();
            });
        }
    }

    /** Every {@code helpdesk.webhooks.tick}, read from the validated settings. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(new FixedDelayTask(this::tick, settings.tick(), settings.tick()));
    }

    void tick() {
        if (settings.enabled()) {
            dispatch();
        }
    }

    /** Claims webhooks with due deliveries, as many as there are free workers, and starts a worker on each. */
    synchronized void dispatch() {
        if (stopping) {
            return;
        }
        int free = slots.availablePermits();
        if (free == 0) {
            return;
        }
        try {
            Instant now = Times.now(clock);
            Instant until = now.plus(settings.lease());
            List<UUID[]> claimed = tx.execute(status -> {
                List<UUID[]> mine = new ArrayList<>();
                for (UUID[] candidate : webhooks.claimable(now, free, lockWhileScanning())) {
                    if (webhooks.claim(candidate[0], candidate[1], node, now, until)) {
                        mine.add(candidate);
                    }
                }
                return mine;
            });
            for (UUID[] webhook : claimed) {
                if (!slots.tryAcquire()) {
                    webhooks.release(webhook[0], webhook[1], node);
                    continue;
                }
                Thread.ofVirtual().name("webhook-" + webhook[1]).start(() -> work(webhook[0], webhook[1]));
            }
        } catch (RuntimeException e) {
            log.warn("Looking for due webhook deliveries failed; trying again at the next tick: {}", e.toString());
        }
    }

    /** Sends the webhook's due deliveries, oldest first, while this node holds its lease. */
    private void work(UUID entityId, UUID webhookId) {
        Instant started = Times.now(clock);
        Instant leaseUntil = null;
        try {
            while (!stopping) {
                Instant now = Times.now(clock);
                Webhooks.Stored webhook = webhooks.find(entityId, webhookId).orElse(null);
                if (webhook == null || !webhook.webhook().enabled()) {
                    return;
                }
                List<WebhookDeliveries.Due> due = deliveries.due(entityId, webhookId, now, BATCH);
                if (due.isEmpty()) {
                    return;
                }
                for (WebhookDeliveries.Due delivery : due) {
                    Instant at = Times.now(clock);
                    if (stopping) {
                        return;
                    }
                    // the lease is renewed when half of it is gone, not before every attempt (a write each)
                    if (leaseUntil == null || at.isAfter(leaseUntil.minus(settings.lease().dividedBy(2)))) {
                        if (!webhooks.claim(entityId, webhookId, node, at, at.plus(settings.lease()))) {
                            return; // the lease was lost: another node carries on
                        }
                        leaseUntil = at.plus(settings.lease());
                    }
                    if (!attempt(webhook, delivery)) {
                        return; // disabled
                    }
                }
                // a busy webhook gives its turn back now and then, so other nodes share the work
                if (Duration.between(started, Times.now(clock)).compareTo(settings.lease().dividedBy(2)) > 0) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Delivering to webhook {} failed unexpectedly; retrying at the next tick", webhookId, e);
        } finally {
            try {
                webhooks.release(entityId, webhookId, node);
            } catch (RuntimeException e) {
                log.debug("Releasing webhook {} failed; its lease runs out by itself", webhookId, e);
            }
            slots.release();
        }
    }

    /** One attempt and its bookkeeping; {@code false} when the webhook was disabled by it. */
    private boolean attempt(Webhooks.Stored webhook, WebhookDeliveries.Due delivery) {
        Instant now = Times.now(clock);
        long timestamp = now.getEpochSecond();
        String id = delivery.eventId().toString();
        String signature = Signatures.header(webhook.signingSecrets(now), id, timestamp, delivery.payload());
        WebhookSender.Outcome outcome = sender.send(webhook.webhook().url(), id, timestamp, signature,
                delivery.payload());
        Instant after = Times.now(clock);
        UUID entityId = delivery.entityId();
        UUID webhookId = delivery.webhookId();
        if (outcome.delivered()) {
            tx.executeWithoutResult(status -> {
                deliveries.delivered(entityId, delivery.id(), outcome.status(), after);
                if (webhook.failingSince() != null) {
                    webhooks.clearFailing(entityId, webhookId);
                }
            });
            return true;
        }
        return Boolean.TRUE.equals(tx.execute(status -> {
            int attemptNo = delivery.attempts() + 1;
            List<Duration> waits = settings.waits();
            if (outcome.retryable() && attemptNo <= waits.size()) {
                Duration wait = waits.get(attemptNo - 1);
                if (outcome.retryAfter() != null && outcome.retryAfter().compareTo(wait) > 0) {
                    wait = outcome.retryAfter();
                }
                deliveries.retryLater(entityId, delivery.id(), outcome.status(), outcome.error(), after.plus(wait));
            } else {
                String error = outcome.retryable()
                        ? outcome.error() + " (gave up after " + attemptNo + " attempts)" : outcome.error();
                deliveries.failed(entityId, delivery.id(), outcome.status(), error);
            }
            Instant failingSince = webhooks.failing(entityId, webhookId, after);
            if (!failingSince.isAfter(after.minus(settings.disableAfter()))) {
                String reason = "Disabled at " + after + ": every delivery has failed since " + failingSince
                        + " (last: " + outcome.error() + "). Fix the receiver, then enable the webhook again.";
                if (webhooks.disable(entityId, webhookId, cut(reason))) {
                    deliveries.failPending(entityId, webhookId, "the webhook was disabled after failing for too long");
                    log.warn("Webhook {} of entity {} disabled: {}", webhookId, entityId, reason);
                }
                return false;
            }
            return true;
        }));
    }

    /** Delivery log rows (and their events) older than the retention are removed, a batch at a time. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void removeOld() {
        Instant before = Times.now(clock).minus(settings.retention());
        for (int batch = 0; batch < 200 && !stopping; batch++) {
            List<UUID[]> old = deliveries.expiredEvents(before, CLEANUP_BATCH);
            if (old.isEmpty()) {
                return;
            }
            tx.executeWithoutResult(status -> old.forEach(e -> deliveries.deleteEvent(e[0], e[1])));
        }
    }

    /** SKIP LOCKED on PostgreSQL; not on Citus, where the scan spans shards (the claim's compare-and-set decides). */
    private boolean lockWhileScanning() {
        if (lockWhileScanning == null) {
            lockWhileScanning = isPostgres() && !Databases.isCitus(dataSource);
        }
        return lockWhileScanning;
    }

    private boolean isPostgres() {
        if (postgres == null) {
            postgres = Databases.isPostgres(dataSource);
        }
        return postgres;
    }

    private static String cut(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    @Override
    public void destroy() {
        stopping = true;
    }
}
