package org.helpdesk.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.helpdesk.ticket.AttachedFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for attachment rows. Every statement is by entity, but for the sweep's look for old uploads. */
@Repository
class Attachments {
    private static final String COLUMNS = """
            id, entity_id, ticket_id, message_id, filename, content_type, size_bytes, sha256, is_inline, created_at""";

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AttachedFile f, UUID createdBy) {
        jdbc.sql("""
                insert into attachments (entity_id, id, ticket_id, message_id, filename, content_type, size_bytes,
                    sha256, is_inline, created_by, created_at)
                values (:entityId, :id, null, null, :filename, :contentType, :size, :sha256, :inline, :createdBy,
                    :createdAt)""")
                .param("entityId", f.entityId()).param("id", f.id()).param("filename", f.filename())
                .param("contentType", f.contentType()).param("size", f.size()).param("sha256", f.sha256())
                .param("inline", f.inline()).param("createdBy", createdBy).param("createdAt", Times.sql(f.createdAt()))
                .update();
    }

    Optional<AttachedFile> find(UUID entityId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from attachments where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query((rs, n) -> file(rs)).optional();
    }

    List<AttachedFile> ofTicket(UUID entityId, UUID ticketId) {
        return jdbc.sql("select " + COLUMNS + """
                         from attachments where entity_id = :entityId and ticket_id = :ticketId
                        order by created_at, id""")
                .param("entityId", entityId).param("ticketId", ticketId).query((rs, n) -> file(rs)).list();
    }

    /** The uploads named, locked until the transaction ends (two messages cannot take the same one). */
    List<AttachedFile> lock(UUID entityId, Collection<UUID> ids) {
        return jdbc.sql("select " + COLUMNS + " from attachments where entity_id = :entityId and id in (:ids) for update")
                .param("entityId", entityId).param("ids", ids).query((rs, n) -> file(rs)).list();
    }

    int attach(UUID entityId, Collection<UUID> ids, UUID ticketId, UUID messageId) {
        return jdbc.sql("""
                update attachments set ticket_id = :ticketId, message_id = :messageId
                where entity_id = :entityId and id in (:ids) and ticket_id is null""")
                .param("ticketId", ticketId).param("messageId", messageId).param("entityId", entityId)
                .param("ids", ids).update();
    }

    /** Which of these blobs of the entity a row still names. */
    Set<String> named(UUID entityId, Collection<String> sha256s) {
        return new HashSet<>(jdbc.sql("""
                        select distinct sha256 from attachments where entity_id = :entityId and sha256 in (:shas)""")
                .param("entityId", entityId).param("shas", sha256s).query(String.class).list());
    }

    record Ref(UUID entityId, UUID id) {
    }

    /** Uploads of every entity created before {@code before} and never attached, oldest first, at most {@code limit}. */
    List<Ref> unattachedBefore(Instant before, int limit) {
        return jdbc.sql("""
                        select entity_id, id from attachments where ticket_id is null and created_at < :before
                        order by created_at limit :limit""")
                .param("before", Times.sql(before)).param("limit", limit)
                .query((rs, n) -> new Ref(rs.getObject("entity_id", UUID.class), rs.getObject("id", UUID.class)))
                .list();
    }

    boolean deleteUnattached(UUID entityId, UUID id) {
        return jdbc.sql("delete from attachments where entity_id = :entityId and id = :id and ticket_id is null")
                .param("entityId", entityId).param("id", id).update() > 0;
    }

    private static AttachedFile file(ResultSet rs) throws SQLException {
        return new AttachedFile(rs.getObject("id", UUID.class), rs.getObject("entity_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), rs.getObject("message_id", UUID.class), rs.getString("filename"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getBoolean("is_inline"), Times.read(rs, "created_at"));
    }
}
