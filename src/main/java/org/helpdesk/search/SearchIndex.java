package org.helpdesk.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.helpdesk.common.Databases;
import org.helpdesk.common.Times;
import org.helpdesk.search.SearchQuery.AnyOf;
import org.helpdesk.search.SearchQuery.Kind;
import org.helpdesk.search.SearchQuery.Term;
import org.helpdesk.search.SearchRequest.Sort;
import org.helpdesk.ticket.Assignment;
import org.helpdesk.ticket.Channel;
import org.helpdesk.ticket.Contact;
import org.helpdesk.ticket.Lifecycle;
import org.helpdesk.ticket.Priority;
import org.helpdesk.ticket.Ticket;
import org.helpdesk.ticket.TicketStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The search statements. They read the ticket module's tables ({@code tickets}, {@code messages}) and never write
 * them: a search is one statement over the rows and their full-text columns (PostgreSQL: the generated
 * {@code search_tsv} columns with GIN indexes, migration V70; H2: {@code helpdesk_search_text} and LIKE on word
 * starts), so a change is searchable as soon as its transaction commits. Going through the ticket use cases
 * instead would mean loading every candidate ticket and message into the application.
 *
 * <p>The SQL is assembled from fixed fragments; every value (words, filter values, cursor) is a bound parameter,
 * and every subquery is bound to the entity.
 */
@Repository
class SearchIndex {
    private static final String COLUMNS = """
            id, entity_id, ticket_number, subject, description, status, priority, channel, contact_email,
            contact_name, category_id, created_by, assigned_to, created_at, updated_at, first_response_at,
            resolved_at, closed_at""";
    private static final String T_COLUMNS = COLUMNS.lines().map(String::strip)
            .flatMap(line -> java.util.Arrays.stream(line.split(",")))
            .map(String::strip).filter(c -> !c.isEmpty()).map(c -> "t." + c).collect(Collectors.joining(", "));

    /** Where the previous page ended. */
    record After(long score, Instant updatedAt, UUID id) {
    }

    /** A ticket that matched, with its score. */
    record Found(Ticket ticket, long score) {
    }

    /** A message of a found ticket that a term matched. */
    record FoundMessage(UUID id, UUID ticketId, boolean internal, String body) {
    }

    /** A file (API §8) of a found ticket whose name a term matched; {@code messageId} null for the description's. */
    record FoundAttachment(UUID ticketId, UUID messageId, String filename) {
    }

    private final JdbcClient jdbc;
    private final boolean postgres;

    SearchIndex(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.postgres = Databases.isPostgres(dataSource);
    }

    /** How many of the newest tickets a {@code -updatedAt} word search reads before it asks the indexes. */
    static final int NEWEST_FIRST_WALK = 2000;

    /** One page of hits, best first. The filters' conditions and parameters come from {@link SearchFilters}. */
    List<Found> search(UUID entityId, SearchQuery query, List<String> filters, Map<String, Object> params, Sort sort,
                       After after, int rows) {
        planForThisSearch();
        if (postgres && sort == Sort.RELEVANCE && !query.positiveTerms().isEmpty()) {
            return byTier(entityId, query, filters, params, after, rows);
        }
        return newestOrAll(entityId, query, filters, params, sort, after, rows, Tier.ALL);
    }

    /**
     * Which matches a statement returns: all of them, those a word of the query scores in the ticket's own fields
     * (subject, description, contact, number: a score above 1), or those it finds only in the conversation (a
     * score of exactly 1).
     */
    private enum Tier { ALL, OWN_FIELDS, CONVERSATION_ONLY }

    /**
     * Relevance order on PostgreSQL, in two tiers. The score only counts where a word is in the ticket's own
     * fields, so every match found only in its conversation has the lowest score, 1, and among those the order is
     * newest first. The tickets that score higher are looked up through the ticket's own words (short texts, few
     * matches), scored and sorted; the rest is read newest first, bounded as for {@code -updatedAt}. A common word
     * in a fifth of all conversations therefore no longer means scoring every one of them: the order is the same
     * as scoring all matches at once ({@link Tier#ALL}, H2).
     */
    private List<Found> byTier(UUID entityId, SearchQuery query, List<String> filters, Map<String, Object> params,
                               After after, int rows) {
        List<Found> found = new ArrayList<>();
        After conversationAfter = after;
        if (after == null || after.score() > 1) {
            found.addAll(run(statement(entityId, query, filters, new HashMap<>(params), Sort.RELEVANCE, after, rows,
                    false, Tier.OWN_FIELDS)));
            if (found.size() == rows) {
                return found;
            }
            conversationAfter = null;
        }
        found.addAll(newestOrAll(entityId, query, filters, params, Sort.UPDATED_DESC, conversationAfter,
                rows - found.size(), Tier.CONVERSATION_ONLY));
        return found;
    }

    private List<Found> newestOrAll(UUID entityId, SearchQuery query, List<String> filters, Map<String, Object> params,
                                    Sort sort, After after, int rows, Tier tier) {
        if (postgres && sort == Sort.UPDATED_DESC && !query.positiveTerms().isEmpty()) {
            // Newest first, words: a common word fills the page from the newest few hundred tickets, a rare one
            // is best found through the GIN indexes and sorted. PostgreSQL cannot tell the two apart (below half
            // a percent of rows a word's estimate is a fixed floor), so both are tried: the newest tickets first,
            // bounded, and the indexes only when those did not fill the page. Either way the page is exact.
            List<Found> newest = run(statement(entityId, query, filters, new HashMap<>(params), sort, after, rows,
                    true, tier));
            if (newest.size() == rows) {
                return newest;
            }
        }
        return run(statement(entityId, query, filters, new HashMap<>(params), sort, after, rows, false, tier));
    }

    private List<Found> run(Statement statement) {
        return jdbc.sql(statement.sql()).params(statement.params())
                .query((rs, n) -> new Found(ticket(rs), rs.getLong("score"))).list();
    }

    private record Statement(String sql, Map<String, Object> params) {
    }

    /** The plan PostgreSQL chooses for a search (tests check that the GIN indexes are used). */
    List<String> explain(UUID entityId, SearchQuery query, List<String> filters, Map<String, Object> params, Sort sort,
                         After after, int rows) {
        List<Statement> statements = new ArrayList<>();
        if (postgres && sort == Sort.RELEVANCE && !query.positiveTerms().isEmpty()) {
            // the two tiers' statements (byTier), the second as run when the newest tickets did not fill the page
            statements.add(statement(entityId, query, filters, new HashMap<>(params), sort, after, rows, false,
                    Tier.OWN_FIELDS));
            statements.add(statement(entityId, query, filters, new HashMap<>(params), Sort.UPDATED_DESC, null, rows,
                    false, Tier.CONVERSATION_ONLY));
        } else {
            statements.add(statement(entityId, query, filters, new HashMap<>(params), sort, after, rows, false,
                    Tier.ALL));
        }
        planForThisSearch();
        List<String> plan = new ArrayList<>();
        for (Statement statement : statements) {
            plan.addAll(jdbc.sql("explain " + statement.sql()).params(statement.params())
                    .query((rs, n) -> rs.getString(1)).list());
        }
        return plan;
    }

    /**
     * PostgreSQL settings for the search statements, for the rest of the (read-only) transaction. Plan each search
     * for its own words: a rare word is best found through the GIN index, a filter-only query through the
     * (entity_id, updated_at) index; one generic plan for all would fit neither. And price a page read as what it
     * is on SSDs with the index and tables mostly cached (random_page_cost 1.1 instead of the default 4, which
     * models spinning disks): with 4, a table of a few thousand tickets is read whole rather than through the GIN
     * index, and the planner keeps doing so far beyond the point where it stops paying off.
     */
    private void planForThisSearch() {
        if (postgres) {
            jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
            jdbc.sql("set local random_page_cost = 1.1").update();
            // a common word's bitmap over a large entity: exact (one entry per row) instead of lossy (a page each,
            // every row of the page checked again), which the default 4 MB turns it into past ~100,000 pages
            jdbc.sql("set local work_mem = '16MB'").update();
        }
    }

    /**
     * The search statement; {@code newestWalk}: only over the entity's {@link #NEWEST_FIRST_WALK} newest tickets
     * (after the cursor), for a {@code -updatedAt} page.
     */
    private Statement statement(UUID entityId, SearchQuery query, List<String> filters, Map<String, Object> p,
                                Sort sort, After after, int rows, boolean newestWalk, Tier tier) {
        p.put("entityId", entityId);
        p.put("rows", rows);
        StringBuilder where = new StringBuilder();
        int[] counter = {0};
        for (AnyOf group : query.required()) {
            where.append(postgres ? " and (" + onTicketRow(group.terms(), p, counter, true) + ")"
                    : " and t.id in (" + union(group.terms(), p, counter) + ")");
        }
        for (Term excluded : query.excluded()) {
            where.append(postgres ? " and not (" + onTicketRow(List.of(excluded), p, counter, true) + ")"
                    : " and t.id not in (" + union(List.of(excluded), p, counter) + ")");
        }
        for (String filter : filters) {
            where.append(" and ").append(filter);
        }
        StringBuilder score = new StringBuilder("1");
        for (Term term : query.positiveTerms()) {
            score.append(" + ").append(score(term, p, counter));
        }
        if (tier == Tier.OWN_FIELDS) {
            // a superset of the tickets that score above 1, found through the ticket's own words; the score
            // itself decides (below)
            where.append(" and (").append(onTicketRow(query.positiveTerms(), p, counter, false)).append(")");
        } else if (tier == Tier.CONVERSATION_ONLY) {
            where.append(" and (").append(score).append(") = 1");
        }
        // without words every score is the same: relevance order is the -updatedAt order, and the plain form lets
        // PostgreSQL walk the (entity_id, updated_at, id) index instead of sorting every match
        if (sort == Sort.UPDATED_DESC || query.positiveTerms().isEmpty()) {
            String before = "";
            if (after != null) {
                before = " and (updated_at, id) < (:afterAt, :afterId)";
                p.put("afterAt", Times.sql(after.updatedAt()));
                p.put("afterId", after.id());
            }
            String from = "tickets t";
            if (newestWalk) {
                from = "(select * from tickets where entity_id = :entityId" + before
                        + " order by updated_at desc, id desc limit :walk) t";
                p.put("walk", NEWEST_FIRST_WALK);
            }
            String select = "select " + T_COLUMNS + ", " + score + " as score from " + from
                    + " where t.entity_id = :entityId" + where + before.replace("(updated_at, id)", "(t.updated_at, t.id)");
            if (postgres && !newestWalk && !query.positiveTerms().isEmpty()) {
                // after the bounded walk found too few: every match through the indexes, then sorted ("offset 0"
                // keeps the planner from walking the whole entity's index on a rare word's floor estimate)
                return new Statement("select * from (" + select + " offset 0) hits"
                        + " order by updated_at desc, id desc limit :rows", p);
            }
            return new Statement(select + " order by t.updated_at desc, t.id desc limit :rows", p);
        }
        String inner = "select " + T_COLUMNS + ", " + score + " as score from tickets t where t.entity_id = :entityId"
                + where;
        StringBuilder sql = new StringBuilder("select " + COLUMNS + ", score from (" + inner + ") hits where "
                + (tier == Tier.OWN_FIELDS ? "score > 1" : "true"));
        if (after != null) {
            sql.append(" and (score < :afterScore or (score = :afterScore and (updated_at, id) < (:afterAt, :afterId)))");
            p.put("afterScore", after.score());
            p.put("afterAt", Times.sql(after.updatedAt()));
            p.put("afterId", after.id());
        }
        return new Statement(sql.append(" order by score desc, updated_at desc, id desc limit :rows").toString(), p);
    }

    /**
     * PostgreSQL: whether any of the terms matches the ticket row {@code t}, decided on the row itself. A word is
     * looked up in the ticket's own words ({@code search_tsv}) and its conversation's words ({@code
     * conversation_words}: every message body and attached file name, migration V117), both GIN-indexed, so a
     * common word costs an index lookup on tickets instead of collecting the ids of every message that has it. A
     * phrase is found by its words the same way; its order is then checked on the ticket's fields and, through the
     * (entity_id, ticket_id) index, on the messages and file names of that ticket only.
     */
    private String onTicketRow(List<Term> terms, Map<String, Object> p, int[] counter, boolean withConversation) {
        List<String> any = new ArrayList<>();
        for (Term term : terms) {
            int i = counter[0]++;
            p.put("q" + i, tsquery(term, ""));
            String own = "t.search_tsv @@ to_tsquery('simple', :q" + i + ")";
            String conversation = "t.conversation_words @@ to_tsquery('simple', :q" + i + ")";
            if (term.prefix()) {
                any.add(own);
                if (withConversation) {
                    any.add(conversation);
                }
            } else {
                p.put("l" + i, like(term));
                String l = " like :l" + i;
                // an address matches the contact's address only when equal (below), not inside a longer one
                any.add(own + " and (" + inTicketFields(term, "t.", ":l" + i) + ")");
                // "offset 0" keeps each check to the candidate's own rows: without it PostgreSQL may instead hash
                // the phrase's matches over every message of the entity (the text function looks cheap to it)
                if (withConversation) {
                    any.add(conversation + " and (exists (select 1 from messages m where m.entity_id = :entityId"
                            + " and m.ticket_id = t.id and helpdesk_search_text(m.body)" + l + " offset 0)"
                            + " or exists (select 1 from attachments a where a.entity_id = :entityId"
                            + " and a.ticket_id = t.id and helpdesk_search_text(a.filename)" + l + " offset 0))");
                }
            }
            if (term.kind() == Kind.EMAIL) {
                p.put("e" + i, term.email());
                any.add("lower(t.contact_email) = :e" + i);
            }
            if (term.kind() == Kind.TICKET_NUMBER) {
                p.put("n" + i, term.ticketNumber());
                any.add("t.ticket_number = :n" + i);
            }
        }
        return any.stream().map(c -> "(" + c + ")").collect(Collectors.joining(" or "));
    }

    /**
     * H2: the ids of the tickets any of the terms matches: in a ticket field, in a message, in a file name, or as
     * number/address.
     */
    private String union(List<Term> terms, Map<String, Object> p, int[] counter) {
        List<String> parts = new ArrayList<>();
        for (Term term : terms) {
            int i = counter[0]++;
            p.put("l" + i, like(term));
            String inTicket = "(" + inTicketFields(term, "", ":l" + i) + ")";
            String inMessage = "helpdesk_search_text(body) like :l" + i;
            parts.add("select id from tickets where entity_id = :entityId and " + inTicket);
            parts.add("select ticket_id from messages where entity_id = :entityId and " + inMessage);
            // a file's name (API §8): files not yet on a ticket (uploads) have no ticket_id and find nothing
            parts.add("select ticket_id from attachments where entity_id = :entityId and ticket_id is not null"
                    + " and helpdesk_search_text(filename) like :l" + i);
            if (term.kind() == Kind.EMAIL) {
                p.put("e" + i, term.email());
                parts.add("select id from tickets where entity_id = :entityId and lower(contact_email) = :e" + i);
            }
            if (term.kind() == Kind.TICKET_NUMBER) {
                p.put("n" + i, term.ticketNumber());
                parts.add("select id from tickets where entity_id = :entityId and ticket_number = :n" + i);
            }
        }
        return String.join(" union ", parts);
    }

    /**
     * What a term adds to the score of a ticket: 4 when it is in the subject, 2 in the description, 1 in the
     * contact (a hit found only in messages keeps the base score of 1), 8 for the ticket its number names.
     */
    private String score(Term term, Map<String, Object> p, int[] counter) {
        int i = counter[0]++;
        StringBuilder s = new StringBuilder("(");
        if (postgres && term.prefix()) {
            p.put("a" + i, tsquery(term, "A"));
            p.put("b" + i, tsquery(term, "B"));
            p.put("c" + i, tsquery(term, "C"));
            s.append("case when t.search_tsv @@ to_tsquery('simple', :a").append(i).append(") then 4 else 0 end")
                    .append(" + case when t.search_tsv @@ to_tsquery('simple', :b").append(i).append(") then 2 else 0 end")
                    .append(" + case when t.search_tsv @@ to_tsquery('simple', :c").append(i).append(") then 1 else 0 end");
        } else {
            p.put("l" + i, like(term));
            s.append("case when helpdesk_search_text(t.subject) like :l").append(i).append(" then 4 else 0 end")
                    .append(" + case when helpdesk_search_text(t.description) like :l").append(i)
                    .append(" then 2 else 0 end");
            if (term.kind() == Kind.EMAIL) {
                p.put("e" + i, term.email());
                s.append(" + case when lower(t.contact_email) = :e").append(i).append(" then 1 else 0 end");
            } else {
                s.append(" + case when helpdesk_search_text(t.contact_email) like :l").append(i)
                        .append(" or helpdesk_search_text(t.contact_name) like :l").append(i).append(" then 1 else 0 end");
            }
        }
        if (term.kind() == Kind.TICKET_NUMBER) {
            p.put("n" + i, term.ticketNumber());
            s.append(" + case when t.ticket_number = :n").append(i).append(" then 8 else 0 end");
        }
        return s.append(')').toString();
    }

    /** The parameters every read of the found tickets' rows starts from; the terms add theirs. */
    private static Map<String, Object> ofTickets(UUID entityId, List<UUID> ticketIds) {
        Map<String, Object> p = new HashMap<>();
        p.put("entityId", entityId);
        p.put("ticketIds", ticketIds);
        return p;
    }

    /**
     * The newest matching messages (up to three per ticket) of the found tickets, for their snippets.
     */
    List<FoundMessage> messages(UUID entityId, List<UUID> ticketIds, List<Term> terms) {
        if (ticketIds.isEmpty() || terms.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = ofTickets(entityId, ticketIds);
        List<String> any = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            Term term = terms.get(i);
            p.put("l" + i, like(term));
            String text = "helpdesk_search_text(m.body) like :l" + i;
            if (postgres) {
                p.put("q" + i, tsquery(term, ""));
                String ts = "m.search_tsv @@ to_tsquery('simple', :q" + i + ")";
                text = term.prefix() ? ts : ts + " and " + text;
            }
            any.add("(" + text + ")");
        }
        String sql = """
                select id, ticket_id, is_internal, body from (
                    select m.id, m.ticket_id, m.is_internal, m.body,
                        row_number() over (partition by m.ticket_id order by m.created_at desc, m.id desc) as rn
                    from messages m where m.entity_id = :entityId and m.ticket_id in (:ticketIds) and (""";
        sql += String.join(" or ", any) + ")) found where rn <= 3";
        planForThisSearch();
        return jdbc.sql(sql).params(p)
                .query((rs, n) -> new FoundMessage(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
                        rs.getBoolean("is_internal"), rs.getString("body")))
                .list();
    }

    /** The files of the found tickets whose names the terms match, in the order they were added. */
    List<FoundAttachment> attachments(UUID entityId, List<UUID> ticketIds, List<Term> terms) {
        if (ticketIds.isEmpty() || terms.isEmpty()) {
            return List.of();
        }
        Map<String, Object> p = ofTickets(entityId, ticketIds);
        List<String> any = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            p.put("l" + i, like(terms.get(i)));
            any.add("helpdesk_search_text(filename) like :l" + i);
        }
        return jdbc.sql("select ticket_id, message_id, filename from attachments where entity_id = :entityId"
                        + " and ticket_id in (:ticketIds) and (" + String.join(" or ", any) + ")"
                        + " order by created_at, id")
                .params(p)
                .query((rs, n) -> new FoundAttachment(rs.getObject("ticket_id", UUID.class),
                        rs.getObject("message_id", UUID.class), rs.getString("filename")))
                .list();
    }

    /**
     * The term's LIKE over the ticket's own fields ({@code alias} "t." or none). An address matches the contact's
     * address only when equal (a condition of its own), not inside a longer one.
     */
    private static String inTicketFields(Term term, String alias, String like) {
        List<String> fields = term.kind() == Kind.EMAIL ? List.of("subject", "description")
                : List.of("subject", "description", "contact_email", "contact_name");
        return fields.stream().map(f -> "helpdesk_search_text(" + alias + f + ") like " + like)
                .collect(Collectors.joining(" or "));
    }

    /** The LIKE pattern over {@code helpdesk_search_text}: a word start, or the words side by side and whole. */
    private static String like(Term term) {
        String words = String.join(" ", term.words());
        return term.prefix() ? "% " + words + "%" : "% " + words + " %";
    }

    /**
     * The tsquery of a term: {@code 'print':*} for a word, the words joined by {@code &} otherwise (their order is
     * checked on the text); {@code weight} restricts it to a part of the ticket (A subject, B description,
     * C contact). The words are letters and digits only (see {@link SearchText}), so quoting them is enough.
     */
    private static String tsquery(Term term, String weight) {
        if (term.prefix()) {
            return "'" + term.words().getFirst() + "':*" + weight;
        }
        return term.words().stream().map(w -> "'" + w + "'" + (weight.isEmpty() ? "" : ":" + weight))
                .collect(Collectors.joining(" & "));
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
