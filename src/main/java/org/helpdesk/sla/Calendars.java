package org.helpdesk.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for business-hours calendars; hours and holidays are stored as JSON text. Every statement is by entity. */
@Repository
class Calendars {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, entity_id, name, timezone, hours, holidays, created_at";

    private final JdbcClient jdbc;

    Calendars(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Calendar> list(UUID entityId) {
        return jdbc.sql("select " + COLUMNS + " from sla_calendars where entity_id = :entityId order by created_at, id")
                .param("entityId", entityId).query((rs, n) -> row(rs)).list();
    }

    Optional<Calendar> find(UUID entityId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from sla_calendars where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query((rs, n) -> row(rs)).optional();
    }

    /** The calendar, locked until the transaction ends (a change and a delete do not cross). */
    Optional<Calendar> findForUpdate(UUID entityId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from sla_calendars where entity_id = :entityId and id = :id for update")
                .param("entityId", entityId).param("id", id).query((rs, n) -> row(rs)).optional();
    }

    void insert(Calendar c) {
        jdbc.sql("""
                insert into sla_calendars (entity_id, id, name, timezone, hours, holidays, created_at)
                values (:entityId, :id, :name, :timezone, :hours, :holidays, :createdAt)""")
                .param("entityId", c.entityId()).param("id", c.id()).param("name", c.name())
                .param("timezone", c.timezone()).param("hours", JSON.writeValueAsString(c.hours()))
                .param("holidays", JSON.writeValueAsString(c.holidays()))
                .param("createdAt", Times.sql(c.createdAt())).update();
    }

    void update(Calendar c) {
        jdbc.sql("""
                update sla_calendars set name = :name, timezone = :timezone, hours = :hours, holidays = :holidays
                where entity_id = :entityId and id = :id""")
                .param("name", c.name()).param("timezone", c.timezone())
                .param("hours", JSON.writeValueAsString(c.hours()))
                .param("holidays", JSON.writeValueAsString(c.holidays()))
                .param("entityId", c.entityId()).param("id", c.id()).update();
    }

    void delete(UUID entityId, UUID id) {
        jdbc.sql("delete from sla_calendars where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).update();
    }

    private static Calendar row(ResultSet rs) throws SQLException {
        return new Calendar(rs.getObject("id", UUID.class), rs.getObject("entity_id", UUID.class), rs.getString("name"),
                rs.getString("timezone"),
                JSON.readValue(rs.getString("hours"), new TypeReference<List<Calendar.Hours>>() { }),
                JSON.readValue(rs.getString("holidays"), new TypeReference<List<String>>() { }),
                Times.read(rs, "created_at"));
    }
}
