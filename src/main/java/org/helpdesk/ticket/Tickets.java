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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for tickets and their messages. Every statement is by entity. */
@Repository
class Tickets {
    private static final String COLUMNS = """
            id, entity_id, ticket_number, subject, description, status, priority, channel, contact_email,
            contact_name, category_id, created_by, assigned_to, created_at, updated_at, first_response_at,
            resolved_at, closed_at""";

    private final JdbcClient jdbc;
    private final boolean postgres;

    Tickets(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    void insert(Ticket t) {
        jdbc.sql("""
                insert into tickets (entity_id, id, ticket_number, subject, description, status, priority, channel,
                    contact_email, contact_name, category_id, created_by, assigned_to, created_at, updated_at,
                    first_response_at, resolved_at, closed_at)
                values (:entityId, :id, :number, :subject, :description, :status, :priority, :channel,
                    :contactEmail, :contactName, :categoryId, :createdBy, :assignedTo, :createdAt, :updatedAt,
                    :firstResponseAt, :resolvedAt, :closedAt)""")
                .param("entityId", t.entityId()).param("id", t.id()).param("number", t.number())
                .param("subject", t.subject()).param("description", t.description())
                .param("status", t.status().wire()).param("priority", t.priority().wire())
                .param("channel", t.channel().wire()).param("contactEmail", t.contactEmail())
                .param("contactName", t.contactName()).param("categoryId", t.categoryId())
                .param("createdBy", t.createdBy()).param("assignedTo", t.assignedTo())
                .param("createdAt", Times.sql(t.createdAt())).param("updatedAt", Times.sql(t.updatedAt()))
                .param("firstResponseAt", Times.sql(t.firstResponseAt()))
                .param("resolvedAt", Times.sql(t.resolvedAt())).param("closedAt", Times.sql(t.closedAt()))
                .update();
    }

    void update(Ticket t) {
        jdbc.sql("""
                update tickets set subject = :subject, description = :description, status = :status,
                    priority = :priority, channel = :channel, contact_email = :contactEmail,
                    contact_name = :contactName, category_id = :categoryId, assigned_to = :assignedTo,
                    updated_at = :updatedAt, first_response_at = :firstResponseAt, resolved_at = :resolvedAt,
                    closed_at = :closedAt
                where entity_id = :entityId and id = :id""")
                .param("subject", t.subject()).param("description", t.description())
                .param("status", t.status().wire()).param("priority", t.priority().wire())
                .param("channel", t.channel().wire()).param("contactEmail", t.contactEmail())
                .param("contactName", t.contactName()).param("categoryId", t.categoryId())
                .param("assignedTo", t.assignedTo()).param("updatedAt", Times.sql(t.updatedAt()))
                .param("firstResponseAt", Times.sql(t.firstResponseAt()))
                .param("resolvedAt", Times.sql(t.resolvedAt())).param("closedAt", Times.sql(t.closedAt()))
                .param("entityId", t.entityId()).param("id", t.id())
                .update();
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
        if (q.after() != null) {
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

    /** Sets how an emailed message's delivery went; false when there is no such message. */
    boolean updateDelivery(UUID entityId, UUID ticketId, UUID messageId, Delivery delivery) {
        return jdbc.sql("""
                update messages set delivery = :delivery
                where entity_id = :entityId and ticket_id = :ticketId and id = :id and delivery is not null""")
                .param("delivery", delivery.wire()).param("entityId", entityId).param("ticketId", ticketId)
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

    private static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(rs.getObject("id", UUID.class), rs.getObject("entity_id", UUID.class),
                rs.getLong("ticket_number"), rs.getString("subject"), rs.getString("description"),
                Priority.parse(rs.getString("priority"), "priority"), Channel.parse(rs.getString("channel"), "channel"),
                new Contact(rs.getString("contact_email"), rs.getString("contact_name")),
                new Assignment(rs.getObject("category_id", UUID.class), rs.getObject("assigned_to", UUID.class)),
                rs.getObject("created_by", UUID.class),
                new Lifecycle(TicketStatus.parse(rs.getString("status"), "status"), Times.read(rs, "created_at"),
                        Times.read(rs, "updated_at"), Times.read(rs, "first_response_at"),
                        Times.read(rs, "resolved_at"), Times.read(rs, "closed_at")));
    }
}
