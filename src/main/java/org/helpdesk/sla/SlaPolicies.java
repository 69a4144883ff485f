package org.helpdesk.sla;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

/** SQL for SLA policies; match and targets are stored as JSON text. Every statement is by entity. */
@Repository
class SlaPolicies {
    private static final String COLUMNS = "id, entity_id, name, position, match_rule, calendar_id, targets, created_at";

    private final JdbcClient jdbc;

    SlaPolicies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the order they are tried: by position, then the older first. */
    List<SlaPolicy> list(UUID entityId) {
        return jdbc.sql("select " + COLUMNS
                        + " from sla_policies where entity_id = :entityId order by position, created_at, id")
                .param("entityId", entityId).query((rs, n) -> row(rs)).list();
    }

    Optional<SlaPolicy> find(UUID entityId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from sla_policies where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query((rs, n) -> row(rs)).optional();
    }

    int nextPosition(UUID entityId) {
        return jdbc.sql("select coalesce(max(position), 0) + 1 from sla_policies where entity_id = :entityId")
                .param("entityId", entityId).query(Integer.class).single();
    }

    boolean calendarInUse(UUID entityId, UUID calendarId) {
        return jdbc.sql("select count(*) from sla_policies where entity_id = :entityId and calendar_id = :calendarId")
                .param("entityId", entityId).param("calendarId", calendarId).query(Long.class).single() > 0;
    }

    void insert(SlaPolicy p) {
        jdbc.sql("""
                insert into sla_policies (entity_id, id, name, position, match_rule, calendar_id, targets, created_at)
                values (:entityId, :id, :name, :position, :match, :calendarId, :targets, :createdAt)""")
                .param("entityId", p.entityId()).param("id", p.id()).param("name", p.name())
                .param("position", p.position()).param("match", Calendars.JSON.writeValueAsString(p.match()))
                .param("calendarId", p.calendarId()).param("targets", Calendars.JSON.writeValueAsString(p.targets()))
                .param("createdAt", Times.sql(p.createdAt())).update();
    }

    void update(SlaPolicy p) {
        jdbc.sql("""
                update sla_policies set name = :name, position = :position, match_rule = :match,
                    calendar_id = :calendarId, targets = :targets
                where entity_id = :entityId and id = :id""")
                .param("name", p.name()).param("position", p.position())
                .param("match", Calendars.JSON.writeValueAsString(p.match())).param("calendarId", p.calendarId())
                .param("targets", Calendars.JSON.writeValueAsString(p.targets()))
                .param("entityId", p.entityId()).param("id", p.id()).update();
    }

    void delete(UUID entityId, UUID id) {
        jdbc.sql("delete from sla_policies where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).update();
    }

    private static SlaPolicy row(ResultSet rs) throws SQLException {
        Map<String, SlaPolicy.Target> targets = Calendars.JSON.readValue(rs.getString("targets"),
                new TypeReference<LinkedHashMap<String, SlaPolicy.Target>>() { });
        return new SlaPolicy(rs.getObject("id", UUID.class), rs.getObject("entity_id", UUID.class),
                rs.getString("name"), rs.getInt("position"),
                Calendars.JSON.readValue(rs.getString("match_rule"), SlaPolicy.Match.class),
                rs.getObject("calendar_id", UUID.class), targets, Times.read(rs, "created_at"));
    }
}
