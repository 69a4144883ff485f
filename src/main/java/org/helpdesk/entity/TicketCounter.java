package org.helpdesk.entity;

import java.util.UUID;

import javax.sql.DataSource;

import org.helpdesk.common.Databases;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Repository;

/**
 * The per-entity ticket number counter, kept on the entity's row (this module's table). The row stays locked
 * until the caller's transaction ends, so concurrent creates (on any app node) get distinct numbers, and a
 * rolled-back number is never seen.
 */
@Repository
@NamedInterface("counter")
public class TicketCounter {
    private final JdbcClient jdbc;
    private final boolean postgres;

    TicketCounter(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** The next ticket number of the entity; call inside the transaction that creates the ticket. */
    public long next(UUID entityId) {
        if (postgres) { // one round trip with RETURNING; H2 has no RETURNING
            return jdbc.sql("update entities set last_ticket_number = last_ticket_number + 1 where id = :entityId returning last_ticket_number")
                    .param("entityId", entityId).query(Long.class).single();
        }
        jdbc.sql("update entities set last_ticket_number = last_ticket_number + 1 where id = :entityId")
                .param("entityId", entityId).update();
        return jdbc.sql("select last_ticket_number from entities where id = :entityId")
                .param("entityId", entityId).query(Long.class).single();
    }
}
