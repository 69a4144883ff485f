package org.helpdesk.ticket.web;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/** SQL for stored responses of POSTs sent with an Idempotency-Key (kept 24 hours). */
@Repository
class IdempotencyKeys {
    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Stored(String requestHash, int status, String location, String body) {
    }

    Optional<Stored> find(UUID entityId, String key, Instant notBefore) {
        return jdbc.sql("""
                select request_hash, status, location, response_body from idempotency_keys
                where entity_id = :entityId and idem_key = :key and created_at >= :notBefore""")
                .param("entityId", entityId).param("key", key).param("notBefore", Times.sql(notBefore))
                .query((rs, n) -> new Stored(rs.getString("request_hash"), rs.getInt("status"),
                        rs.getString("location"), rs.getString("response_body")))
                .optional();
    }

    /** Fails with a duplicate-key error when a concurrent request stored the same key first. */
    void insert(UUID entityId, String key, Stored stored, Instant now) {
        jdbc.sql("""
                insert into idempotency_keys (entity_id, idem_key, request_hash, status, location, response_body, created_at)
                values (:entityId, :key, :hash, :status, :location, :body, :now)""")
                .param("entityId", entityId).param("key", key).param("hash", stored.requestHash())
                .param("status", stored.status()).param("location", stored.location()).param("body", stored.body())
                .param("now", Times.sql(now))
                .update();
    }

    void deleteExpired(UUID entityId, String key, Instant before) {
        jdbc.sql("delete from idempotency_keys where entity_id = :entityId and idem_key = :key and created_at < :before")
                .param("entityId", entityId).param("key", key).param("before", Times.sql(before)).update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    void purgeExpired() {
        jdbc.sql("delete from idempotency_keys where created_at < :before")
                .param("before", Times.sql(Instant.now().minusSeconds(24 * 3600))).update();
    }
}
