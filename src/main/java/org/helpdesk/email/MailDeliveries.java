package org.helpdesk.email;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for outgoing mails. One row per agent message (the primary key), so an event delivered twice queues one
 * mail; a send is claimed with a lease (compare-and-set) so two nodes never send the same mail at once.
 */
@Repository
class MailDeliveries {
    private final JdbcClient jdbc;

    MailDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Delivery(UUID entityId, UUID messageId, UUID ticketId, String status, int attempts) {
    }

    /** Queues the message's mail unless it is queued already; {@code true} when this call queued it. */
    boolean enqueue(UUID entityId, UUID messageId, UUID ticketId, Instant now) {
        return jdbc.sql("""
                insert into mail_deliveries (entity_id, message_id, ticket_id, status, attempts, next_attempt_at,
                    created_at)
                select :entityId, :messageId, :ticketId, 'pending', 0, :now, :now
                where not exists (select 1 from mail_deliveries where entity_id = :entityId and message_id = :messageId)""")
                .param("entityId", entityId).param("messageId", messageId).param("ticketId", ticketId)
                .param("now", Times.sql(now)).update() == 1;
    }

    /** Claims a pending, due send for this node until {@code until}; empty when it is not to be sent now. */
    Optional<Delivery> claim(UUID entityId, UUID messageId, Instant now, Instant until) {
        int claimed = jdbc.sql("""
                update mail_deliveries set lease_until = :until, attempts = attempts + 1
                where entity_id = :entityId and message_id = :messageId and status = 'pending'
                  and next_attempt_at <= :now and (lease_until is null or lease_until < :now)""")
                .param("until", Times.sql(until)).param("now", Times.sql(now)).param("entityId", entityId)
                .param("messageId", messageId).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select entity_id, message_id, ticket_id, status, attempts from mail_deliveries
                where entity_id = :entityId and message_id = :messageId""")
                .param("entityId", entityId).param("messageId", messageId)
                .query((rs, n) -> new Delivery(rs.getObject("entity_id", UUID.class),
                        rs.getObject("message_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                        rs.getString("status"), rs.getInt("attempts")))
                .optional();
    }

    /** Pending sends whose next attempt is due (retries, and sends a crashed node left behind). */
    List<Delivery> due(Instant now, int limit) {
        return jdbc.sql("""
                select entity_id, message_id, ticket_id, status, attempts from mail_deliveries
                where status = 'pending' and next_attempt_at <= :now and (lease_until is null or lease_until < :now)
                order by next_attempt_at fetch first :limit rows only""")
                .param("now", Times.sql(now)).param("limit", limit)
                .query((rs, n) -> new Delivery(rs.getObject("entity_id", UUID.class),
                        rs.getObject("message_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                        rs.getString("status"), rs.getInt("attempts")))
                .list();
    }

    void sent(UUID entityId, UUID messageId, Instant at) {
        jdbc.sql("""
                update mail_deliveries set status = 'sent', sent_at = :at, lease_until = null, last_error = null
                where entity_id = :entityId and message_id = :messageId""")
                .param("at", Times.sql(at)).param("entityId", entityId).param("messageId", messageId).update();
    }

    void retryLater(UUID entityId, UUID messageId, Instant next, String error) {
        jdbc.sql("""
                update mail_deliveries set next_attempt_at = :next, lease_until = null, last_error = :error
                where entity_id = :entityId and message_id = :messageId""")
                .param("next", Times.sql(next)).param("error", error).param("entityId", entityId)
                .param("messageId", messageId).update();
    }

    void failed(UUID entityId, UUID messageId, String error) {
        jdbc.sql("""
                update mail_deliveries set status = 'failed', lease_until = null, last_error = :error
                where entity_id = :entityId and message_id = :messageId""")
                .param("error", error).param("entityId", entityId).param("messageId", messageId).update();
    }
}
