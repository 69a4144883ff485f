package org.helpdesk.apikey;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.auth.KeyCaller;
import org.helpdesk.auth.KeyDirectory;
import org.helpdesk.auth.Role;
import org.helpdesk.auth.Scope;
import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Authentication's view of the keys table: the one query every keyed request runs, and usage stamps. */
@Repository
class KeyDirectoryOnTable implements KeyDirectory {
    private final JdbcClient jdbc;

    KeyDirectoryOnTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A key that is neither revoked nor expired, whose creator is still a member of its entity. Found in two
     * steps, so that the tenant's own tables are read by entity_id (ready for sharding, docs/scale-out.md): the
     * global secret lookup names the key's entity, then the key, its creator's name and current role are read
     * there (memberships and users are read, not written).
     */
    @Override
    public Optional<KeyCaller> activeKey(String secretHash, Instant now) {
        Optional<KeyRef> ref = jdbc.sql("select entity_id, key_id from api_key_secrets where secret_hash = :hash")
                .param("hash", secretHash)
                .query((rs, n) -> new KeyRef(rs.getObject("entity_id", UUID.class), rs.getObject("key_id", UUID.class)))
                .optional();
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select k.id, k.entity_id, k.scopes, u.id as user_id, u.name as user_name, m.role
                from api_keys k
                join users u on u.id = k.created_by
                join memberships m on m.entity_id = k.entity_id and m.user_id = k.created_by
                where k.entity_id = :entityId and k.id = :id and k.revoked_at is null
                  and (k.expires_at is null or k.expires_at > :now)""")
                .param("entityId", ref.get().entityId()).param("id", ref.get().id()).param("now", Times.sql(now))
                .query((rs, n) -> new KeyCaller(rs.getObject("id", UUID.class), rs.getObject("entity_id", UUID.class),
                        rs.getObject("user_id", UUID.class), rs.getString("user_name"),
                        Role.fromDb(rs.getString("role")), Scope.load(rs.getString("scopes"))))
                .optional();
    }

    @Override
    public void stampLastUsed(Map<KeyRef, Instant> usage) {
        usage.forEach((key, at) -> jdbc.sql("""
                update api_keys set last_used_at = :at
                where entity_id = :entityId and id = :id and (last_used_at is null or last_used_at < :at)""")
                .param("at", Times.sql(at)).param("entityId", key.entityId()).param("id", key.id()).update());
    }
}
