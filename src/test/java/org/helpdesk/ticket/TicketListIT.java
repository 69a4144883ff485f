package org.helpdesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.TICKETS;
import static org.helpdesk.support.TicketApi.assertError;
import static org.helpdesk.support.TicketApi.assertFields;
import static org.helpdesk.support.TicketApi.body;
import static org.helpdesk.support.TicketApi.encode;
import static org.helpdesk.support.TicketApi.ids;
import static org.helpdesk.support.TicketApi.nextLink;
import static org.helpdesk.support.TicketApi.nextMillisecond;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** GET /api/helpdesk/tickets: filters, order and keyset paging (API.md §3, list filters). */
class TicketListIT extends ApiTest {
    private TicketApi tickets;
    private HttpApi.Owner owner;

    @BeforeEach
    void setUp() {
        tickets = new TicketApi(api);
        owner = api.newOwner();
    }

    private String create(Map<String, ?> ticket) {
        nextMillisecond();
        return tickets.create(owner, ticket).get("id").stringValue();
    }

    private String create(String subject) {
        return create(body("subject", subject));
    }

    private List<String> list(String query) {
        return tickets.listIds(owner, query);
    }

    @Test
    void listShowsTicketsWithoutMessagesNewestFirst() {
        // Given
        String first = create("first");
        tickets.messaged(owner, first, Map.of("body", "hi"));
        String second = create("second");
        String third = create("third");

        // When
        HttpApi.Response r = tickets.list(owner, "");

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertThat(ids(r)).containsExactly(third, second, first);
        r.json().forEach(t -> assertFields(t, TicketApi.TICKET_FIELDS));
        assertThat(r.header("Link")).isNull();
    }

    @Test
    void emptyEntityListsNothing() {
        HttpApi.Response r = tickets.list(owner, "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().isArray()).isTrue();
        assertThat(r.json()).isEmpty();
    }

    @Test
    void statusFilterTakesOneValueOrACommaList() {
        // Given
        String fresh = create("new one");
        String open = create(body("subject", "open one", "status", "open"));
        String pending = create(body("subject", "pending one", "status", "pending"));
        String closed = create(body("subject", "closed one", "status", "closed"));

        // Then
        assertThat(list("status=open")).containsExactly(open);
        assertThat(list("status=new")).containsExactly(fresh);
        assertThat(list("status=open,pending")).containsExactlyInAnyOrder(open, pending);
        assertThat(list("status=" + encode("new,closed"))).containsExactlyInAnyOrder(fresh, closed);
        assertThat(list("status=resolved")).isEmpty();
    }

    @Test
    void priorityFilterTakesOneValueOrACommaList() {
        // Given
        String low = create(body("subject", "low", "priority", "low"));
        String normal = create("normal");
        String high = create(body("subject", "high", "priority", "high"));
        String urgent = create(body("subject", "urgent", "priority", "urgent"));

        // Then
        assertThat(list("priority=urgent")).containsExactly(urgent);
        assertThat(list("priority=normal")).containsExactly(normal);
        assertThat(list("priority=high,urgent")).containsExactlyInAnyOrder(high, urgent);
        assertThat(list("priority=low,normal&status=new")).containsExactlyInAnyOrder(low, normal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status=bogus", "status=open,bogus", "priority=critical", "priority=high,",
            "channel=fax", "sort=subject", "sort=-id", "assignedTo=not-a-uuid", "categoryId=42",
            "updatedSince=yesterday", "updatedSince=2026-13-01T00:00:00Z"})
    void unknownOrMalformedFilterValueIs400(String query) {
        // Given
        create("something");

        // Then
        assertError(tickets.list(owner, query), 400);
    }

    @Test
    void searchIsACaseInsensitiveSubstringOfTheSubject() {
        // Given
        String printer = create("Printer on FIRE");
        String laser = create("the laser printer jams");
        create("Mouse broken");

        // Then
        assertThat(list("search=printer")).containsExactlyInAnyOrder(printer, laser);
        assertThat(list("search=PRINTER")).containsExactlyInAnyOrder(printer, laser);
        assertThat(list("search=" + encode("on fi"))).containsExactly(printer);
        assertThat(list("search=keyboard")).isEmpty();
    }

    @Test
    void qIsAnAliasOfSearch() {
        // Given
        String printer = create("Printer on fire");
        create("Mouse broken");

        // Then
        assertThat(list("q=printer")).containsExactly(printer);
        assertThat(list("q=PRINTER")).containsExactly(printer);
    }

    @Test
    void searchDoesNotLookAtTheDescription() {
        // Given
        create(body("subject", "Mouse", "description", "the printer too"));

        // Then
        assertThat(list("search=printer")).isEmpty();
    }

    @Test
    void percentUnderscoreAndBackslashMatchLiterally() {
        // Given
        String percent = create("Discount 100% off");
        String plain = create("Discount 100 off and more");
        String underscore = create("variable snake_case name");
        String space = create("variable snake case name");
        String backslash = create("path C:\\temp broken");
        String noBackslash = create("path C:temp broken");

        // Then
        assertThat(list("search=" + encode("%"))).containsExactly(percent);
        assertThat(list("search=" + encode("100%"))).containsExactly(percent);
        assertThat(list("search=" + encode("_"))).containsExactly(underscore);
        assertThat(list("search=" + encode("snake_case"))).containsExactly(underscore);
        assertThat(list("search=" + encode("\\"))).containsExactly(backslash);
        assertThat(list("search=" + encode("C:\\temp"))).containsExactly(backslash);
        assertThat(list("q=" + encode("%"))).containsExactly(percent);
        assertThat(list("search=" + encode("%_\\"))).isEmpty();
        assertThat(list("search=" + encode("Discount 100"))).containsExactlyInAnyOrder(percent, plain);
        assertThat(list("search=" + encode("snake"))).containsExactlyInAnyOrder(underscore, space);
        assertThat(list("search=" + encode("C:"))).containsExactlyInAnyOrder(backslash, noBackslash);
    }

    @Test
    void aTermThatIsExactlyATicketNumberFindsThatTicket() {
        // Given
        String one = create("Alpha");
        String two = create("Beta");
        create("Gamma");

        // Then
        assertThat(list("search=HD-2")).containsExactly(two);
        assertThat(list("q=HD-1")).containsExactly(one);
        assertThat(list("search=HD-99")).isEmpty();
    }

    @Test
    void aTicketNumberTermAlsoMatchesSubjectsContainingIt() {
        // Given
        String first = create("Alpha");
        String mentions = create("Follow-up of HD-1");

        // Then
        assertThat(list("search=HD-1")).containsExactlyInAnyOrder(first, mentions);
    }

    @Test
    void assignedToCategoryAndChannelFilter() {
        // Given
        HttpApi.Session agent = tickets.member(owner, "agent", "Alma Agent");
        String category = tickets.createCategory(owner, "Hardware").get("id").stringValue();
        String assigned = create(body("subject", "assigned", "assignedTo", agent.userId().toString()));
        String categorized = create(body("subject", "categorized", "categoryId", category));
        String byMail = create(body("subject", "mail", "channel", "email"));
        String both = create(body("subject", "both", "channel", "email", "categoryId", category,
                "assignedTo", agent.userId().toString()));

        // Then
        assertThat(list("assignedTo=" + agent.userId())).containsExactlyInAnyOrder(assigned, both);
        assertThat(list("categoryId=" + category)).containsExactlyInAnyOrder(categorized, both);
        assertThat(list("channel=email")).containsExactlyInAnyOrder(byMail, both);
        assertThat(list("channel=api")).containsExactlyInAnyOrder(assigned, categorized);
        assertThat(list("channel=email&categoryId=" + category + "&assignedTo=" + agent.userId()))
                .containsExactly(both);
    }

    @Test
    void updatedSinceKeepsTicketsUpdatedAtOrAfterIt() {
        // Given
        String old = create("old");
        String recent = create("recent");
        String since = tickets.get(owner, recent).get("updatedAt").stringValue();

        // Then
        assertThat(list("updatedSince=" + encode(since))).containsExactly(recent);

        // When the old one changes
        nextMillisecond();
        tickets.patched(owner, old, Map.of("priority", "high"));

        // Then
        assertThat(list("updatedSince=" + encode(since))).containsExactlyInAnyOrder(old, recent);
        assertThat(list("updatedSince=" + encode("2000-01-01T00:00:00Z"))).hasSize(2);
        assertThat(list("updatedSince=" + encode("2999-01-01T00:00:00.000Z"))).isEmpty();
    }

    @Test
    void updatedSinceAcceptsABareDateAsItsStartInUtc() {
        // Given
        String ticket = create("dated");

        // Then
        assertThat(list("updatedSince=2000-01-01")).containsExactly(ticket);
        assertThat(list("updatedSince=2999-01-01")).isEmpty();
    }

    @Test
    void updatedSinceAcceptsAnOffset() {
        // Given
        String id = create("offset");
        String since = tickets.get(owner, id).get("updatedAt").stringValue();
        String inCet = java.time.OffsetDateTime.parse(since)
                .atZoneSameInstant(java.time.ZoneOffset.ofHours(1)).toOffsetDateTime().toString();

        // Then
        assertThat(list("updatedSince=" + encode(inCet))).containsExactly(id);
    }

    @Test
    void sortOrdersByCreatedAtOrUpdatedAtEitherWay() {
        // Given: created a, b, c; then updated c, a, b
        String a = create("a");
        String b = create("b");
        String c = create("c");
        for (String id : List.of(c, a, b)) {
            nextMillisecond();
            tickets.patched(owner, id, Map.of("priority", "high"));
        }

        // Then
        assertThat(list("")).containsExactly(c, b, a);
        assertThat(list("sort=-createdAt")).containsExactly(c, b, a);
        assertThat(list("sort=createdAt")).containsExactly(a, b, c);
        assertThat(list("sort=-updatedAt")).containsExactly(b, a, c);
        assertThat(list("sort=updatedAt")).containsExactly(c, a, b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"-createdAt", "createdAt", "-updatedAt", "updatedAt"})
    void ticketsWithTheSameTimestampAreOrderedById(String sort) {
        // Given: created at once, so many share a millisecond
        tickets.createConcurrently(owner, 30, "tie");

        // When
        HttpApi.Response r = tickets.list(owner, "limit=200&sort=" + sort);

        // Then
        List<JsonNode> rows = new ArrayList<>();
        r.json().forEach(rows::add);
        assertThat(rows).hasSize(30);
        assertThat(rows).isSortedAccordingTo(order(sort));
    }

    /** The contract's order: by the sort field, then by id, both in the sort's direction. */
    private static Comparator<JsonNode> order(String sort) {
        String field = sort.replace("-", "");
        Comparator<JsonNode> ascending = Comparator.<JsonNode, String>comparing(t -> t.get(field).stringValue())
                .thenComparing(t -> t.get("id").stringValue());
        return sort.startsWith("-") ? ascending.reversed() : ascending;
    }

    @ParameterizedTest
    @ValueSource(strings = {"-createdAt", "createdAt", "-updatedAt", "updatedAt"})
    void pagesFollowTheLinkHeaderWithoutGapsOrDuplicates(String sort) {
        // Given
        tickets.createConcurrently(owner, 25, "page");
        List<String> all = list("limit=200&sort=" + sort);

        // When
        List<String> paged = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String next = TICKETS + "?limit=7&sort=" + sort;
        while (next != null) {
            HttpApi.Response page = api.get(next).bearer(owner.apiKey()).send();
            List<String> ids = ids(page);
            sizes.add(ids.size());
            paged.addAll(ids);
            next = nextLink(page);
            assertThat(sizes).hasSizeLessThanOrEqualTo(4);
        }

        // Then
        assertThat(all).hasSize(25);
        assertThat(sizes).containsExactly(7, 7, 7, 4);
        assertThat(new HashSet<>(paged)).hasSize(25);
        assertThat(paged).isEqualTo(all);
    }

    @Test
    void pagingKeepsTheFilters() {
        // Given
        tickets.createConcurrently(owner, 6, "match");
        tickets.createConcurrently(owner, 4, "other");

        // When
        HttpApi.Response first = tickets.list(owner, "search=match&limit=4");
        HttpApi.Response second = api.get(nextLink(first)).bearer(owner.apiKey()).send();

        // Then
        assertThat(ids(first)).hasSize(4);
        assertThat(ids(second)).hasSize(2);
        second.json().forEach(t -> assertThat(t.get("subject").stringValue()).startsWith("match"));
        assertThat(nextLink(second)).isNull();
    }

    @Test
    void aPageThatEndsExactlyAtTheLastTicketHasNoNextLinkAfterIt() {
        // Given
        tickets.createConcurrently(owner, 4, "even");

        // When
        HttpApi.Response first = tickets.list(owner, "limit=2");
        HttpApi.Response second = api.get(nextLink(first)).bearer(owner.apiKey()).send();

        // Then
        assertThat(ids(second)).hasSize(2);
        String third = nextLink(second);
        if (third != null) {
            assertThat(ids(api.get(third).bearer(owner.apiKey()).send())).isEmpty();
        }
    }

    @Test
    void limitDefaultsTo50() {
        // Given
        tickets.createConcurrently(owner, 55, "many");

        // When
        HttpApi.Response r = tickets.list(owner, "");

        // Then
        assertThat(ids(r)).hasSize(50);
        assertThat(nextLink(r)).isNotNull();
        assertThat(list("limit=200")).hasSize(55);
        assertThat(list("limit=1")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "201", "-1", "abc", "1.5", ""})
    void limitOutside1To200Is400(String limit) {
        assertError(tickets.list(owner, "limit=" + limit), 400);
    }

    @Test
    void aCursorUsedWithOtherFiltersIs400() {
        // Given
        tickets.createConcurrently(owner, 3, "cursor");
        String next = nextLink(tickets.list(owner, "limit=1&status=new"));
        String cursor = next.substring(next.indexOf("cursor=") + "cursor=".length()).split("&")[0];

        // Then
        assertError(tickets.list(owner, "limit=1&status=open&cursor=" + cursor), 400);
        assertError(tickets.list(owner, "limit=1&status=new&sort=createdAt&cursor=" + cursor), 400);
        assertError(tickets.list(owner, "limit=1&cursor=" + cursor), 400);
        assertError(tickets.list(owner, "limit=1&status=new&search=x&cursor=" + cursor), 400);
        assertThat(ids(tickets.list(owner, "limit=1&status=new&cursor=" + cursor))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "!!!", "bm90LWEtY3Vyc29y", "a%7Cb%7Cc", "%20"})
    void aGarbageCursorIs400(String cursor) {
        // Given
        create("something");

        // Then
        assertError(tickets.list(owner, "cursor=" + cursor), 400);
    }

    @Test
    void ticketsOfOtherEntitiesAreNeverListed() {
        // Given
        String mine = create("Shared words");
        HttpApi.Owner other = api.newOwner();
        tickets.create(other, "Shared words");
        tickets.create(other, body("subject", "Shared other", "status", "open"));

        // Then
        assertThat(list("")).containsExactly(mine);
        assertThat(list("search=shared")).containsExactly(mine);
        assertThat(list("search=HD-2")).isEmpty();
        assertThat(list("status=open")).isEmpty();
        assertThat(list("limit=200&sort=updatedAt")).containsExactly(mine);
    }

    @Test
    void aViewerSessionCanList() {
        // Given
        String id = create("visible");
        HttpApi.Session viewer = tickets.member(owner, "viewer", "Vic Viewer");

        // When
        HttpApi.Response r = api.get(TICKETS + "?entityId=" + owner.entity()).session(viewer).send();

        // Then
        assertThat(ids(r)).containsExactly(id);
    }
}
