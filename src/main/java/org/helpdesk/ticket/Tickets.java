package org.helpdesk.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.helpdesk.common.Databases;
import org.helpdesk.common.Times;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for tickets and their messages. Every statement is by entity. */
@Repository
class Tickets {
    /** The SLA state (API §11), written by {@link #updateSla}. */
    private static final String SLA_COLUMNS = """
            sla_policy_id, sla_first_response_due_at, sla_resolution_due_at, sla_first_response_breached_at,
            sla_resolution_breached_at, sla_paused_since, sla_stopped_since, sla_stopped_ms, sla_due_at,
            sla_breach_check_at, sla_breached""";
    private static final String COLUMNS = """
            id, entity_id, ticket_number, subject, description, status, priority, channel, contact_email,
            contact_name, category_id, created_by, assigned_to, created_at, updated_at, first_response_at,
            resolved_at, closed_at, contact_id, tags, merged_into, """ + SLA_COLUMNS;

    private final JdbcClient jdbc;
    /** For the statements sent as one JDBC batch (JdbcClient has none). */
    private final JdbcTemplate batch;
    private final boolean postgres;

    Tickets(JdbcClient jdbc, JdbcTemplate batch, DataSource dataSource) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.postgres = Databases.isPostgres(dataSource);
    }

    void insert(Ticket t) {
        jdbc.sql("""
                insert into tickets (entity_id, id, ticket_number, subject, description, status, priority, channel,
                    contact_email, contact_name, category_id, created_by, assigned_to, created_at, updated_at,
                    first_response_at, resolved_at, closed_at, contact_id, tags)
                values (:entityId, :id, :number, :subject, :description, :status, :priority, :channel,
                    :contactEmail, :contactName, :categoryId, :createdBy, :assignedTo, :createdAt, :updatedAt,
                    :firstResponseAt, :resolvedAt, :closedAt, :contactId, :tags)""")
                .param("contactId", t.contactId())
                .param("entityId", t.entityId()).param("id", t.id()).param("number", t.number())
                .param("subject", t.subject()).param("description", t.description())
                .param("status", t.status().wire()).param("priority", t.priority().wire())
                .param("channel", t.channel().wire()).param("contactEmail", t.contactEmail())
                .param("contactName", t.contactName()).param("categoryId", t.categoryId())
                .param("createdBy", t.createdBy()).param("assignedTo", t.assignedTo())
                .param("createdAt", Times.sql(t.createdAt())).param("updatedAt", Times.sql(t.updatedAt()))
                .param("firstResponseAt", Times.sql(t.firstResponseAt()))
                .param("resolvedAt", Times.sql(t.resolvedAt())).param("closedAt", Times.sql(t.closedAt()))
                .param("tags", Tags.joined(t.tags()))
                .update();
        insertTags(t.entityId(), t.id(), t.tags());
    }

    void update(Ticket t) {
        jdbc.sql("""
                update tickets set subject = :subject, description = :description, status = :status,
                    priority = :priority, channel = :channel, contact_email = :contactEmail,
                    contact_name = :contactName, category_id = :categoryId, assigned_to = :assignedTo,
                    updated_at = :updatedAt, first_response_at = :firstResponseAt, resolved_at = :resolvedAt,
                    closed_at = :closedAt, contact_id = :contactId, tags = :tags, merged_into = :mergedInto
                where entity_id = :entityId and id = :id""")
                .param("contactId", t.contactId())
                .param("subject", t.subject()).param("description", t.description())
                .param("status", t.status().wire()).param("priority", t.priority().wire())
                .param("channel", t.channel().wire()).param("contactEmail", t.contactEmail())
                .param("contactName", t.contactName()).param("categoryId", t.categoryId())
                .param("assignedTo", t.assignedTo()).param("updatedAt", Times.sql(t.updatedAt()))
                .param("firstResponseAt", Times.sql(t.firstResponseAt()))
                .param("resolvedAt", Times.sql(t.resolvedAt())).param("closedAt", Times.sql(t.closedAt()))
                .param("tags", Tags.joined(t.tags())).param("mergedInto", t.mergedInto())
                .param("entityId", t.entityId()).param("id", t.id())
                .update();
    }

    /*
     * Tags live twice: as the tickets.tags column (read with the ticket, no join on the list) and as one
     * ticket_tags row per tag, whose (entity_id, tag, ticket_id) index answers the tag=a,b filter without
     * reading the entity's other tickets. Both are written in the same transaction.
     */

    /** Brings the ticket_tags rows from {@code before}'s tags to {@code after}'s. */
    void updateTags(Ticket before, Ticket after) {
        List<String> gone = before.tags().stream().filter(t -> !after.tags().contains(t)).toList();
        List<String> added = after.tags().stream().filter(t -> !before.tags().contains(t)).toList();
        if (!gone.isEmpty()) {
            jdbc.sql("delete from ticket_tags where entity_id = :entityId and ticket_id = :ticketId and tag in (:tags)")
                    .param("entityId", after.entityId()).param("ticketId", after.id()).param("tags", gone).update();
        }
        insertTags(after.entityId(), after.id(), added);
    }

    private void insertTags(UUID entityId, UUID ticketId, List<String> tags) {
        for (String tag : tags) {
            jdbc.sql("insert into ticket_tags (entity_id, ticket_id, tag) values (:entityId, :ticketId, :tag)")
                    .param("entityId", entityId).param("ticketId", ticketId).param("tag", tag).update();
        }
    }

    /** The entity's tags in use, most used first (suggestions for the agents' tag field). */
    List<String> tagsInUse(UUID entityId, int limit) {
        return jdbc.sql("""
                select tag from ticket_tags where entity_id = :entityId
                group by tag order by count(*) desc, tag limit :limit""")
                .param("entityId", entityId).param("limit", limit).query(String.class).list();
    }

    /** These tickets, locked in id order (two merges over the same tickets cannot deadlock). */
    List<Ticket> lockAll(UUID entityId, java.util.Collection<UUID> ids) {
        return jdbc.sql("select " + COLUMNS
                        + " from tickets where entity_id = :entityId and id in (:ids) order by id for update")
                .param("entityId", entityId).param("ids", List.copyOf(ids)).query((rs, n) -> ticket(rs)).list();
    }

    /**
     * Moves every message of one ticket to another, keeping their times; how many moved. On PostgreSQL both
     * tickets' conversation words (search, migration V117) are computed again here rather than by a trigger: a row
     * trigger would recompute the source once per moved message.
     */
    int moveMessages(UUID entityId, UUID fromTicket, UUID toTicket) {
        int moved = jdbc.sql("""
                update messages set ticket_id = :toTicket where entity_id = :entityId and ticket_id = :fromTicket""")
                .param("toTicket", toTicket).param("entityId", entityId).param("fromTicket", fromTicket).update();
        if (postgres) {
            // read, then write the value: Citus runs no STABLE function on a column (or in COALESCE) in an UPDATE
            for (UUID ticket : List.of(fromTicket, toTicket)) {
                // the body of helpdesk_conversation_words (V117), written out: one tenant's rows, a router query
                String words = jdbc.sql("""
                        select coalesce(helpdesk_words_agg(w), '')::text from (
                            select search_tsv as w from messages where entity_id = :entityId and ticket_id = :id
                            union all
                            select helpdesk_search_words(filename) from attachments
                            where entity_id = :entityId and ticket_id = :id) words""")
                        .param("entityId", entityId).param("id", ticket).query(String.class).single();
                jdbc.sql("update tickets set conversation_words = cast(:words as tsvector) where entity_id = :entityId and id = :id")
                        .param("words", words).param("entityId", entityId).param("id", ticket).update();
            }
        }
        return moved;
    }

    /** The ticket a message is on now (a merge moves messages). */
    Optional<UUID> ticketOfMessage(UUID entityId, UUID messageId) {
        return jdbc.sql("select ticket_id from messages where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", messageId).query(UUID.class).optional();
    }

    Optional<Ticket> find(UUID entityId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from tickets where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query((rs, n) -> ticket(rs)).optional();
    }

    /** The ticket, locked until the transaction ends: changes to one ticket happen one after another. */
    Optional<Ticket> findForUpdate(UUID entityId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from tickets where entity_id = :entityId and id = :id for update")
                .param("entityId", entityId).param("id", id).query((rs, n) -> ticket(rs)).optional();
    }

    /**
     * One page of the list: keyset paging on (sort column, id), so a deep page costs what the first one does.
     * The SQL is assembled from fixed fragments only; every value is a bound parameter.
     */
    List<Ticket> list(TicketQuery q, int rows) {
        var params = new java.util.HashMap<String, Object>();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from tickets where ")
                .append(filters(q, params));
        String column = q.sort().column;
        String direction = q.sort().descending ? "desc" : "asc";
        if (q.after() != null && q.sort() == TicketQuery.Sort.SLA_DUE) {
            // tickets without a due time come last (NULLS LAST on both databases), ordered by id
            if (q.after().at() == null) {
                sql.append(" and sla_due_at is null and id > :afterId");
            } else {
                sql.append(" and (sla_due_at > :afterAt or (sla_due_at = :afterAt and id > :afterId)"
                        + " or sla_due_at is null)");
                params.put("afterAt", Times.sql(q.after().at()));
            }
            params.put("afterId", q.after().id());
        } else if (q.after() != null) {
            sql.append(" and (").append(column).append(", id) ").append(q.sort().descending ? "<" : ">")
                    .append(" (:afterAt, :afterId)");
            params.put("afterAt", Times.sql(q.after().at()));
            params.put("afterId", q.after().id());
        }
        sql.append(" order by ").append(column).append(' ').append(direction).append(", id ").append(direction)
                .append(" limit :rows");
        params.put("rows", rows);
        if (postgres && q.search() != null) {
            // The JDBC driver turns a statement run often into a server-side prepared statement, and PostgreSQL
            // then plans it once for all search terms ("generic plan"). No single plan fits: a common term is
            // found fastest walking the created_at index, a rare one only through the trigram index (the walk
            // reads every ticket of the entity: 0.6 s at 1M tickets). So plan each search for its own term.
            // Runs inside list()'s transaction; SET LOCAL ends with it.
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        }
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> ticket(rs)).list();
    }

    /**
     * How many tickets match the query's filters (paging aside), counting no further than {@code cap}: the
     * counts of the agents' views stay cheap at millions of tickets.
     */
    long count(TicketQuery q, long cap) {
        var params = new java.util.HashMap<String, Object>();
        String where = filters(q, params);
        params.put("cap", cap);
        return jdbc.sql("select count(*) from (select 1 from tickets where " + where + " limit :cap) matching")
                .params(params).query(Long.class).single();
    }

    /** The WHERE of the list's filters, from fixed fragments; every value is a bound parameter. */
    private static String filters(TicketQuery q, java.util.Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("entity_id = :entityId");
        params.put("entityId", q.entityId());
        if (!q.statuses().isEmpty()) {
            sql.append(" and status in (:statuses)");
            params.put("statuses", q.statuses().stream().map(TicketStatus::wire).toList());
        }
        if (!q.priorities().isEmpty()) {
            sql.append(" and priority in (:priorities)");
            params.put("priorities", q.priorities().stream().map(Priority::wire).toList());
        }
        if (!q.channels().isEmpty()) {
            sql.append(" and channel in (:channels)");
            params.put("channels", q.channels().stream().map(Channel::wire).toList());
        }
        if (TicketQuery.UNASSIGNED.equals(q.assignedTo())) {
            sql.append(" and assigned_to is null");
        } else if (q.assignedTo() != null) {
            sql.append(" and assigned_to = :assignedTo");
            params.put("assignedTo", q.assignedTo());
        }
        if (q.categoryId() != null) {
            sql.append(" and category_id = :categoryId");
            params.put("categoryId", q.categoryId());
        }
        if (q.updatedSince() != null) {
            sql.append(" and updated_at >= :updatedSince");
            params.put("updatedSince", Times.sql(q.updatedSince()));
        }
        if (q.sla() == TicketQuery.SlaFilter.BREACHED) {
            sql.append(" and sla_breached = true");
        } else if (q.sla() == TicketQuery.SlaFilter.DUE) {
            sql.append(" and sla_due_at is not null");
        }
        if (q.slaDueBefore() != null) {
            sql.append(" and sla_due_at < :slaDueBefore");
            params.put("slaDueBefore", Times.sql(q.slaDueBefore()));
        }
        int tagIndex = 0;
        for (String tag : q.tags()) {
            // one semi-join per tag on ticket_tags (entity_id, tag, ticket_id): tickets holding all of them
            String name = "tag" + tagIndex++;
            sql.append(" and id in (select ticket_id from ticket_tags where entity_id = :entityId and tag = :")
                    .append(name).append(')');
            params.put(name, tag);
        }
        if (q.search() != null) {
            params.put("pattern", q.likePattern());
            if (q.searchNumber() != null) {
                sql.append(" and (subject ilike :pattern escape '\\' or ticket_number = :number)");
                params.put("number", q.searchNumber());
            } else {
                sql.append(" and subject ilike :pattern escape '\\'");
            }
        }
        return sql.toString();
    }

    void insertMessage(UUID entityId, Message m) {
        jdbc.sql("""
                insert into messages (entity_id, id, ticket_id, author_type, author_id, author_name, body,
                    is_internal, channel, delivery, created_at, from_address)
                values (:entityId, :id, :ticketId, :authorType, :authorId, :authorName, :body, :internal, :channel,
                    :delivery, :createdAt, :fromAddress)""")
                .param("entityId", entityId).param("id", m.id()).param("ticketId", m.ticketId())
                .param("authorType", m.authorType().wire()).param("authorId", m.authorId())
                .param("authorName", m.authorName()).param("body", m.body()).param("internal", m.isInternal())
                .param("channel", m.channel().wire())
                .param("delivery", m.delivery() == null ? null : m.delivery().wire())
                .param("createdAt", Times.sql(m.createdAt())).param("fromAddress", m.fromAddress())
                .update();
    }

    /** The conversation, oldest first. */
    List<Message> messages(UUID entityId, UUID ticketId) {
        return jdbc.sql("""
                select id, ticket_id, author_type, author_id, author_name, body, is_internal, channel, delivery,
                    created_at, from_address
                from messages where entity_id = :entityId and ticket_id = :ticketId order by created_at, id""")
                .param("entityId", entityId).param("ticketId", ticketId)
                .query((rs, n) -> new Message(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                        AuthorType.parse(rs.getString("author_type"), "authorType"),
                        rs.getObject("author_id", UUID.class), rs.getString("author_name"), rs.getString("body"),
                        rs.getBoolean("is_internal"), Channel.parse(rs.getString("channel"), "channel"),
                        rs.getString("delivery") == null ? null : Delivery.parse(rs.getString("delivery"), "delivery"),
                        Times.read(rs, "created_at"), rs.getString("from_address")))
                .list();
    }

    /** Sets how an emailed message's delivery went; false when there is no such message. The message is found
     * by its id alone: a merge may have moved it to another ticket since it was queued. */
    boolean updateDelivery(UUID entityId, UUID ticketId, UUID messageId, Delivery delivery) {
        return jdbc.sql("""
                update messages set delivery = :delivery
                where entity_id = :entityId and id = :id and delivery is not null""")
                .param("delivery", delivery.wire()).param("entityId", entityId)
                .param("id", messageId).update() == 1;
    }

    boolean exists(UUID entityId, UUID id) {
        return jdbc.sql("select count(*) from tickets where entity_id = :entityId and id = :id")
                .param("entityId", entityId).param("id", id).query(Long.class).single() > 0;
    }

    Optional<Ticket> findByNumber(UUID entityId, long number) {
        return jdbc.sql("select " + COLUMNS + " from tickets where entity_id = :entityId and ticket_number = :number")
                .param("entityId", entityId).param("number", number).query((rs, n) -> ticket(rs)).optional();
    }

    /** The tickets a member holds, locked: removing the member unassigns each, with its history entry. */
    List<Ticket> lockAssignedTo(UUID entityId, UUID userId) {
        return jdbc.sql("select " + COLUMNS
                        + " from tickets where entity_id = :entityId and assigned_to = :userId order by id for update")
                .param("entityId", entityId).param("userId", userId).query((rs, n) -> ticket(rs)).list();
    }

    /** The tickets of a category, locked: deleting the category takes each out of it, with its history entry. */
    List<Ticket> lockInCategory(UUID entityId, UUID categoryId) {
        return jdbc.sql("select " + COLUMNS
                        + " from tickets where entity_id = :entityId and category_id = :categoryId order by id for update")
                .param("entityId", entityId).param("categoryId", categoryId).query((rs, n) -> ticket(rs)).list();
    }

    /** A page of the contact's tickets, newest first, after the cursor's ticket (keyset on created_at, id). */
    List<Ticket> listByContact(UUID entityId, UUID contactId, ContactTicketsCursor after, int rows) {
        String keyset = after == null ? "" : " and (created_at, id) < (:afterAt, :afterId)";
        var sql = jdbc.sql("select " + COLUMNS + " from tickets where entity_id = :entityId and contact_id = :contactId"
                        + keyset + " order by created_at desc, id desc limit :rows")
                .param("entityId", entityId).param("contactId", contactId).param("rows", rows);
        if (after != null) {
            sql = sql.param("afterAt", Times.sql(after.at())).param("afterId", after.id());
        }
        return sql.query((rs, n) -> ticket(rs)).list();
    }

    /** The contact's tickets, locked: a merge, unmerge or erasure changes each with its history entry. */
    List<Ticket> lockByContact(UUID entityId, UUID contactId) {
        return jdbc.sql("select " + COLUMNS
                        + " from tickets where entity_id = :entityId and contact_id = :contactId order by id for update")
                .param("entityId", entityId).param("contactId", contactId).query((rs, n) -> ticket(rs)).list();
    }

    /** Erasure: the contact's messages on the ticket keep their text but no longer name the contact. */
    void eraseContactAuthor(UUID entityId, UUID ticketId, String name) {
        jdbc.sql("""
                update messages set author_name = :name
                where entity_id = :entityId and ticket_id = :ticketId and author_type = 'contact'""")
                .param("name", name).param("entityId", entityId).param("ticketId", ticketId).update();
    }

    /**
     * PostgreSQL: the indexes for contacts (a contact's tickets; the tickets still to link), built CONCURRENTLY so
     * tickets stay writable while millions of rows are indexed. Runs outside any transaction (autocommit), as a
     * concurrent build must; a no-op once they exist. H2 has the first from Flyway V82 and needs no second.
     */
    void ensureContactIndexes() {
        if (!postgres) {
            return;
        }
        jdbc.sql("""
                create index concurrently if not exists tickets_contact_created_idx
                on tickets (entity_id, contact_id, created_at, id)""").update();
        jdbc.sql("""
                create index concurrently if not exists tickets_contact_unlinked_idx on tickets (entity_id, id)
                where contact_id is null and contact_email is not null""").update();
    }

    /** A ticket that has an address but no contact yet. */
    record Unlinked(UUID id, String email, String name) {
    }

    /** Up to {@code rows} tickets of the entity with an address and no contact, in id order after {@code after}. */
    List<Unlinked> unlinked(UUID entityId, UUID after, int rows) {
        String keyset = after == null ? "" : " and id > :after";
        var sql = jdbc.sql("""
                select id, contact_email, contact_name from tickets
                where entity_id = :entityId and contact_id is null and contact_email is not null""" + keyset
                        + " order by id limit :rows")
                .param("entityId", entityId).param("rows", rows);
        if (after != null) {
            sql = sql.param("after", after);
        }
        return sql.query((rs, n) -> new Unlinked(rs.getObject("id", UUID.class), rs.getString("contact_email"),
                rs.getString("contact_name"))).list();
    }

    /** Links each ticket to its contact (only tickets still without one: a concurrent change wins). */
    void setContacts(UUID entityId, java.util.Map<UUID, UUID> contactByTicket) {
        // one JDBC batch: a round trip for the lot, not one per ticket
        batch.batchUpdate("""
                        update tickets set contact_id = ?
                        where entity_id = ? and id = ? and contact_id is null and contact_email is not null""",
                contactByTicket.entrySet().stream()
                        .map(e -> new Object[] {e.getValue(), entityId, e.getKey()}).toList());
    }

    private static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(rs.getObject("id", UUID.class), rs.getObject("entity_id", UUID.class),
                rs.getLong("ticket_number"), rs.getString("subject"), rs.getString("description"),
                Priority.parse(rs.getString("priority"), "priority"), Channel.parse(rs.getString("channel"), "channel"),
                new Contact(rs.getString("contact_email"), rs.getString("contact_name"),
                        rs.getObject("contact_id", UUID.class)),
                new Assignment(rs.getObject("category_id", UUID.class), rs.getObject("assigned_to", UUID.class)),
                rs.getObject("created_by", UUID.class),
                new Lifecycle(TicketStatus.parse(rs.getString("status"), "status"), Times.read(rs, "created_at"),
                        Times.read(rs, "updated_at"), Times.read(rs, "first_response_at"),
                        Times.read(rs, "resolved_at"), Times.read(rs, "closed_at")),
                Tags.split(rs.getString("tags")), rs.getObject("merged_into", UUID.class), sla(rs));
    }

    private static TicketSla sla(ResultSet rs) throws SQLException {
        UUID policy = rs.getObject("sla_policy_id", UUID.class);
        if (policy == null) {
            return null;
        }
        return new TicketSla(policy, Times.read(rs, "sla_first_response_due_at"), Times.read(rs, "sla_resolution_due_at"),
                Times.read(rs, "sla_first_response_breached_at"), Times.read(rs, "sla_resolution_breached_at"),
                Times.read(rs, "sla_paused_since"), Times.read(rs, "sla_stopped_since"), rs.getLong("sla_stopped_ms"),
                Times.read(rs, "sla_due_at"), Times.read(rs, "sla_breach_check_at"), rs.getBoolean("sla_breached"));
    }

    /** Writes the ticket's SLA state (all of it; {@code null} clears it). */
    void updateSla(Ticket t) {
        TicketSla s = t.sla();
        jdbc.sql("""
                update tickets set sla_policy_id = :policy, sla_first_response_due_at = :frDue,
                    sla_resolution_due_at = :resDue, sla_first_response_breached_at = :frBreached,
                    sla_resolution_breached_at = :resBreached, sla_paused_since = :paused,
                    sla_stopped_since = :stopped, sla_stopped_ms = :stoppedMs, sla_due_at = :due,
                    sla_breach_check_at = :check, sla_breached = :breached
                where entity_id = :entityId and id = :id""")
                .param("policy", s == null ? null : s.policyId())
                .param("frDue", Times.sql(s == null ? null : s.firstResponseDueAt()))
                .param("resDue", Times.sql(s == null ? null : s.resolutionDueAt()))
                .param("frBreached", Times.sql(s == null ? null : s.firstResponseBreachedAt()))
                .param("resBreached", Times.sql(s == null ? null : s.resolutionBreachedAt()))
                .param("paused", Times.sql(s == null ? null : s.pausedSince()))
                .param("stopped", Times.sql(s == null ? null : s.stoppedSince()))
                .param("stoppedMs", s == null ? 0L : s.stoppedMillis())
                .param("due", Times.sql(s == null ? null : s.dueAt()))
                .param("check", Times.sql(s == null ? null : s.breachCheckAt()))
                .param("breached", s != null && s.breached())
                .param("entityId", t.entityId()).param("id", t.id())
                .update();
    }

    /**
     * The claim of a breach: sets the first-response (or resolution) breach only where none is recorded yet, so
     * of several nodes sweeping at once exactly one records it. True when this call set it.
     */
    boolean claimSlaBreach(UUID entityId, UUID id, boolean firstResponse, Instant at) {
        String sql = firstResponse
                ? """
                update tickets set sla_first_response_breached_at = :at
                where entity_id = :entityId and id = :id and sla_first_response_breached_at is null"""
                : """
                update tickets set sla_resolution_breached_at = :at
                where entity_id = :entityId and id = :id and sla_resolution_breached_at is null""";
        return jdbc.sql(sql).param("at", Times.sql(at)).param("entityId", entityId).param("id", id).update() == 1;
    }

    /** A ticket found by the breach sweep. */
    record SlaCandidate(UUID entityId, UUID id, Instant checkAt) {
    }

    /**
     * Tickets of any entity with an unmet, unbreached due time at or before {@code now}, earliest first: a range
     * of the sla_breach_check_at index, never a scan.
     */
    List<SlaCandidate> slaBreachCandidates(Instant now, int limit) {
        return jdbc.sql("""
                select entity_id, id, sla_breach_check_at from tickets where sla_breach_check_at <= :now
                order by sla_breach_check_at limit :limit""")
                .param("now", Times.sql(now)).param("limit", limit)
                .query((rs, n) -> new SlaCandidate(rs.getObject("entity_id", UUID.class), rs.getObject("id", UUID.class),
                        Times.read(rs, "sla_breach_check_at")))
                .list();
    }
}
