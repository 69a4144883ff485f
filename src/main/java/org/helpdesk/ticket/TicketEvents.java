package org.helpdesk.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for a ticket's history. */
@Repository
class TicketEvents {
    private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TicketEvents(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(TicketEvent e) {
        jdbc.sql("""
                insert into ticket_events (entity_id, id, ticket_id, type, actor_type, actor_id, actor_name, changes,
                    message_id, created_at)
                values (:entityId, :id, :ticketId, :type, :actorType, :actorId, :actorName, :changes, :messageId,
                    :createdAt)""")
                .param("entityId", e.entityId()).param("id", e.id()).param("ticketId", e.ticketId())
                .param("type", e.type().wire()).param("actorType", e.actorType().wire())
                .param("actorId", e.actorId()).param("actorName", e.actorName())
                .param("changes", json.writeValueAsString(e.changes())).param("messageId", e.messageId())
                .param("createdAt", Times.sql(e.createdAt()))
                .update();
    }

    /** Up to {@code rows} events of the ticket after {@code after} (null: from the start), oldest first. */
    List<TicketEvent> page(UUID entityId, UUID ticketId, HistoryCursor after, int rows) {
        String keyset = after == null ? "" : " and (created_at, id) > (:afterAt, :afterId)";
        var sql = jdbc.sql("""
                select id, entity_id, ticket_id, type, actor_type, actor_id, actor_name, changes, message_id, created_at
                from ticket_events where entity_id = :entityId and ticket_id = :ticketId""" + keyset
                + " order by created_at, id limit :rows")
                .param("entityId", entityId).param("ticketId", ticketId).param("rows", rows);
        if (after != null) {
            sql = sql.param("afterAt", Times.sql(after.at())).param("afterId", after.id());
        }
        return sql.query((rs, n) -> event(rs)).list();
    }

    /**
     * Erasure: the ticket's history no longer shows the contact's address or name (their values become null) and
     * entries a contact made are named {@code name}.
     */
    void eraseContact(UUID entityId, UUID ticketId, String name) {
        jdbc.sql("""
                update ticket_events set actor_name = :name
                where entity_id = :entityId and ticket_id = :ticketId and actor_type = 'contact'""")
                .param("name", name).param("entityId", entityId).param("ticketId", ticketId).update();
        List<Map.Entry<UUID, String>> rows = jdbc.sql("""
                select id, changes from ticket_events
                where entity_id = :entityId and ticket_id = :ticketId
                  and (changes like '%"contactEmail"%' or changes like '%"contactName"%')""")
                .param("entityId", entityId).param("ticketId", ticketId)
                .query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("changes"))).list();
        for (var row : rows) {
            Map<String, FieldChange> changes = json.readValue(row.getValue(), CHANGES);
            changes.replaceAll((field, change) -> field.equals("contactEmail") || field.equals("contactName")
                    ? new FieldChange(null, null) : change);
            jdbc.sql("update ticket_events set changes = :changes where entity_id = :entityId and id = :id")
                    .param("changes", json.writeValueAsString(changes)).param("entityId", entityId)
                    .param("id", row.getKey()).update();
        }
    }

    private TicketEvent event(ResultSet rs) throws SQLException {
        Map<String, FieldChange> changes = json.readValue(rs.getString("changes"), CHANGES);
        return new TicketEvent(rs.getObject("id", UUID.class), rs.getObject("entity_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), EventType.parse(rs.getString("type"), "type"),
                AuthorType.parse(rs.getString("actor_type"), "actorType"), rs.getObject("actor_id", UUID.class),
                rs.getString("actor_name"), changes, rs.getObject("message_id", UUID.class),
                Times.read(rs, "created_at"));
    }
}
