package org.helpdesk.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for suspended mail: the mails a guard stopped, kept with their reason and raw bytes until they expire. */
@Repository
class SuspendedMails {
    private static final String COLUMNS = """
            entity_id, id, mailbox_id, received_at, from_address, subject, reason, reason_text, expires_at""";

    private final JdbcClient jdbc;

    SuspendedMails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a stopped mail; {@code raw} is {@code null} when the mail is larger than the operator keeps. */
    void insert(SuspendedMail mail, String mailKey, byte[] raw, long rawSize, Instant createdAt) {
        jdbc.sql("""
                insert into suspended_mails (entity_id, id, mailbox_id, mail_key, received_at, from_address, subject,
                    reason, reason_text, raw_message, raw_size, expires_at, created_at)
                values (:entityId, :id, :mailboxId, :mailKey, :receivedAt, :fromAddress, :subject, :reason,
                    :reasonText, :raw, :rawSize, :expiresAt, :createdAt)""")
                .param("entityId", mail.entityId()).param("id", mail.id()).param("mailboxId", mail.mailboxId())
                .param("mailKey", mailKey).param("receivedAt", Times.sql(mail.receivedAt()))
                .param("fromAddress", mail.fromAddress()).param("subject", mail.subject())
                .param("reason", mail.reason().wire()).param("reasonText", mail.reasonText())
                .param("raw", raw).param("rawSize", rawSize).param("expiresAt", Times.sql(mail.expiresAt()))
                .param("createdAt", Times.sql(createdAt)).update();
    }

    /** A mailbox's suspended mail that has not expired, newest first. */
    List<SuspendedMail> list(UUID entityId, UUID mailboxId, Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from suspended_mails
                where entity_id = :entityId and mailbox_id = :mailboxId and expires_at > :now
                order by received_at desc, id desc fetch first :limit rows only""")
                .param("entityId", entityId).param("mailboxId", mailboxId).param("now", Times.sql(now))
                .param("limit", limit).query(SuspendedMails::map).list();
    }

    Optional<SuspendedMail> find(UUID entityId, UUID mailboxId, UUID id) {
        return jdbc.sql("select " + COLUMNS + """
                 from suspended_mails where entity_id = :entityId and mailbox_id = :mailboxId and id = :id""")
                .param("entityId", entityId).param("mailboxId", mailboxId).param("id", id)
                .query(SuspendedMails::map).optional();
    }

    /** What a release needs: the import key and the bytes (absent bytes: the mail was too large to keep). */
    record Raw(String mailKey, byte[] bytes, long size) {
    }

    /** The entry's import key and bytes, for a release (which then deletes it in its transaction). */
    Optional<Raw> raw(UUID entityId, UUID mailboxId, UUID id) {
        return jdbc.sql("""
                select mail_key, raw_message, raw_size from suspended_mails
                where entity_id = :entityId and mailbox_id = :mailboxId and id = :id""")
                .param("entityId", entityId).param("mailboxId", mailboxId).param("id", id)
                .query((rs, n) -> new Raw(rs.getString("mail_key"), rs.getBytes("raw_message"),
                        rs.getLong("raw_size"))).optional();
    }

    /**
     * Deletes the entry; {@code false} when it was gone already. In a release's transaction this is the lock that
     * makes it exactly once: of two releases at once the second waits on the row and then deletes nothing.
     */
    boolean delete(UUID entityId, UUID mailboxId, UUID id) {
        return jdbc.sql("""
                delete from suspended_mails where entity_id = :entityId and mailbox_id = :mailboxId and id = :id""")
                .param("entityId", entityId).param("mailboxId", mailboxId).param("id", id).update() == 1;
    }

    /** Entries of every entity that expired before {@code now}, a batch at a time (the purge). */
    List<UUID[]> expired(Instant now, int limit) {
        return jdbc.sql("""
                select entity_id, id from suspended_mails where expires_at < :now
                order by expires_at fetch first :limit rows only""")
                .param("now", Times.sql(now)).param("limit", limit)
                .query((rs, n) -> new UUID[] {rs.getObject("entity_id", UUID.class), rs.getObject("id", UUID.class)})
                .list();
    }

    void deleteExpired(UUID entityId, UUID id, Instant now) {
        jdbc.sql("delete from suspended_mails where entity_id = :entityId and id = :id and expires_at < :now")
                .param("entityId", entityId).param("id", id).param("now", Times.sql(now)).update();
    }

    private static SuspendedMail map(ResultSet rs, int n) throws SQLException {
        return new SuspendedMail(rs.getObject("entity_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getObject("mailbox_id", UUID.class), Times.read(rs, "received_at"), rs.getString("from_address"),
                rs.getString("subject"), SuspendedMail.Reason.parse(rs.getString("reason")),
                rs.getString("reason_text"), Times.read(rs, "expires_at"));
    }
}
