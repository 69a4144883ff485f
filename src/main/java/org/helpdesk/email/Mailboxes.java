package org.helpdesk.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for mailboxes and their polling claims. */
@Repository
class Mailboxes {
    private static final String COLUMNS = """
            entity_id, id, name, address, imap_host, imap_port, imap_security, imap_username, imap_password,
            smtp_host, smtp_port, smtp_security, smtp_username, smtp_password, poll_seconds, enabled,
            last_polled_at, last_error, created_at""";

    private final JdbcClient jdbc;

    Mailboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Mailbox> list(UUID entityId) {
        return jdbc.sql("select " + COLUMNS + " from mailboxes where entity_id = :entityId order by created_at, id")
                .param("entityId", entityId).query(Mailboxes::map).list();
    }

    Optional<Mailbox> find(UUID entityId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from mailboxes where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query(Mailboxes::map).optional();
    }

    /** The mailbox replies of the entity go out through when a ticket names none: its oldest enabled one. */
    Optional<Mailbox> firstEnabled(UUID entityId) {
        return jdbc.sql("select " + COLUMNS + """
                 from mailboxes where entity_id = :entityId and enabled order by created_at, id
                fetch first 1 rows only""")
                .param("entityId", entityId).query(Mailboxes::map).optional();
    }

    long count(UUID entityId) {
        return jdbc.sql("select count(*) from mailboxes where entity_id = :entityId")
                .param("entityId", entityId).query(Long.class).single();
    }

    boolean anyEnabled(UUID entityId) {
        return jdbc.sql("select count(*) from mailboxes where entity_id = :entityId and enabled")
                .param("entityId", entityId).query(Long.class).single() > 0;
    }

    /** Whether the address is a support address of any entity: mail from it would be a loop. */
    boolean isSupportAddress(String address) {
        return jdbc.sql("select count(*) from mailboxes where address_key = :key")
                .param("key", address.toLowerCase(Locale.ROOT)).query(Long.class).single() > 0;
    }

    boolean addressTaken(String address, UUID exceptId) {
        return jdbc.sql("select count(*) from mailboxes where address_key = :key and id <> :id")
                .param("key", address.toLowerCase(Locale.ROOT)).param("id", exceptId)
                .query(Long.class).single() > 0;
    }

    void insert(Mailbox m) {
        jdbc.sql("""
                insert into mailboxes (entity_id, id, name, address, address_key, imap_host, imap_port, imap_security,
                    imap_username, imap_password, smtp_host, smtp_port, smtp_security, smtp_username, smtp_password,
                    poll_seconds, enabled, next_poll_at, created_at)
                values (:entityId, :id, :name, :address, :addressKey, :imapHost, :imapPort, :imapSecurity,
                    :imapUsername, :imapPassword, :smtpHost, :smtpPort, :smtpSecurity, :smtpUsername, :smtpPassword,
                    :pollSeconds, :enabled, :createdAt, :createdAt)""")
                .params(values(m)).param("createdAt", Times.sql(m.createdAt())).update();
    }

    /** Settings changed: the next poll is due at once, so a corrected password shows its effect quickly. */
    void update(Mailbox m, Instant now) {
        jdbc.sql("""
                update mailboxes set name = :name, address = :address, address_key = :addressKey,
                    imap_host = :imapHost, imap_port = :imapPort, imap_security = :imapSecurity,
                    imap_username = :imapUsername, imap_password = :imapPassword, smtp_host = :smtpHost,
                    smtp_port = :smtpPort, smtp_security = :smtpSecurity, smtp_username = :smtpUsername,
                    smtp_password = :smtpPassword, poll_seconds = :pollSeconds, enabled = :enabled,
                    next_poll_at = :now, poll_failures = 0
                where entity_id = :entityId and id = :id""")
                .params(values(m)).param("now", Times.sql(now)).update();
    }

    /** Removes the mailbox and (foreign key cascade) its import records; tickets and mail threads stay. */
    boolean delete(UUID entityId, UUID id) {
        return jdbc.sql("delete from mailboxes where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).update() == 1;
    }

    /** Enabled mailboxes whose poll is due and not claimed by a live node; claim them with {@link #claim}. */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("""
                select entity_id, id from mailboxes
                where next_poll_at <= :now and enabled and (lease_until is null or lease_until < :now)
                order by next_poll_at fetch first :limit rows only""")
                .param("now", Times.sql(now)).param("limit", limit)
                .query((rs, n) -> new Due(rs.getObject("entity_id", UUID.class), rs.getObject("id", UUID.class)))
                .list();
    }

    record Due(UUID entityId, UUID id) {
    }

    /**
     * Claims a mailbox's poll for this node until {@code until}: a compare-and-set on the lease, so of two nodes
     * that try at once exactly one gets it, and a dead node's claim expires by itself.
     */
    boolean claim(UUID entityId, UUID id, String owner, Instant now, Instant until) {
        return jdbc.sql("""
                update mailboxes set lease_owner = :owner, lease_until = :until
                where entity_id = :entityId and id = :id and enabled and (lease_until is null or lease_until < :now)""")
                .param("owner", owner).param("until", Times.sql(until)).param("now", Times.sql(now))
                .param("entityId", entityId).param("id", id).update() == 1;
    }

    void renew(UUID entityId, UUID id, String owner, Instant until) {
        jdbc.sql("update mailboxes set lease_until = :until where entity_id = :entityId and id = :id and lease_owner = :owner")
                .param("until", Times.sql(until)).param("entityId", entityId).param("id", id).param("owner", owner)
                .update();
    }

    /** Polls of the mailbox that failed in a row (0 after a good one). */
    int pollFailures(UUID entityId, UUID id) {
        return jdbc.sql("select poll_failures from mailboxes where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query(Integer.class).optional().orElse(0);
    }

    /** Ends this node's claim and records the poll's outcome ({@code error} null when it went well). */
    void release(UUID entityId, UUID id, String owner, Instant polledAt, Instant nextPollAt, String error) {
        jdbc.sql("""
                update mailboxes set lease_owner = null, lease_until = null, last_polled_at = :polledAt,
                    last_error = :error, next_poll_at = :next,
                    poll_failures = case when :failed then poll_failures + 1 else 0 end
                where entity_id = :entityId and id = :id and lease_owner = :owner""")
                .param("polledAt", Times.sql(polledAt)).param("error", error).param("next", Times.sql(nextPollAt))
                .param("failed", error != null)
                .param("entityId", entityId).param("id", id).param("owner", owner).update();
    }

    private static java.util.Map<String, Object> values(Mailbox m) {
        var v = new java.util.HashMap<String, Object>();
        v.put("entityId", m.entityId());
        v.put("id", m.id());
        v.put("name", m.name());
        v.put("address", m.address());
        v.put("addressKey", m.address().toLowerCase(Locale.ROOT));
        v.put("imapHost", m.imap().host());
        v.put("imapPort", m.imap().port());
        v.put("imapSecurity", m.imap().security().wire());
        v.put("imapUsername", m.imap().username());
        v.put("imapPassword", m.imap().sealedPassword());
        v.put("smtpHost", m.smtp().host());
        v.put("smtpPort", m.smtp().port());
        v.put("smtpSecurity", m.smtp().security().wire());
        v.put("smtpUsername", m.smtp().username());
        v.put("smtpPassword", m.smtp().sealedPassword());
        v.put("pollSeconds", m.pollSeconds());
        v.put("enabled", m.enabled());
        return v;
    }

    private static Mailbox map(ResultSet rs, int n) throws SQLException {
        return new Mailbox(rs.getObject("entity_id", UUID.class), rs.getObject("id", UUID.class),
                rs.getString("name"), rs.getString("address"),
                new Mailbox.Server(rs.getString("imap_host"), rs.getInt("imap_port"),
                        Security.parse(rs.getString("imap_security"), "imapSecurity"), rs.getString("imap_username"),
                        rs.getString("imap_password")),
                new Mailbox.Server(rs.getString("smtp_host"), rs.getInt("smtp_port"),
                        Security.parse(rs.getString("smtp_security"), "smtpSecurity"), rs.getString("smtp_username"),
                        rs.getString("smtp_password")),
                rs.getInt("poll_seconds"), rs.getBoolean("enabled"), Times.read(rs, "last_polled_at"),
                rs.getString("last_error"), Times.read(rs, "created_at"));
    }
}
