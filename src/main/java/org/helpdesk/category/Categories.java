package org.helpdesk.category;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for ticket categories. Names are unique per entity, ignoring case. */
@Repository
class Categories {
    private final JdbcClient jdbc;

    Categories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    List<Category> list(UUID entityId) {
        return jdbc.sql("select id, entity_id, name, created_at from categories where entity_id = :entityId order by name_key, id")
                .param("entityId", entityId).query((rs, n) -> row(rs)).list();
    }

    Optional<Category> find(UUID entityId, UUID id) {
        return jdbc.sql("select id, entity_id, name, created_at from categories where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query((rs, n) -> row(rs)).optional();
    }

    boolean exists(UUID entityId, UUID id) {
        return jdbc.sql("select count(*) from categories where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query(Integer.class).single() > 0;
    }

    boolean nameTaken(UUID entityId, String name, UUID except) {
        return jdbc.sql("""
                select count(*) from categories
                where entity_id = :entityId and name_key = :key and (cast(:except as uuid) is null or id <> :except)""")
                .param("entityId", entityId).param("key", nameKey(name)).param("except", except)
                .query(Integer.class).single() > 0;
    }

    void insert(Category category) {
        jdbc.sql("""
                insert into categories (entity_id, id, name, name_key, created_at)
                values (:entityId, :id, :name, :key, :createdAt)""")
                .param("entityId", category.entityId()).param("id", category.id()).param("name", category.name())
                .param("key", nameKey(category.name())).param("createdAt", Times.sql(category.createdAt()))
                .update();
    }

    void rename(UUID entityId, UUID id, String name) {
        jdbc.sql("update categories set name = :name, name_key = :key where entity_id = :entityId and id = :id")
                .param("name", name).param("key", nameKey(name)).param("entityId", entityId).param("id", id).update();
    }

    void delete(UUID entityId, UUID id) {
        jdbc.sql("delete from categories where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).update();
    }

    private static Category row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Category(rs.getObject("id", UUID.class), rs.getObject("entity_id", UUID.class),
                rs.getString("name"), Times.read(rs, "created_at"));
    }
}
