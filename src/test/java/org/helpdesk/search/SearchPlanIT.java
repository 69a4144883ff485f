package org.helpdesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TestDatabase;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The search statements use the GIN indexes on PostgreSQL (20,000 tickets with 40,000 messages, analysed;
 * sequential scans allowed): without them search would read every ticket and message of the entity.
 */
class SearchPlanIT extends ApiTest {
    private static final String[] COMMON = {"printer", "network", "invoice", "password", "laptop", "email", "vpn",
            "screen", "account", "refund"};

    @Autowired
    SearchManagement search;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyTextSearchUsesAGinIndexOnALoadedTable() {
        assumeTrue(TestDatabase.postgres(), "plans are checked on PostgreSQL");
        assumeFalse(TestDatabase.citus(), "on Citus the plan is a worker's plan of one shard (an eighth of the"
                + " table, its own statistics), not the PostgreSQL plan this test asserts");
        HttpApi.Owner owner = api.newOwner();
        new TicketApi(api).create(owner, "seed");
        load(owner.entityId(), owner.session().userId(), 20000);
        jdbc.execute("analyze tickets");
        jdbc.execute("analyze messages");

        // rare words: both GIN indexes, whatever else the query holds
        for (String q : List.of("zyxrare", "zyxrare OR qqqother", "zyxrare printer", "ann@example.com")) {
            for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
                String plan = plan(owner, q, sort);
                assertThat(plan).as("plan of %s (%s)", q, sort).contains("tickets_search_idx");
                assertThat(plan).as("plan of %s (%s)", q, sort).contains("tickets_conversation_idx");
                assertThat(plan).as("plan of %s (%s)", q, sort).doesNotContain("Seq Scan on messages");
            }
        }
        // with filters narrowing the rows to a few hundred, their btree index may rightly be the better way in
        for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
            assertThat(plan(owner, "zyxrare status:open priority:high", sort)).as("plan with filters (%s)", sort)
                    .doesNotContain("Seq Scan on tickets").doesNotContain("Seq Scan on messages");
        }
        // words in a tenth to a fifth of the rows: reading the ticket table may rightly be cheaper than its indexes,
        // but the conversation (the larger table) is never read whole: a phrase reads the candidates' messages only
        for (String q : List.of("printer network", "\"printer network\"", "printer -zyxrare", "\"zyxrare issue\"")) {
            for (SearchRequest.Sort sort : SearchRequest.Sort.values()) {
                assertThat(plan(owner, q, sort)).as("plan of %s (%s)", q, sort).doesNotContain("Seq Scan on messages");
            }
        }
    }

    private String plan(HttpApi.Owner owner, String q, SearchRequest.Sort sort) {
        return String.join("\n", search.explain(new SearchRequest(owner.entityId(), owner.session().userId(), q, sort,
                20, null)));
    }

    @Test
    void newestFirstWordSearchesAreExactWhetherTheNewestTicketsFillThePageOrNot() {
        assumeTrue(TestDatabase.postgres(), "the newest-first walk is PostgreSQL's");
        HttpApi.Owner owner = api.newOwner();
        Map<UUID, String> texts = load(owner.entityId(), owner.session().userId(), 20000);
        jdbc.execute("analyze tickets");

        // "zyxrare": a handful among the newest 2,000 tickets, the rest found through the indexes;
        // "printer": the newest tickets alone fill the page
        for (String word : List.of("zyxrare", "printer")) {
            List<UUID> expected = new ArrayList<>(texts.keySet()).reversed().stream()
                    .filter(id -> texts.get(id).contains(" " + word)).limit(100).toList();
            List<UUID> found = search.search(new SearchRequest(owner.entityId(), owner.session().userId(), word,
                    SearchRequest.Sort.UPDATED_DESC, 100, null)).hits().stream().map(h -> h.ticket().id()).toList();
            assertThat(found).as(word).hasSizeGreaterThan(30).containsExactlyElementsOf(expected);
        }
    }

    /** Loads {@code count} tickets with two messages each; every ticket's text (subject, description, messages), oldest first. */
    private Map<UUID, String> load(UUID entityId, UUID userId, int count) {
        Map<UUID, String> texts = new LinkedHashMap<>();
        Random random = new Random(20);
        List<Object[]> tickets = new ArrayList<>();
        List<Object[]> messages = new ArrayList<>();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            UUID id = UUID.randomUUID();
            var at = start.plusSeconds(60L * i).atOffset(ZoneOffset.UTC);
            String subject = COMMON[random.nextInt(COMMON.length)] + " issue " + i + (i % 1000 == 7 ? " zyxrare" : "");
            tickets.add(new Object[] {entityId, id, 1000L + i, subject, "words " + COMMON[random.nextInt(COMMON.length)],
                    i % 3 == 0 ? "open" : "new", i % 5 == 0 ? "high" : "normal", "api", "user" + i + "@corp.example",
                    userId, at, at});
            StringBuilder text = new StringBuilder(" " + subject + " " + tickets.getLast()[4]);
            for (int m = 0; m < 2; m++) {
                String body = "hello about the " + COMMON[random.nextInt(COMMON.length)] + " and "
                        + COMMON[random.nextInt(COMMON.length)] + (i % 997 == 3 && m == 1 ? " zyxrare" : "");
                messages.add(new Object[] {entityId, UUID.randomUUID(), id, body, at});
                text.append(' ').append(body);
            }
            texts.put(id, text.toString());
        }
        jdbc.batchUpdate("""
                insert into tickets (entity_id, id, ticket_number, subject, description, status, priority, channel,
                    contact_email, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", tickets);
        jdbc.batchUpdate("""
                insert into messages (entity_id, id, ticket_id, author_type, body, is_internal, created_at)
                values (?, ?, ?, 'contact', ?, false, ?)""", messages);
        return texts;
    }
}
