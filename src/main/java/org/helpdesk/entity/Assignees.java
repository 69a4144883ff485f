package org.helpdesk.entity;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;

/** Who may hold tickets: members who work tickets (agents, admins and owners), not viewers. */
@Repository
@NamedInterface("assignees")
public class Assignees {
    private final JdbcClient jdbc;

    Assignees(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean canHoldTickets(UUID entityId, UUID userId) {
        return jdbc.sql("""
                select count(*) from memberships
                where entity_id = :entityId and user_id = :userId and role in ('agent', 'admin', 'owner')""")
                .param("entityId", entityId).param("userId", userId).query(Integer.class).single() > 0;
    }
}
