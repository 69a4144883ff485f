package org.helpdesk.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.helpdesk.auth.Scope;
import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** SQL for API keys. Only the SHA-256 of a key's secret is stored. */
@Repository
class ApiKeys {
    private final JdbcClient jdbc;

    ApiKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record KeyRow(UUID id, UUID entityId, String name, String prefix, Set<Scope> scopes, UUID createdBy,
                  Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    }

    /** The key, and its secret in the global lookup authentication starts from (V40__api_key_secrets.sql). */
    @Transactional
    void insert(KeyRow key, String secretHash) {
        jdbc.sql("insert into api_key_secrets (secret_hash, entity_id, key_id) values (:hash, :entityId, :id)")
                .param("hash", secretHash).param("entityId", key.entityId()).param("id", key.id()).update();
        jdbc.sql("""
                insert into api_keys (entity_id, id, name, prefix, secret_hash, scopes, created_by, created_at, expires_at)
                values (:entityId, :id, :name, :prefix, :hash, :scopes, :createdBy, :createdAt, :expiresAt)""")
                .param("entityId", key.entityId()).param("id", key.id()).param("name", key.name())
                .param("prefix", key.prefix()).param("hash", secretHash).param("scopes", Scope.store(key.scopes()))
                .param("createdBy", key.createdBy()).param("createdAt", Times.sql(key.createdAt()))
                .param("expiresAt", Times.sql(key.expiresAt()))
                .update();
    }

    /** Keys not revoked (expired ones included, so people see why an integration stopped). */
    List<KeyRow> active(UUID entityId) {
        return jdbc.sql("""
                select id, entity_id, name, prefix, scopes, created_by, created_at, expires_at, last_used_at
                from api_keys where entity_id = :entityId and revoked_at is null order by created_at desc, id desc""")
                .param("entityId", entityId)
                .query((rs, n) -> new KeyRow(rs.getObject("id", UUID.class), rs.getObject("entity_id", UUID.class),
                        rs.getString("name"), rs.getString("prefix"), Scope.load(rs.getString("scopes")),
                        rs.getObject("created_by", UUID.class), Times.read(rs, "created_at"),
                        Times.read(rs, "expires_at"), Times.read(rs, "last_used_at")))
                .list();
    }

    boolean revoke(UUID entityId, UUID id, Instant now) {
        return jdbc.sql("update api_keys set revoked_at = :now where entity_id = :entityId and id = :id and revoked_at is null")
                .param("now", Times.sql(now)).param("entityId", entityId).param("id", id).update() == 1;
    }

    void revokeCreatedBy(UUID entityId, UUID userId, Instant now) {
        jdbc.sql("""
                update api_keys set revoked_at = :now
                where entity_id = :entityId and created_by = :userId and revoked_at is null""")
                .param("now", Times.sql(now)).param("entityId", entityId).param("userId", userId).update();
    }


}
