package org.helpdesk.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for user accounts. Emails are stored lower-cased. */
@Repository
class Users {
    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record UserRow(UUID id, String email, String name, String passwordHash, Instant createdAt) {
        Account account() {
            return new Account(id, email, name, createdAt);
        }
    }

    void insert(UserRow user) {
        jdbc.sql("""
                insert into users (id, email, password_hash, name, created_at)
                values (:id, :email, :hash, :name, :createdAt)""")
                .param("id", user.id()).param("email", user.email()).param("hash", user.passwordHash())
                .param("name", user.name()).param("createdAt", Times.sql(user.createdAt()))
                .update();
    }

    Optional<UserRow> byEmail(String email) {
        return jdbc.sql("select id, email, name, password_hash, created_at from users where email = :email")
                .param("email", email).query((rs, n) -> row(rs)).optional();
    }

    Optional<UserRow> byId(UUID id) {
        return jdbc.sql("select id, email, name, password_hash, created_at from users where id = :id")
                .param("id", id).query((rs, n) -> row(rs)).optional();
    }

    private static UserRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new UserRow(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                rs.getString("password_hash"), Times.read(rs, "created_at"));
    }
}
