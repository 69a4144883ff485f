package org.helpdesk.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.helpdesk.common.Databases;
import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for recorded events and their deliveries (one per event and webhook). */
@Repository
class WebhookDeliveries {
    private final JdbcClient jdbc;
    private final boolean postgres;

    WebhookDeliveries(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** A delivery to attempt, with the body to send. */
    record Due(UUID entityId, UUID id, UUID webhookId, UUID eventId, String eventType, int attempts, String payload) {
    }

    void insertEvent(UUID entityId, UUID id, String type, String payload, Instant createdAt) {
        jdbc.sql("""
                insert into webhook_events (entity_id, id, type, payload, created_at)
                values (:entityId, :id, :type, :payload, :createdAt)""")
                .param("entityId", entityId).param("id", id).param("type", type).param("payload", payload)
                .param("createdAt", Times.sql(createdAt)).update();
    }

    void insert(UUID entityId, UUID id, UUID webhookId, UUID eventId, String eventType, Instant now) {
        jdbc.sql("""
                insert into webhook_deliveries (entity_id, id, webhook_id, event_id, event_type, status, attempts,
                    next_attempt_at, created_at)
                values (:entityId, :id, :webhookId, :eventId, :eventType, 'pending', 0, :now, :now)""")
                .param("entityId", entityId).param("id", id).param("webhookId", webhookId).param("eventId", eventId)
                .param("eventType", eventType).param("now", Times.sql(now)).update();
    }

    /** A page of a webhook's log, newest first, after the (createdAt, id) of the previous page's last row. */
    List<WebhookDelivery> page(UUID entityId, UUID webhookId, Instant beforeAt, UUID beforeId, int limit) {
        if (beforeAt == null) {
            return jdbc.sql("""
                    select id, event_id, event_type, status, attempts, last_status_code, last_error, next_attempt_at,
                        created_at, delivered_at
                    from webhook_deliveries where entity_id = :entityId and webhook_id = :webhookId
                    order by created_at desc, id desc fetch first :limit rows only""")
                    .param("entityId", entityId).param("webhookId", webhookId).param("limit", limit)
                    .query(WebhookDeliveries::row).list();
        }
        return jdbc.sql("""
                select id, event_id, event_type, status, attempts, last_status_code, last_error, next_attempt_at,
                    created_at, delivered_at
                from webhook_deliveries where entity_id = :entityId and webhook_id = :webhookId
                  and (created_at < :beforeAt or (created_at = :beforeAt and id < :beforeId))
                order by created_at desc, id desc fetch first :limit rows only""")
                .param("entityId", entityId).param("webhookId", webhookId).param("limit", limit)
                .param("beforeAt", Times.sql(beforeAt)).param("beforeId", beforeId)
                .query(WebhookDeliveries::row).list();
    }

    Optional<WebhookDelivery> find(UUID entityId, UUID webhookId, UUID id) {
        return jdbc.sql("""
                select id, event_id, event_type, status, attempts, last_status_code, last_error, next_attempt_at,
                    created_at, delivered_at
                from webhook_deliveries where entity_id = :entityId and webhook_id = :webhookId and id = :id""")
                .param("entityId", entityId).param("webhookId", webhookId).param("id", id)
                .query(WebhookDeliveries::row).optional();
    }

    /** The webhook's due deliveries, oldest first. */
    List<Due> due(UUID entityId, UUID webhookId, Instant now, int limit) {
        return jdbc.sql("""
                select d.entity_id, d.id, d.webhook_id, d.event_id, d.event_type, d.attempts, e.payload
                from webhook_deliveries d
                join webhook_events e on e.entity_id = d.entity_id and e.id = d.event_id
                where d.entity_id = :entityId and d.webhook_id = :webhookId and d.status = 'pending'
                  and d.next_attempt_at <= :now
                order by d.next_attempt_at, d.created_at, d.id fetch first :limit rows only""")
                .param("entityId", entityId).param("webhookId", webhookId).param("now", Times.sql(now))
                .param("limit", limit)
                .query((rs, n) -> new Due(rs.getObject("entity_id", UUID.class), rs.getObject("id", UUID.class),
                        rs.getObject("webhook_id", UUID.class), rs.getObject("event_id", UUID.class),
                        rs.getString("event_type"), rs.getInt("attempts"), rs.getString("payload")))
                .list();
    }

    /**
     * Marks a delivery done. Its transaction does not wait for the WAL flush (PostgreSQL): a crash right after may
     * forget the mark, and the delivery is then sent again, which at-least-once delivery allows (receivers
     * deduplicate on webhook-id); it can never lose one.
     */
    void delivered(UUID entityId, UUID id, int statusCode, Instant at) {
        if (postgres) {
            jdbc.sql("set local synchronous_commit = off").update();
        }
        jdbc.sql("""
                update webhook_deliveries set status = 'delivered', attempts = attempts + 1,
                    last_status_code = :code, last_error = null, next_attempt_at = null, delivered_at = :at
                where entity_id = :entityId and id = :id and status = 'pending'""")
                .param("code", statusCode).param("at", Times.sql(at)).param("entityId", entityId).param("id", id)
                .update();
    }

    void retryLater(UUID entityId, UUID id, Integer statusCode, String error, Instant next) {
        jdbc.sql("""
                update webhook_deliveries set attempts = attempts + 1, last_status_code = :code, last_error = :error,
                    next_attempt_at = :next
                where entity_id = :entityId and id = :id and status = 'pending'""")
                .param("code", statusCode).param("error", cut(error)).param("next", Times.sql(next))
                .param("entityId", entityId).param("id", id).update();
    }

    void failed(UUID entityId, UUID id, Integer statusCode, String error) {
        jdbc.sql("""
                update webhook_deliveries set status = 'failed', attempts = attempts + 1, last_status_code = :code,
                    last_error = :error, next_attempt_at = null
                where entity_id = :entityId and id = :id and status = 'pending'""")
                .param("code", statusCode).param("error", cut(error)).param("entityId", entityId).param("id", id)
                .update();
    }

    /** A disabled webhook's waiting deliveries end as failed. */
    void failPending(UUID entityId, UUID webhookId, String error) {
        jdbc.sql("""
                update webhook_deliveries set status = 'failed', last_error = :error, next_attempt_at = null
                where entity_id = :entityId and webhook_id = :webhookId and status = 'pending'""")
                .param("error", cut(error)).param("entityId", entityId).param("webhookId", webhookId).update();
    }

    /** Events (with their deliveries, by the foreign key's cascade) older than {@code before}, a batch at a time. */
    List<UUID[]> expiredEvents(Instant before, int limit) {
        return jdbc.sql("""
                select entity_id, id from webhook_events where created_at < :before
                order by created_at fetch first :limit rows only""")
                .param("before", Times.sql(before)).param("limit", limit)
                .query((rs, n) -> new UUID[] {rs.getObject("entity_id", UUID.class), rs.getObject("id", UUID.class)})
                .list();
    }

    void deleteEvent(UUID entityId, UUID id) {
        jdbc.sql("delete from webhook_events where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).update();
    }

    private static String cut(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 999) + "…";
    }

    private static WebhookDelivery row(ResultSet rs, int n) throws SQLException {
        int code = rs.getInt("last_status_code");
        Integer statusCode = rs.wasNull() ? null : code;
        return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getObject("event_id", UUID.class),
                rs.getString("event_type"), rs.getString("status"), rs.getInt("attempts"), statusCode,
                rs.getString("last_error"), Times.read(rs, "next_attempt_at"), Times.read(rs, "created_at"),
                Times.read(rs, "delivered_at"));
    }
}
