package org.helpdesk.canned;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for canned replies. Every statement is by entity; reads return only what the user may see. */
@Repository
class CannedReplies {
    private static final String COLUMNS = "id, entity_id, title, body, shared, created_by, created_at, updated_at";

    private final JdbcClient jdbc;

    CannedReplies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CannedReply> visible(UUID entityId, UUID userId) {
        return jdbc.sql("select " + COLUMNS + """
                 from canned_replies where entity_id = :entityId and (shared = true or created_by = :userId)
                order by lower(title), id""")
                .param("entityId", entityId).param("userId", userId).query((rs, n) -> reply(rs)).list();
    }

    Optional<CannedReply> findVisible(UUID entityId, UUID userId, UUID id) {
        return jdbc.sql("select " + COLUMNS + """
                 from canned_replies
                where entity_id = :entityId and id = :id and (shared = true or created_by = :userId)""")
                .param("entityId", entityId).param("id", id).param("userId", userId)
                .query((rs, n) -> reply(rs)).optional();
    }

    Optional<CannedReply> findShared(UUID entityId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from canned_replies where entity_id = :entityId and id = :id and shared = true")
                .param("entityId", entityId).param("id", id).query((rs, n) -> reply(rs)).optional();
    }

    void insert(CannedReply r) {
        jdbc.sql("""
                insert into canned_replies (entity_id, id, title, body, shared, created_by, created_at, updated_at)
                values (:entityId, :id, :title, :body, :shared, :createdBy, :createdAt, :updatedAt)""")
                .param("entityId", r.entityId()).param("id", r.id()).param("title", r.title())
                .param("body", r.body()).param("shared", r.shared()).param("createdBy", r.createdBy())
                .param("createdAt", Times.sql(r.createdAt())).param("updatedAt", Times.sql(r.updatedAt()))
                .update();
    }

    void update(CannedReply r) {
        jdbc.sql("""
                update canned_replies set title = :title, body = :body, shared = :shared, updated_at = :updatedAt
                where entity_id = :entityId and id = :id""")
                .param("title", r.title()).param("body", r.body()).param("shared", r.shared())
                .param("updatedAt", Times.sql(r.updatedAt())).param("entityId", r.entityId()).param("id", r.id())
                .update();
    }

    void delete(UUID entityId, UUID id) {
        jdbc.sql("delete from canned_replies where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).update();
    }

    private static CannedReply reply(ResultSet rs) throws SQLException {
        return new CannedReply(rs.getObject("id", UUID.class), rs.getObject("entity_id", UUID.class),
                rs.getString("title"), rs.getString("body"), rs.getBoolean("shared"),
                rs.getObject("created_by", UUID.class), Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
    }
}
