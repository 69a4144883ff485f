package org.helpdesk.macro;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for macros. Every statement is by entity. */
@Repository
class Macros {
    private static final String COLUMNS = "id, entity_id, title, actions, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Macros(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Macro> list(UUID entityId) {
        return jdbc.sql("select " + COLUMNS + " from macros where entity_id = :entityId order by lower(title), id")
                .param("entityId", entityId).query((rs, n) -> macro(rs)).list();
    }

    Optional<Macro> find(UUID entityId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from macros where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query((rs, n) -> macro(rs)).optional();
    }

    void insert(Macro m) {
        jdbc.sql("""
                insert into macros (entity_id, id, title, actions, created_at, updated_at)
                values (:entityId, :id, :title, :actions, :createdAt, :updatedAt)""")
                .param("entityId", m.entityId()).param("id", m.id()).param("title", m.title())
                .param("actions", json.writeValueAsString(m.actions()))
                .param("createdAt", Times.sql(m.createdAt())).param("updatedAt", Times.sql(m.updatedAt()))
                .update();
    }

    void update(Macro m) {
        jdbc.sql("""
                update macros set title = :title, actions = :actions, updated_at = :updatedAt
                where entity_id = :entityId and id = :id""")
                .param("title", m.title()).param("actions", json.writeValueAsString(m.actions()))
                .param("updatedAt", Times.sql(m.updatedAt())).param("entityId", m.entityId()).param("id", m.id())
                .update();
    }

    void delete(UUID entityId, UUID id) {
        jdbc.sql("delete from macros where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).update();
    }

    private Macro macro(ResultSet rs) throws SQLException {
        return new Macro(rs.getObject("id", UUID.class), rs.getObject("entity_id", UUID.class), rs.getString("title"),
                MacroActions.parse(json.readTree(rs.getString("actions"))), Times.read(rs, "created_at"),
                Times.read(rs, "updated_at"));
    }
}
