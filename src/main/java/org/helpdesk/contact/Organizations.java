package org.helpdesk.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Times;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for organizations and their domains. Every statement is by entity. */
@Repository
class Organizations {
    private final JdbcClient jdbc;

    Organizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Row(UUID id, UUID entityId, String name, Instant createdAt) {
    }

    Optional<Organization> find(UUID entityId, UUID id) {
        return jdbc.sql("select id, entity_id, name, created_at from organizations where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query((rs, n) -> row(rs)).optional()
                .map(r -> new Organization(r.id(), r.entityId(), r.name(), domains(entityId, r.id()), r.createdAt()));
    }

    boolean exists(UUID entityId, UUID id) {
        return jdbc.sql("select count(*) from organizations where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query(Long.class).single() > 0;
    }

    /** A page of the entity's organizations in the order they were made (ids are time-ordered). */
    List<Organization> list(UUID entityId, UUID afterId, int rows) {
        String keyset = afterId == null ? "" : " and id > :afterId";
        var sql = jdbc.sql("select id, entity_id, name, created_at from organizations where entity_id = :entityId"
                        + keyset + " order by id limit :rows")
                .param("entityId", entityId).param("rows", rows);
        if (afterId != null) {
            sql = sql.param("afterId", afterId);
        }
        List<Row> found = sql.query((rs, n) -> row(rs)).list();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<String>> domains = new HashMap<>();
        jdbc.sql("""
                select organization_id, domain from organization_domains
                where entity_id = :entityId and organization_id in (:ids) order by position""")
                .param("entityId", entityId).param("ids", found.stream().map(Row::id).toList())
                .query(rs -> {
                    domains.computeIfAbsent(rs.getObject("organization_id", UUID.class), k -> new ArrayList<>())
                            .add(rs.getString("domain"));
                });
        return found.stream().map(r -> new Organization(r.id(), r.entityId(), r.name(),
                domains.getOrDefault(r.id(), List.of()), r.createdAt())).toList();
    }

    List<String> domains(UUID entityId, UUID organizationId) {
        return jdbc.sql("""
                select domain from organization_domains where entity_id = :entityId and organization_id = :id
                order by position""")
                .param("entityId", entityId).param("id", organizationId).query(String.class).list();
    }

    /** Which of these domains belong to an organization of the entity, and to which. */
    Map<String, UUID> ownersOf(UUID entityId, Collection<String> domains) {
        Map<String, UUID> owners = new LinkedHashMap<>();
        if (domains.isEmpty()) {
            return owners;
        }
        jdbc.sql("select domain, organization_id from organization_domains where entity_id = :entityId and domain in (:domains)")
                .param("entityId", entityId).param("domains", List.copyOf(domains))
                .query(rs -> {
                    owners.put(rs.getString("domain"), rs.getObject("organization_id", UUID.class));
                });
        return owners;
    }

    void insert(Organization o) {
        jdbc.sql("""
                insert into organizations (entity_id, id, name, created_at)
                values (:entityId, :id, :name, :createdAt)""")
                .param("entityId", o.entityId()).param("id", o.id()).param("name", o.name())
                .param("createdAt", Times.sql(o.createdAt())).update();
        insertDomains(o.entityId(), o.id(), o.domains());
    }

    void rename(UUID entityId, UUID id, String name) {
        jdbc.sql("update organizations set name = :name where entity_id = :entityId and id = :id")
                .param("name", name).param("entityId", entityId).param("id", id).update();
    }

    void replaceDomains(UUID entityId, UUID id, List<String> domains) {
        jdbc.sql("delete from organization_domains where entity_id = :entityId and organization_id = :id")
                .param("entityId", entityId).param("id", id).update();
        insertDomains(entityId, id, domains);
    }

    private void insertDomains(UUID entityId, UUID id, List<String> domains) {
        for (int i = 0; i < domains.size(); i++) {
            jdbc.sql("""
                    insert into organization_domains (entity_id, domain, organization_id, position)
                    values (:entityId, :domain, :id, :position)""")
                    .param("entityId", entityId).param("domain", domains.get(i)).param("id", id)
                    .param("position", i).update();
        }
    }

    void delete(UUID entityId, UUID id) {
        jdbc.sql("delete from organization_domains where entity_id = :entityId and organization_id = :id")
                .param("entityId", entityId).param("id", id).update();
        jdbc.sql("delete from organizations where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).update();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("entity_id", UUID.class), rs.getString("name"),
                Times.read(rs, "created_at"));
    }
}
