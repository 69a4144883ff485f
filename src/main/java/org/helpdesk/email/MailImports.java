package org.helpdesk.email;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the import records of received mails and the Message-IDs of each ticket's mail thread. */
@Repository
class MailImports {
    private final JdbcClient jdbc;

    MailImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether the mail was already taken from this mailbox (a cheap check before the insert decides). */
    boolean seen(UUID entityId, UUID mailboxId, String key) {
        return jdbc.sql("""
                select count(*) from mail_imports
                where entity_id = :entityId and mailbox_id = :mailboxId and mail_key = :key""")
                .param("entityId", entityId).param("mailboxId", mailboxId).param("key", key)
                .query(Long.class).single() > 0;
    }

    /**
     * Records that the mail was taken. In the import's transaction: a second node importing the same mail at the
     * same moment waits on the primary key and then fails, so the mail becomes one ticket or message.
     */
    void record(UUID entityId, UUID mailboxId, String key, String sender, String outcome, Instant at) {
        jdbc.sql("""
                insert into mail_imports (entity_id, mailbox_id, mail_key, sender, outcome, imported_at)
                values (:entityId, :mailboxId, :key, :sender, :outcome, :at)""")
                .param("entityId", entityId).param("mailboxId", mailboxId).param("key", key)
                .param("sender", sender).param("outcome", outcome).param("at", Times.sql(at)).update();
    }

    /**
     * A suspended mail was released: its record says so. Released mails do not count towards the sender's flood
     * limit (an administrator letting 20 held-back mails in must not hold back the sender's next one).
     */
    void released(UUID entityId, UUID mailboxId, String key) {
        jdbc.sql("""
                update mail_imports set outcome = 'released'
                where entity_id = :entityId and mailbox_id = :mailboxId and mail_key = :key""")
                .param("entityId", entityId).param("mailboxId", mailboxId).param("key", key).update();
    }

    /** Mails from this sender imported into the entity since {@code since} (the flood guard). */
    long importedFrom(UUID entityId, String sender, Instant since) {
        return jdbc.sql("""
                select count(*) from mail_imports
                where entity_id = :entityId and sender = :sender and imported_at >= :since and outcome = 'imported'""")
                .param("entityId", entityId).param("sender", sender).param("since", Times.sql(since))
                .query(Long.class).single();
    }

    /** The ticket one of these Message-IDs belongs to, newest reference first. */
    Optional<UUID> ticketOf(UUID entityId, List<String> rfcIds) {
        for (String id : rfcIds) {
            Optional<UUID> ticket = jdbc.sql("""
                    select ticket_id from mail_threads where entity_id = :entityId and rfc_message_id = :id""")
                    .param("entityId", entityId).param("id", id).query(UUID.class).optional();
            if (ticket.isPresent()) {
                return ticket;
            }
        }
        return Optional.empty();
    }

    boolean known(UUID entityId, String rfcId) {
        return jdbc.sql("select count(*) from mail_threads where entity_id = :entityId and rfc_message_id = :id")
                .param("entityId", entityId).param("id", rfcId).query(Long.class).single() > 0;
    }

    void thread(UUID entityId, String rfcId, UUID ticketId, UUID messageId, UUID mailboxId, String direction,
                Instant at) {
        jdbc.sql("""
                insert into mail_threads (entity_id, rfc_message_id, ticket_id, message_id, mailbox_id, direction,
                    created_at)
                values (:entityId, :id, :ticketId, :messageId, :mailboxId, :direction, :at)""")
                .param("entityId", entityId).param("id", rfcId).param("ticketId", ticketId)
                .param("messageId", messageId).param("mailboxId", mailboxId).param("direction", direction)
                .param("at", Times.sql(at)).update();
    }

    /** A ticket's mail thread, oldest first (at most the last 50: References stay a sensible length). */
    List<String> threadOf(UUID entityId, UUID ticketId) {
        List<String> newestFirst = jdbc.sql("""
                select rfc_message_id from mail_threads where entity_id = :entityId and ticket_id = :ticketId
                order by created_at desc, rfc_message_id desc fetch first 50 rows only""")
                .param("entityId", entityId).param("ticketId", ticketId).query(String.class).list();
        return newestFirst.reversed();
    }

    /** The mailbox the ticket's newest incoming mail came through, if it still exists. */
    Optional<UUID> mailboxOf(UUID entityId, UUID ticketId) {
        return jdbc.sql("""
                select t.mailbox_id from mail_threads t
                join mailboxes m on m.entity_id = t.entity_id and m.id = t.mailbox_id and m.enabled
                where t.entity_id = :entityId and t.ticket_id = :ticketId and t.direction = 'in'
                order by t.created_at desc fetch first 1 rows only""")
                .param("entityId", entityId).param("ticketId", ticketId).query(UUID.class).optional();
    }
}
