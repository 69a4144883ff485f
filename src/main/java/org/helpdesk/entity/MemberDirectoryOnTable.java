package org.helpdesk.entity;

import java.util.Optional;
import java.util.UUID;

import org.helpdesk.auth.MemberDirectory;
import org.helpdesk.auth.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Authentication's view of memberships: a member's role in an entity, asked once per session request. */
@Repository
class MemberDirectoryOnTable implements MemberDirectory {
    private final JdbcClient jdbc;

    MemberDirectoryOnTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Role> roleOf(UUID entityId, UUID userId) {
        return jdbc.sql("select role from memberships where entity_id = :entityId and user_id = :userId")
                .param("entityId", entityId).param("userId", userId)
                .query((rs, n) -> Role.fromDb(rs.getString("role"))).optional();
    }
}
