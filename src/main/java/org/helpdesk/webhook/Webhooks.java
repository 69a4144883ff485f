package org.helpdesk.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the webhooks table: subscriptions, their secrets, and the per-webhook delivery claim. */
@Repository
class Webhooks {
    private static final String COLUMNS = """
            entity_id, id, url, events, enabled, description, disabled_reason, secret, previous_secret,
            previous_secret_until, failing_since, created_at""";

    private final JdbcClient jdbc;

    Webhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A webhook with what only the server sees. */
    record Stored(Webhook webhook, String secret, String previousSecret, Instant previousSecretUntil,
                  Instant failingSince) {

        /** The secrets that sign now: the current one, and the previous one during a rotation. */
        List<String> signingSecrets(Instant now) {
            return previousSecret != null && previousSecretUntil != null && previousSecretUntil.isAfter(now)
                    ? List.of(secret, previousSecret) : List.of(secret);
        }
    }

    void insert(Stored stored) {
        Webhook w = stored.webhook();
        jdbc.sql("""
                insert into webhooks (entity_id, id, url, events, enabled, description, disabled_reason, secret,
                    created_at)
                values (:entityId, :id, :url, :events, :enabled, :description, null, :secret, :createdAt)""")
                .param("entityId", w.entityId()).param("id", w.id()).param("url", w.url())
                .param("events", String.join(",", w.events())).param("enabled", w.enabled())
                .param("description", w.description()).param("secret", stored.secret())
                .param("createdAt", Times.sql(w.createdAt())).update();
    }

    int count(UUID entityId) {
        return jdbc.sql("select count(*) from webhooks where entity_id = :entityId")
                .param("entityId", entityId).query(Integer.class).single();
    }

    List<Stored> list(UUID entityId) {
        return jdbc.sql("select " + COLUMNS + " from webhooks where entity_id = :entityId order by created_at, id")
                .param("entityId", entityId).query(Webhooks::row).list();
    }

    /** The enabled webhooks of an entity (an event is recorded for those that want it). */
    List<Stored> enabled(UUID entityId) {
        return jdbc.sql("select " + COLUMNS + " from webhooks where entity_id = :entityId and enabled = true")
                .param("entityId", entityId).query(Webhooks::row).list();
    }

    Optional<Stored> find(UUID entityId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhooks where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query(Webhooks::row).optional();
    }

    void update(Webhook w) {
        jdbc.sql("""
                update webhooks set url = :url, events = :events, enabled = :enabled, description = :description,
                    disabled_reason = :disabledReason
                where entity_id = :entityId and id = :id""")
                .param("url", w.url()).param("events", String.join(",", w.events())).param("enabled", w.enabled())
                .param("description", w.description()).param("disabledReason", w.disabledReason())
                .param("entityId", w.entityId()).param("id", w.id()).update();
    }

    /** Re-enabling starts the failure clock afresh. */
    void clearFailing(UUID entityId, UUID id) {
        jdbc.sql("update webhooks set failing_since = null where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).update();
    }

    boolean delete(UUID entityId, UUID id) {
        return jdbc.sql("delete from webhooks where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).update() == 1;
    }

    void rotate(UUID entityId, UUID id, String secret, String previous, Instant previousUntil) {
        jdbc.sql("""
                update webhooks set secret = :secret, previous_secret = :previous, previous_secret_until = :until
                where entity_id = :entityId and id = :id""")
                .param("secret", secret).param("previous", previous).param("until", Times.sql(previousUntil))
                .param("entityId", entityId).param("id", id).update();
    }

    // Delivery bookkeeping.

    /** An attempt failed: the failure clock starts unless it runs already; returns when it started. */
    Instant failing(UUID entityId, UUID id, Instant now) {
        jdbc.sql("""
                update webhooks set failing_since = coalesce(failing_since, :now)
                where entity_id = :entityId and id = :id""")
                .param("now", Times.sql(now)).param("entityId", entityId).param("id", id).update();
        return jdbc.sql("select failing_since from webhooks where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query((rs, n) -> Times.read(rs, "failing_since"))
                .optional().orElse(now);
    }

    /** Switches a webhook off for good; {@code true} when this call did. */
    boolean disable(UUID entityId, UUID id, String reason) {
        return jdbc.sql("""
                update webhooks set enabled = false, disabled_reason = :reason
                where entity_id = :entityId and id = :id and enabled = true""")
                .param("reason", reason).param("entityId", entityId).param("id", id).update() == 1;
    }

    /**
     * Enabled webhooks with a due delivery and no live claim, across all entities. On PostgreSQL the rows are
     * locked and rows another node is claiming right now are skipped ({@code FOR UPDATE SKIP LOCKED}); the claim
     * itself is {@link #claim}'s compare-and-set, which is what H2 (one node) and Citus (no row locks in a
     * multi-shard read) rely on.
     */
    List<UUID[]> claimable(Instant now, int limit, boolean lock) {
        String sql = """
                select w.entity_id, w.id from webhooks w
                where w.enabled = true and (w.lease_until is null or w.lease_until < :now)
                  and exists (select 1 from webhook_deliveries d where d.entity_id = w.entity_id
                      and d.webhook_id = w.id and d.status = 'pending' and d.next_attempt_at <= :now)
                fetch first :limit rows only""" + (lock ? " for update of w skip locked" : "");
        return jdbc.sql(sql).param("now", Times.sql(now)).param("limit", limit)
                .query((rs, n) -> new UUID[] {rs.getObject("entity_id", UUID.class), rs.getObject("id", UUID.class)})
                .list();
    }

    /** Takes the webhook for this node until {@code until}, unless another node holds it. */
    boolean claim(UUID entityId, UUID id, String owner, Instant now, Instant until) {
        return jdbc.sql("""
                update webhooks set lease_owner = :owner, lease_until = :until
                where entity_id = :entityId and id = :id and (lease_until is null or lease_until < :now
                    or lease_owner = :owner)""")
                .param("owner", owner).param("until", Times.sql(until)).param("now", Times.sql(now))
                .param("entityId", entityId).param("id", id).update() == 1;
    }

    void release(UUID entityId, UUID id, String owner) {
        jdbc.sql("""
                update webhooks set lease_owner = null, lease_until = null
                where entity_id = :entityId and id = :id and lease_owner = :owner""")
                .param("owner", owner).param("entityId", entityId).param("id", id).update();
    }

    private static Stored row(ResultSet rs, int n) throws SQLException {
        Webhook w = new Webhook(rs.getObject("id", UUID.class), rs.getObject("entity_id", UUID.class),
                rs.getString("url"), Arrays.asList(rs.getString("events").split(",")), rs.getBoolean("enabled"),
                rs.getString("description"), rs.getString("disabled_reason"), Times.read(rs, "created_at"));
        return new Stored(new Webhook(w.id(), w.entityId(), w.url(), List.copyOf(w.events()), w.enabled(),
                w.description(), w.disabledReason(), w.createdAt()), rs.getString("secret"),
                rs.getString("previous_secret"), Times.read(rs, "previous_secret_until"),
                Times.read(rs, "failing_since"));
    }
}
