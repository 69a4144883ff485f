package org.helpdesk.entity;

import org.helpdesk.auth.Role;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for entities (tenants) and their memberships. */
@Repository
class Entities {
    private final JdbcClient jdbc;

    Entities(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Entity entity) {
        jdbc.sql("insert into entities (id, name, created_at) values (:id, :name, :createdAt)")
                .param("id", entity.id()).param("name", entity.name()).param("createdAt", Times.sql(entity.createdAt()))
                .update();
    }

    void addMember(UUID entityId, UUID userId, Role role, Instant now) {
        jdbc.sql("""
                insert into memberships (entity_id, user_id, role, created_at)
                values (:entityId, :userId, :role, :now)""")
                .param("entityId", entityId).param("userId", userId).param("role", role.json())
                .param("now", Times.sql(now)).update();
    }

    /** Members are added by the email of an existing account. */
    Optional<UUID> userIdByEmail(String email) {
        return jdbc.sql("select id from users where email = :email").param("email", email).query(UUID.class).optional();
    }

    List<Membership> membershipsOf(UUID userId) {
        return jdbc.sql("""
                select m.entity_id, e.name, m.role from memberships m join entities e on e.id = m.entity_id
                where m.user_id = :userId order by e.name, m.entity_id""")
                .param("userId", userId)
                .query((rs, n) -> new Membership(rs.getObject("entity_id", UUID.class), rs.getString("name"),
                        Role.fromDb(rs.getString("role"))))
                .list();
    }

    List<Member> members(UUID entityId) {
        return jdbc.sql("""
                select u.id, u.email, u.name, m.role, m.created_at from memberships m join users u on u.id = m.user_id
                where m.entity_id = :entityId order by u.email""")
                .param("entityId", entityId).query((rs, n) -> memberRow(rs)).list();
    }

    Optional<Member> member(UUID entityId, UUID userId) {
        return jdbc.sql("""
                select u.id, u.email, u.name, m.role, m.created_at from memberships m join users u on u.id = m.user_id
                where m.entity_id = :entityId and m.user_id = :userId""")
                .param("entityId", entityId).param("userId", userId).query((rs, n) -> memberRow(rs)).optional();
    }

    /** Locks the entity row: membership changes of one entity run one at a time, so owners never drop to zero. */
    void lock(UUID entityId) {
        jdbc.sql("select id from entities where id = :id for update").param("id", entityId).query().singleRow();
    }

    int countOwners(UUID entityId) {
        return jdbc.sql("select count(*) from memberships where entity_id = :entityId and role = 'owner'")
                .param("entityId", entityId).query(Integer.class).single();
    }

    void changeRole(UUID entityId, UUID userId, Role role) {
        jdbc.sql("update memberships set role = :role where entity_id = :entityId and user_id = :userId")
                .param("role", role.json()).param("entityId", entityId).param("userId", userId).update();
    }

    void removeMember(UUID entityId, UUID userId) {
        jdbc.sql("delete from memberships where entity_id = :entityId and user_id = :userId")
                .param("entityId", entityId).param("userId", userId).update();
    }

    private static Member memberRow(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Member(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                Role.fromDb(rs.getString("role")), Times.read(rs, "created_at"));
    }
}
