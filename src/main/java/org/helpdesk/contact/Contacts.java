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

import javax.sql.DataSource;

import org.helpdesk.common.Databases;
import org.helpdesk.common.Times;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for contacts, their addresses and the records of their merges. Every statement is by entity. */
@Repository
class Contacts {
    private static final String COLUMNS = "id, entity_id, name, phone, organization_id, merged_into, created_at, updated_at";

    private final JdbcClient jdbc;
    /** For statements sent as one JDBC batch (JdbcClient has none). */
    private final JdbcTemplate batch;
    private final boolean postgres;

    Contacts(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /**
     * Brings PostgreSQL's statistics of the contact tables up to date. The backfill grows them from nothing by a
     * thousand rows a batch, faster than autovacuum's analyze follows (or at all where it is off); on the stale
     * "empty table" estimate the foreign-key checks of every ticket and address written (plans PostgreSQL keeps
     * per connection) scan the entity's whole organization index instead of probing the primary key: measured,
     * 200 tickets a second instead of 7,500. No-op on H2.
     */
    void refreshStatistics() {
        if (postgres) {
            jdbc.sql("analyze contacts, contact_emails").update();
        }
    }

    /** A contact row without its addresses (added by {@link #withEmails}). */
    private record Row(UUID id, UUID entityId, String name, String phone, UUID organizationId, UUID mergedInto,
                       Instant createdAt, Instant updatedAt) {
        Contact with(List<String> emails) {
            return new Contact(id, entityId, name, emails, phone, organizationId, mergedInto, createdAt, updatedAt);
        }
    }

    Optional<Contact> find(UUID entityId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from contacts where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query((rs, n) -> row(rs)).optional()
                .map(r -> r.with(emails(entityId, r.id())));
    }

    /** The contact, locked until the transaction ends: merges, unmerges and changes of one contact queue up. */
    Optional<Contact> findForUpdate(UUID entityId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from contacts where entity_id = :entityId and id = :id for update")
                .param("entityId", entityId).param("id", id).query((rs, n) -> row(rs)).optional()
                .map(r -> r.with(emails(entityId, r.id())));
    }

    /**
     * A page of the entity's contacts that are not merged, newest first (ids are time-ordered), optionally only
     * those whose name or an address contains {@code pattern} (a LIKE pattern of lower-case text) and those of
     * one organization.
     */
    List<Contact> list(UUID entityId, String pattern, UUID organizationId, UUID afterId, int rows) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS
                + " from contacts c where c.entity_id = :entityId and c.merged_into is null");
        Map<String, Object> params = new HashMap<>();
        params.put("entityId", entityId);
        if (pattern != null) {
            sql.append(" and ").append("""
                    (lower(c.name) like :pattern escape '\\' or exists (select 1 from contact_emails e
                        where e.entity_id = :entityId and e.contact_id = c.id and e.email like :pattern escape '\\'))""");
            params.put("pattern", pattern);
        }
        if (organizationId != null) {
            sql.append(" and c.organization_id = :organizationId");
            params.put("organizationId", organizationId);
        }
        if (afterId != null) {
            sql.append(" and c.id < :afterId");
            params.put("afterId", afterId);
        }
        sql.append(" order by c.id desc limit :rows");
        params.put("rows", rows);
        List<Row> found = jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
        return withEmails(entityId, found);
    }

    /** The addresses of a contact, primary first. */
    List<String> emails(UUID entityId, UUID contactId) {
        return jdbc.sql("""
                select email from contact_emails where entity_id = :entityId and contact_id = :contactId
                order by position, email""")
                .param("entityId", entityId).param("contactId", contactId).query(String.class).list();
    }

    private List<Contact> withEmails(UUID entityId, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<String>> emails = new HashMap<>();
        jdbc.sql("""
                select contact_id, email from contact_emails where entity_id = :entityId and contact_id in (:ids)
                order by position, email""")
                .param("entityId", entityId).param("ids", rows.stream().map(Row::id).toList())
                .query(rs -> {
                    emails.computeIfAbsent(rs.getObject("contact_id", UUID.class), k -> new ArrayList<>())
                            .add(rs.getString("email"));
                });
        return rows.stream().map(r -> r.with(emails.getOrDefault(r.id(), List.of()))).toList();
    }

    /** Which of these addresses belong to a contact of the entity, and to which. */
    Map<String, UUID> ownersOf(UUID entityId, Collection<String> emails) {
        Map<String, UUID> owners = new LinkedHashMap<>();
        if (emails.isEmpty()) {
            return owners;
        }
        // PostgreSQL: the addresses as one array joined to the table, not an IN list of as many parameters — with
        // a list of a thousand (the backfill's batch) a generic plan compares every row with every item
        jdbc.sql(postgres
                        ? """
                          select e.email, e.contact_id
                          from unnest(cast(:emails as varchar[])) as a(email)
                          join contact_emails e on e.entity_id = :entityId and e.email = a.email"""
                        : "select email, contact_id from contact_emails where entity_id = :entityId and email in (:emails)")
                .param("entityId", entityId).param("emails", postgres ? emails.toArray(String[]::new) : List.copyOf(emails))
                .query(rs -> {
                    owners.put(rs.getString("email"), rs.getObject("contact_id", UUID.class));
                });
        return owners;
    }

    /**
     * The contact that has this address, with all its addresses, in one statement (the ticket's create path asks
     * this on every ticket with an address: one round trip instead of owner, row and addresses).
     */
    Optional<Contact> byAddress(UUID entityId, String email) {
        List<Row> row = new ArrayList<>(1);
        List<String> emails = new ArrayList<>();
        jdbc.sql("""
                select c.id, c.entity_id, c.name, c.phone, c.organization_id, c.merged_into, c.created_at,
                       c.updated_at, e.email
                from contact_emails o
                join contacts c on c.entity_id = o.entity_id and c.id = o.contact_id
                join contact_emails e on e.entity_id = c.entity_id and e.contact_id = c.id
                where o.entity_id = :entityId and o.email = :email
                order by e.position, e.email""")
                .param("entityId", entityId).param("email", email)
                .query(rs -> {
                    if (row.isEmpty()) {
                        row.add(row(rs));
                    }
                    emails.add(rs.getString("email"));
                });
        return row.isEmpty() ? Optional.empty() : Optional.of(row.get(0).with(List.copyOf(emails)));
    }

    Optional<UUID> ownerOf(UUID entityId, String email) {
        return jdbc.sql("select contact_id from contact_emails where entity_id = :entityId and email = :email")
                .param("entityId", entityId).param("email", email).query(UUID.class).optional();
    }

    void insert(Contact c) {
        insertRow(c);
        insertEmails(c.entityId(), c.id(), c.emails(), 0);
    }

    /**
     * Inserts a contact with one address unless another transaction gave that address to a contact first (then
     * nothing is left behind and the answer is false). PostgreSQL waits for such a transaction to end before it
     * decides, so the caller can then read the winner.
     */
    boolean insertIfAddressFree(Contact c) {
        insertRow(c);
        int added = jdbc.sql("""
                insert into contact_emails (entity_id, email, contact_id, position)
                values (:entityId, :email, :contactId, 0)
                on conflict do nothing""")
                .param("entityId", c.entityId()).param("email", c.primaryEmail()).param("contactId", c.id())
                .update();
        if (added == 0) {
            jdbc.sql("delete from contacts where entity_id = :entityId and id = :id")
                    .param("entityId", c.entityId()).param("id", c.id()).update();
            return false;
        }
        return true;
    }

    /**
     * {@link #insertIfAddressFree} for many one-address contacts, each statement kind sent as one JDBC batch.
     * Returns the contacts that got their address; the others (address taken meanwhile) are left out, as if
     * never inserted.
     */
    List<Contact> insertAllIfAddressFree(List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        batch.batchUpdate("""
                        insert into contacts (entity_id, id, name, phone, organization_id, merged_into, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""",
                contacts.stream().map(c -> new Object[] {c.entityId(), c.id(), c.name(), c.phone(), c.organizationId(),
                        c.mergedInto(), Times.sql(c.createdAt()), Times.sql(c.updatedAt())}).toList());
        batch.batchUpdate("""
                        insert into contact_emails (entity_id, email, contact_id, position)
                        values (?, ?, ?, 0)
                        on conflict do nothing""",
                contacts.stream().map(c -> new Object[] {c.entityId(), c.primaryEmail(), c.id()}).toList());
        // which inserts won is read back (batched update counts are not reliable across drivers)
        UUID entityId = contacts.get(0).entityId();
        Map<String, UUID> owners = ownersOf(entityId, contacts.stream().map(Contact::primaryEmail).toList());
        List<Contact> won = new ArrayList<>(contacts.size());
        List<Object[]> lost = new ArrayList<>();
        for (Contact c : contacts) {
            if (c.id().equals(owners.get(c.primaryEmail()))) {
                won.add(c);
            } else {
                lost.add(new Object[] {c.entityId(), c.id()});
            }
        }
        if (!lost.isEmpty()) {
            batch.batchUpdate("delete from contacts where entity_id = ? and id = ?", lost);
        }
        return won;
    }

    private void insertRow(Contact c) {
        jdbc.sql("""
                insert into contacts (entity_id, id, name, phone, organization_id, merged_into, created_at, updated_at)
                values (:entityId, :id, :name, :phone, :organizationId, :mergedInto, :createdAt, :updatedAt)""")
                .param("entityId", c.entityId()).param("id", c.id()).param("name", c.name())
                .param("phone", c.phone()).param("organizationId", c.organizationId())
                .param("mergedInto", c.mergedInto()).param("createdAt", Times.sql(c.createdAt()))
                .param("updatedAt", Times.sql(c.updatedAt()))
                .update();
    }

    private void insertEmails(UUID entityId, UUID contactId, List<String> emails, int firstPosition) {
        for (int i = 0; i < emails.size(); i++) {
            jdbc.sql("""
                    insert into contact_emails (entity_id, email, contact_id, position)
                    values (:entityId, :email, :contactId, :position)""")
                    .param("entityId", entityId).param("email", emails.get(i)).param("contactId", contactId)
                    .param("position", firstPosition + i).update();
        }
    }

    /** Name, phone, organization, mergedInto and updatedAt (addresses have their own statements). */
    void update(Contact c) {
        jdbc.sql("""
                update contacts set name = :name, phone = :phone, organization_id = :organizationId,
                    merged_into = :mergedInto, updated_at = :updatedAt
                where entity_id = :entityId and id = :id""")
                .param("name", c.name()).param("phone", c.phone()).param("organizationId", c.organizationId())
                .param("mergedInto", c.mergedInto()).param("updatedAt", Times.sql(c.updatedAt()))
                .param("entityId", c.entityId()).param("id", c.id())
                .update();
    }

    void replaceEmails(UUID entityId, UUID contactId, List<String> emails) {
        jdbc.sql("delete from contact_emails where entity_id = :entityId and contact_id = :contactId")
                .param("entityId", entityId).param("contactId", contactId).update();
        insertEmails(entityId, contactId, emails, 0);
    }

    /** Gives these addresses (in this order, after the contact's own) to contact {@code to}. */
    void moveEmails(UUID entityId, List<String> emails, UUID to, int firstPosition) {
        for (int i = 0; i < emails.size(); i++) {
            jdbc.sql("""
                    update contact_emails set contact_id = :to, position = :position
                    where entity_id = :entityId and email = :email""")
                    .param("to", to).param("position", firstPosition + i).param("entityId", entityId)
                    .param("email", emails.get(i)).update();
        }
    }

    /** Organization deleted: its contacts stay, without it. */
    void clearOrganization(UUID entityId, UUID organizationId) {
        jdbc.sql("""
                update contacts set organization_id = null
                where entity_id = :entityId and organization_id = :organizationId""")
                .param("entityId", entityId).param("organizationId", organizationId).update();
    }

    /** The contacts merged into this one. */
    List<UUID> mergedInto(UUID entityId, UUID contactId) {
        return jdbc.sql("select id from contacts where entity_id = :entityId and merged_into = :contactId order by id")
                .param("entityId", entityId).param("contactId", contactId).query(UUID.class).list();
    }

    /** Removes the contact, its addresses and every merge record naming it. */
    void delete(UUID entityId, UUID contactId) {
        jdbc.sql("""
                delete from contact_merge_tickets where entity_id = :entityId and merge_id in (
                    select id from contact_merges where entity_id = :entityId
                    and (target_id = :contactId or source_id = :contactId))""")
                .param("entityId", entityId).param("contactId", contactId).update();
        jdbc.sql("""
                delete from contact_merges
                where entity_id = :entityId and (target_id = :contactId or source_id = :contactId)""")
                .param("entityId", entityId).param("contactId", contactId).update();
        jdbc.sql("delete from contact_emails where entity_id = :entityId and contact_id = :contactId")
                .param("entityId", entityId).param("contactId", contactId).update();
        jdbc.sql("delete from contacts where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", contactId).update();
    }

    // Merge records: what a merge moved, kept 30 days so that it can be undone exactly.

    record MergeRecord(UUID id, UUID targetId, UUID sourceId, List<String> emails, List<UUID> ticketIds,
                       UUID mergedBy, String mergedByName, Instant mergedAt) {
    }

    void insertMerge(UUID entityId, MergeRecord m) {
        jdbc.sql("""
                insert into contact_merges (entity_id, id, target_id, source_id, emails, merged_by, merged_by_name,
                    merged_at)
                values (:entityId, :id, :targetId, :sourceId, :emails, :mergedBy, :mergedByName, :mergedAt)""")
                .param("entityId", entityId).param("id", m.id()).param("targetId", m.targetId())
                .param("sourceId", m.sourceId()).param("emails", String.join("\n", m.emails()))
                .param("mergedBy", m.mergedBy()).param("mergedByName", m.mergedByName())
                .param("mergedAt", Times.sql(m.mergedAt()))
                .update();
        for (UUID ticketId : m.ticketIds()) {
            jdbc.sql("""
                    insert into contact_merge_tickets (entity_id, merge_id, ticket_id)
                    values (:entityId, :mergeId, :ticketId)""")
                    .param("entityId", entityId).param("mergeId", m.id()).param("ticketId", ticketId).update();
        }
    }

    /** The latest merge of {@code source} into {@code target} still on record. */
    Optional<MergeRecord> latestMerge(UUID entityId, UUID target, UUID source) {
        return jdbc.sql("""
                select id, target_id, source_id, emails, merged_by, merged_by_name, merged_at from contact_merges
                where entity_id = :entityId and target_id = :target and source_id = :source
                order by merged_at desc, id desc limit 1""")
                .param("entityId", entityId).param("target", target).param("source", source)
                .query((rs, n) -> new MergeRecord(rs.getObject("id", UUID.class), rs.getObject("target_id", UUID.class),
                        rs.getObject("source_id", UUID.class),
                        rs.getString("emails").isEmpty() ? List.of() : List.of(rs.getString("emails").split("\n")),
                        List.of(), rs.getObject("merged_by", UUID.class), rs.getString("merged_by_name"),
                        Times.read(rs, "merged_at")))
                .optional()
                .map(m -> new MergeRecord(m.id(), m.targetId(), m.sourceId(), m.emails(), mergeTickets(entityId, m.id()),
                        m.mergedBy(), m.mergedByName(), m.mergedAt()));
    }

    private List<UUID> mergeTickets(UUID entityId, UUID mergeId) {
        return jdbc.sql("select ticket_id from contact_merge_tickets where entity_id = :entityId and merge_id = :mergeId")
                .param("entityId", entityId).param("mergeId", mergeId).query(UUID.class).list();
    }

    /** The merges of this contact (as the target) still on record, newest first: the page offers to undo them. */
    List<MergeRecord> mergesInto(UUID entityId, UUID target) {
        return jdbc.sql("""
                select id, target_id, source_id, emails, merged_by, merged_by_name, merged_at from contact_merges
                where entity_id = :entityId and target_id = :target order by merged_at desc, id desc""")
                .param("entityId", entityId).param("target", target)
                .query((rs, n) -> new MergeRecord(rs.getObject("id", UUID.class), rs.getObject("target_id", UUID.class),
                        rs.getObject("source_id", UUID.class),
                        rs.getString("emails").isEmpty() ? List.of() : List.of(rs.getString("emails").split("\n")),
                        List.of(), rs.getObject("merged_by", UUID.class), rs.getString("merged_by_name"),
                        Times.read(rs, "merged_at")))
                .list();
    }

    void deleteMerges(UUID entityId, UUID target, UUID source) {
        jdbc.sql("""
                delete from contact_merge_tickets where entity_id = :entityId and merge_id in (
                    select id from contact_merges where entity_id = :entityId
                    and target_id = :target and source_id = :source)""")
                .param("entityId", entityId).param("target", target).param("source", source).update();
        jdbc.sql("""
                delete from contact_merges
                where entity_id = :entityId and target_id = :target and source_id = :source""")
                .param("entityId", entityId).param("target", target).param("source", source).update();
    }

    /** Drops the entity's merge records older than {@code before} (their tickets go by cascade). */
    int deleteMergesBefore(UUID entityId, Instant before) {
        return jdbc.sql("delete from contact_merges where entity_id = :entityId and merged_at < :before")
                .param("entityId", entityId).param("before", Times.sql(before)).update();
    }

    /** The tenants, in id order after {@code after}: the start-up backfill walks them one by one. */
    List<UUID> entitiesAfter(UUID after, int rows) {
        String keyset = after == null ? "" : " where id > :after";
        var sql = jdbc.sql("select id from entities" + keyset + " order by id limit :rows").param("rows", rows);
        if (after != null) {
            sql = sql.param("after", after);
        }
        return sql.query(UUID.class).list();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), rs.getObject("entity_id", UUID.class), rs.getString("name"),
                rs.getString("phone"), rs.getObject("organization_id", UUID.class),
                rs.getObject("merged_into", UUID.class), Times.read(rs, "created_at"), Times.read(rs, "updated_at"));
    }
}
