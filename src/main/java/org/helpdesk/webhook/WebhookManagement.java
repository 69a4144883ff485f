package org.helpdesk.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.helpdesk.common.Cursors;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.Paging;
import org.helpdesk.common.Times;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The webhook use cases (API §12), for an entity's admins; every one is bound to the caller's entity. */
@Service
public class WebhookManagement {
    public static final int MAX_PER_ENTITY = 20;
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    static final Duration ROTATION_OVERLAP = Duration.ofHours(24);

    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;
    private final WebhookEvents events;
    private final WebhookSender sender;
    private final WebhookDispatcher dispatcher;
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookManagement(Webhooks webhooks, WebhookDeliveries deliveries, WebhookEvents events, WebhookSender sender,
                      WebhookDispatcher dispatcher, WebhookSettings settings, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.events = events;
        this.sender = sender;
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.clock = clock;
    }

    /** A webhook with its secret: the answer to create and rotate-secret, the only time the secret is shown. */
    @JsonPropertyOrder({"id", "entityId", "url", "events", "enabled", "description", "disabledReason", "createdAt",
            "secret"})
    public record WithSecret(UUID id, UUID entityId, String url, List<String> events, boolean enabled,
                             String description, String disabledReason, Instant createdAt, String secret) {
        static WithSecret of(Webhook w, String secret) {
            return new WithSecret(w.id(), w.entityId(), w.url(), w.events(), w.enabled(), w.description(),
                    w.disabledReason(), w.createdAt(), secret);
        }
    }

    /** The answer of a test ping: the receiver's status ({@code null} when none), and why it failed. */
    public record TestResult(Integer status, String error) {
    }

    public record DeliveryPage(List<WebhookDelivery> deliveries, String nextCursor) {
    }

    public List<Webhook> list(Caller caller) {
        return webhooks.list(caller.entityId()).stream().map(Webhooks.Stored::webhook).toList();
    }

    public Webhook get(Caller caller, UUID id) {
        return stored(caller, id).webhook();
    }

    @Transactional
    public WithSecret create(Caller caller, NewWebhook command) {
        String url = WebhookUrl.check(command.url(), settings.allowPrivate()).toString();
        if (webhooks.count(caller.entityId()) >= MAX_PER_ENTITY) {
            throw new TooManyWebhooks(MAX_PER_ENTITY);
        }
        Webhook webhook = new Webhook(Ids.newId(), caller.entityId(), url, command.events(), command.enabled(),
                command.description(), null, Times.now(clock));
        String secret = Signatures.newSecret();
        webhooks.insert(new Webhooks.Stored(webhook, secret, null, null, null));
        return WithSecret.of(webhook, secret);
    }

    @Transactional
    public Webhook change(Caller caller, UUID id, WebhookChange change) {
        Webhook current = stored(caller, id).webhook();
        if (change.url() != null && !change.url().equals(current.url())) {
            WebhookUrl.check(change.url(), settings.allowPrivate());
        }
        Webhook updated = change.applyTo(current);
        webhooks.update(updated);
        if (updated.enabled() && !current.enabled()) {
            webhooks.clearFailing(caller.entityId(), id);
        }
        return updated;
    }

    @Transactional
    public void delete(Caller caller, UUID id) {
        if (!webhooks.delete(caller.entityId(), id)) {
            throw new WebhookNotFound("webhook");
        }
    }

    /** A new secret; the old one keeps signing (as a second signature) for 24 hours. */
    @Transactional
    public WithSecret rotateSecret(Caller caller, UUID id) {
        Webhooks.Stored current = stored(caller, id);
        String secret = Signatures.newSecret();
        webhooks.rotate(caller.entityId(), id, secret, current.secret(), Times.now(clock).plus(ROTATION_OVERLAP));
        return WithSecret.of(current.webhook(), secret);
    }

    /** Sends a {@code ping} now, signed as every delivery is; it is not recorded in the delivery log. */
    public TestResult test(Caller caller, UUID id) {
        Webhooks.Stored webhook = stored(caller, id);
        Instant now = Times.now(clock);
        UUID eventId = Ids.newId();
        String body = events.envelope(eventId, EventTypes.PING, now, caller.entityId(),
                Map.of("webhookId", id));
        long timestamp = now.getEpochSecond();
        WebhookSender.Outcome outcome = sender.send(webhook.webhook().url(), eventId.toString(), timestamp,
                Signatures.header(webhook.signingSecrets(now), eventId.toString(), timestamp, body), body);
        return new TestResult(outcome.status(), outcome.delivered() ? null : outcome.error());
    }

    /** The webhook's delivery log, newest first. */
    @Transactional(readOnly = true)
    public DeliveryPage deliveries(Caller caller, UUID id, int limit, String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput(Paging.tooMany(MAX_LIMIT));
        }
        Instant beforeAt = null;
        UUID beforeId = null;
        if (cursor != null) {
            String[] parts = decode(cursor);
            beforeAt = Instant.ofEpochMilli(Long.parseLong(parts[0]));
            beforeId = UUID.fromString(parts[1]);
        }
        stored(caller, id);
        List<WebhookDelivery> rows = deliveries.page(caller.entityId(), id, beforeAt, beforeId, limit + 1);
        if (rows.size() <= limit) {
            return new DeliveryPage(rows, null);
        }
        List<WebhookDelivery> page = List.copyOf(rows.subList(0, limit));
        WebhookDelivery last = page.getLast();
        return new DeliveryPage(page, encode(last.createdAt().toEpochMilli() + ":" + last.id()));
    }

    /** Sends a delivery's event again, as a new delivery (same event id and body). */
    @Transactional
    public WebhookDelivery redeliver(Caller caller, UUID id, UUID deliveryId) {
        stored(caller, id);
        WebhookDelivery original = deliveries.find(caller.entityId(), id, deliveryId)
                .orElseThrow(() -> new WebhookNotFound("delivery of this webhook"));
        UUID newId = Ids.newId();
        deliveries.insert(caller.entityId(), newId, id, original.eventId(), original.eventType(), Times.now(clock));
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        dispatcher.wakeUp();
                    }
                });
        return deliveries.find(caller.entityId(), id, newId).orElseThrow();
    }

    private Webhooks.Stored stored(Caller caller, UUID id) {
        return webhooks.find(caller.entityId(), id).orElseThrow(() -> new WebhookNotFound("webhook"));
    }

    private static String encode(String text) {
        return Cursors.wrap(text);
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = Cursors.unwrap(cursor).split(":", 2);
            Long.parseLong(parts[0]);
            UUID.fromString(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw new InvalidInput(Cursors.INVALID);
        }
    }
}
