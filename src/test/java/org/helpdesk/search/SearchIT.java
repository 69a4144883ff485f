package org.helpdesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.TICKET_FIELDS;
import static org.helpdesk.support.TicketApi.assertError;
import static org.helpdesk.support.TicketApi.assertFields;
import static org.helpdesk.support.TicketApi.body;
import static org.helpdesk.support.TicketApi.encode;
import static org.helpdesk.support.TicketApi.nextLink;
import static org.helpdesk.support.TicketApi.nextMillisecond;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/helpdesk/search (API.md §7): the language, the hits, the order, the pages, the tenancy. */
class SearchIT extends ApiTest {
    static final String SEARCH = "/api/helpdesk/search";

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

    private HttpApi.Response search(HttpApi.Owner who, String query) {
        return api.get(SEARCH + "?" + query).bearer(who.apiKey()).send();
    }

    private JsonNode hits(String q) {
        HttpApi.Response r = search(owner, "q=" + encode(q));
        assertThat(r.status()).as("search %s: %s", q, r.body()).isEqualTo(200);
        return r.json();
    }

    private List<String> ids(String q) {
        List<String> ids = new ArrayList<>();
        hits(q).forEach(h -> ids.add(h.get("ticket").get("id").stringValue()));
        return ids;
    }

    private static List<String> marked(JsonNode match) {
        String snippet = match.get("snippet").stringValue();
        List<String> words = new ArrayList<>();
        match.get("highlights").forEach(h -> words.add(snippet.substring(h.get(0).intValue(), h.get(1).intValue())));
        return words;
    }

    private void assertBadQuery(String q, String... inMessage) {
        HttpApi.Response r = search(owner, "q=" + encode(q));
        assertError(r, 400);
        assertThat(r.error()).contains(inMessage);
    }

    @Test
    void aWordFindsWordsStartingWithItIgnoringCaseAndAccents() {
        String printer = create("Printer broken");
        String printing = create(body("subject", "Question", "description", "printing fails at the Café"));
        create("Sprint planning");

        assertThat(ids("print")).containsExactlyInAnyOrder(printer, printing);
        assertThat(ids("PRINT")).containsExactlyInAnyOrder(printer, printing);
        assertThat(ids("rint")).isEmpty();
        assertThat(ids("cafe")).containsExactly(printing);
        assertThat(ids("CAFÉ")).containsExactly(printing);
    }

    @Test
    void everyWordMustMatchSomewhereInTheTicket() {
        String both = create("Printer broken");
        tickets.messaged(owner, both, body("body", "the toner is empty"));
        create("Printer fine");

        assertThat(ids("printer toner")).containsExactly(both);
        assertThat(ids("printer missing")).isEmpty();
    }

    @Test
    void aPhraseMatchesItsWordsSideBySideInOrder() {
        String adjacent = create("The paper jam again");
        create("Jam on the paper");
        create("paper and a jam");

        assertThat(ids("\"paper jam\"")).containsExactly(adjacent);
        assertThat(ids("\"pap jam\"")).isEmpty();
    }

    @Test
    void minusExcludesTicketsThatContainIt() {
        String keep = create("Printer broken");
        String drop = create("Printer broken");
        tickets.messaged(owner, drop, body("body", "toner empty"));
        String phrase = create("Printer out of ink");

        assertThat(ids("printer -toner")).containsExactlyInAnyOrder(keep, phrase);
        assertThat(ids("printer -\"out of ink\"")).containsExactlyInAnyOrder(keep, drop);
    }

    @Test
    void orMatchesEitherTerm() {
        String toner = create("Toner empty");
        String ink = create("Ink cartridge");
        create("Paper jam");

        assertThat(ids("toner OR ink")).containsExactlyInAnyOrder(toner, ink);
        assertThat(ids("toner or ink")).isEmpty();
    }

    @Test
    void subjectDescriptionMessagesNotesAndTheContactAreSearched() {
        String id = create(body("subject", "Alpha", "description", "bravo here", "contactEmail", "carol@corp.example",
                "contactName", "Delta Person"));
        String reply = tickets.messaged(owner, id, body("body", "echo in a reply")).get("id").stringValue();
        String note = tickets.messaged(owner, id, body("body", "foxtrot in a note", "isInternal", true))
                .get("id").stringValue();

        for (String q : List.of("alpha", "bravo", "carol", "delta", "echo", "foxtrot")) {
            assertThat(ids(q)).as(q).containsExactly(id);
        }
        JsonNode echo = hits("echo").get(0).get("matches").get(0);
        assertThat(echo.get("field").stringValue()).isEqualTo("message");
        assertThat(echo.get("messageId").stringValue()).isEqualTo(reply);
        JsonNode foxtrot = hits("foxtrot").get(0).get("matches").get(0);
        assertThat(foxtrot.get("field").stringValue()).isEqualTo("note");
        assertThat(foxtrot.get("messageId").stringValue()).isEqualTo(note);
        JsonNode delta = hits("delta").get(0).get("matches").get(0);
        assertThat(delta.get("field").stringValue()).isEqualTo("contact");
        assertThat(delta.get("messageId").isNull()).isTrue();
        assertThat(marked(delta)).containsExactly("Delta");
    }

    @Test
    void aHitIsTheTicketItsScoreAndUpToThreeMatchesWithWholeWordHighlights() {
        String id = create(body("subject", "Printer broken", "description", "The printer prints nothing"));
        tickets.messaged(owner, id, body("body", "Printing again"));
        tickets.messaged(owner, id, body("body", "still printing"));

        JsonNode hit = hits("print").get(0);
        assertFields(hit, List.of("ticket", "score", "matches"));
        assertFields(hit.get("ticket"), TICKET_FIELDS);
        assertThat(hit.get("ticket").get("id").stringValue()).isEqualTo(id);
        assertThat(hit.get("score").isNumber()).isTrue();
        JsonNode matches = hit.get("matches");
        assertThat(matches).hasSize(3);
        assertFields(matches.get(0), List.of("field", "messageId", "snippet", "highlights"));
        assertThat(matches.get(0).get("field").stringValue()).isEqualTo("subject");
        assertThat(matches.get(0).get("snippet").stringValue()).isEqualTo("Printer broken");
        assertThat(marked(matches.get(0))).containsExactly("Printer");
        assertThat(matches.get(1).get("field").stringValue()).isEqualTo("description");
        assertThat(marked(matches.get(1))).containsExactly("printer", "prints");
        assertThat(matches.get(2).get("field").stringValue()).isEqualTo("message");
    }

    @Test
    void aSubjectMatchRanksAboveAMessageOnlyMatchThenNewestUpdatedFirst() {
        String inSubject = create("Scanner offline");
        String olderInMessage = create("Help");
        tickets.messaged(owner, olderInMessage, body("body", "the scanner"));
        String newerInMessage = create("Help too");
        tickets.messaged(owner, newerInMessage, body("body", "scanner again"));

        assertThat(ids("scanner")).containsExactly(inSubject, newerInMessage, olderInMessage);
        JsonNode hits = hits("scanner");
        assertThat(hits.get(0).get("score").doubleValue()).isGreaterThan(hits.get(1).get("score").doubleValue());
    }

    @Test
    void sortByUpdatedPutsTheNewestChangeFirst() {
        String a = create("Modem slow");
        String b = create("Modem down");
        tickets.messaged(owner, a, body("body", "modem again"));

        HttpApi.Response r = search(owner, "q=modem&sort=-updatedAt");
        assertThat(r.status()).isEqualTo(200);
        assertThat(List.of(r.json().get(0).get("ticket").get("id").stringValue(),
                r.json().get(1).get("ticket").get("id").stringValue())).containsExactly(a, b);
    }

    @Test
    void pagesFollowTheLinkHeaderWithoutGapsOrRepeats() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(create("Router " + i));
        }
        create("Unrelated");
        for (String sort : List.of("relevance", "-updatedAt")) {
            List<String> seen = new ArrayList<>();
            String next = SEARCH + "?q=router&limit=2&sort=" + encode(sort);
            int pages = 0;
            while (next != null && pages++ < 10) {
                HttpApi.Response r = api.get(next).bearer(owner.apiKey()).send();
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().size()).isLessThanOrEqualTo(2);
                r.json().forEach(h -> seen.add(h.get("ticket").get("id").stringValue()));
                next = nextLink(r);
            }
            assertThat(seen).as(sort).containsExactlyElementsOf(created.reversed());
        }
    }

    @Test
    void relevancePagesRunFromTheHighestScoreToMessageOnlyMatchesNewestFirstWithoutGapsOrRepeats() {
        String a = create("Gizmo one");                                    // subject: 1 + 4
        String b = create("Help b");
        tickets.messaged(owner, b, body("body", "my gizmo"));               // only in a message: 1
        String c = create("Gizmo two");                                    // subject: 1 + 4, newer than a
        String d = create("Help d");
        tickets.messaged(owner, d, body("body", "gizmo again"));
        String f = create(body("subject", "Help f", "description", "a gizmo inside"));  // description: 1 + 2
        String e = create("Help e");
        tickets.messaged(owner, e, body("body", "gizmos everywhere"));
        create("Unrelated");

        List<String> expected = List.of(c, a, f, e, d, b);
        for (int limit : List.of(1, 2, 3, 4, 100)) {
            assertThat(pages("q=gizmo&limit=" + limit)).as("limit %d", limit).containsExactlyElementsOf(expected);
        }
        assertThat(pages("q=gizmo&limit=2&sort=-updatedAt")).containsExactly(e, f, d, c, b, a);
        JsonNode hits = hits("gizmo");
        assertThat(hits.get(1).get("score").doubleValue()).isGreaterThan(hits.get(2).get("score").doubleValue());
        assertThat(hits.get(2).get("score").doubleValue()).isGreaterThan(hits.get(3).get("score").doubleValue());
        assertThat(hits.get(3).get("score").doubleValue()).isEqualTo(hits.get(5).get("score").doubleValue());
    }

    /** Every hit of a query, page after page through the Link header. */
    private List<String> pages(String query) {
        List<String> seen = new ArrayList<>();
        String next = SEARCH + "?" + query;
        for (int pages = 0; next != null && pages < 20; pages++) {
            HttpApi.Response r = api.get(next).bearer(owner.apiKey()).send();
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            r.json().forEach(h -> seen.add(h.get("ticket").get("id").stringValue()));
            next = nextLink(r);
        }
        return seen;
    }

    @Test
    void theDefaultPageIsTwentyAndLimitIsOneToHundred() {
        for (int i = 0; i < 21; i++) {
            create("Laptop " + i);
        }
        HttpApi.Response r = search(owner, "q=laptop");
        assertThat(r.json()).hasSize(20);
        assertThat(nextLink(r)).isNotNull();
        assertThat(search(owner, "q=laptop&limit=100").json()).hasSize(21);
        for (String limit : List.of("0", "101", "abc", "")) {
            assertError(search(owner, "q=laptop&limit=" + limit), 400);
        }
    }

    @Test
    void aCursorOfAnotherQueryOrAnUnknownSortIs400() {
        create("Monitor 1");
        create("Monitor 2");
        String next = nextLink(search(owner, "q=monitor&limit=1"));
        String cursor = next.substring(next.indexOf("cursor=") + 7).split("&")[0];
        assertError(search(owner, "q=monitors&limit=1&cursor=" + cursor), 400);
        assertError(search(owner, "q=monitor&limit=1&sort=-updatedAt&cursor=" + cursor), 400);
        assertError(search(owner, "q=monitor&cursor=not-a-cursor"), 400);
        assertError(search(owner, "q=monitor&sort=createdAt"), 400);
        assertThat(search(owner, "q=monitor&limit=1&cursor=" + cursor).status()).isEqualTo(200);
    }

    @Test
    void theQueryMustBeOneToFiveHundredCharacters() {
        assertError(search(owner, "q="), 400);
        assertError(search(owner, ""), 400);
        assertError(search(owner, "q=" + "a".repeat(501)), 400);
        assertThat(search(owner, "q=" + "a".repeat(500)).status()).isEqualTo(200);
    }

    @Test
    void statusPriorityAndChannelFilterTheHits() {
        String open = create(body("subject", "Disk full", "status", "open", "priority", "high", "channel", "phone"));
        String closed = create(body("subject", "Disk full", "status", "closed"));
        String pending = create(body("subject", "Disk slow", "status", "pending", "priority", "urgent"));

        assertThat(ids("disk status:open")).containsExactly(open);
        assertThat(ids("disk status:open,closed")).containsExactlyInAnyOrder(open, closed);
        assertThat(ids("disk priority:high")).containsExactly(open);
        assertThat(ids("disk channel:phone")).containsExactly(open);
        assertThat(ids("status:pending priority:urgent")).containsExactly(pending);
        assertThat(ids("disk -status:closed")).containsExactlyInAnyOrder(open, pending);
    }

    @Test
    void assigneeIsMeNoneOrAMemberByEmail() {
        HttpApi.Session agent = tickets.member(owner, "agent", "Agnes Agent");
        String mine = create(body("subject", "Keyboard", "assignedTo", owner.session().userId().toString()));
        String agents = create(body("subject", "Keyboard", "assignedTo", agent.userId().toString()));
        String nobody = create("Keyboard");

        assertThat(ids("keyboard assignee:me")).containsExactly(mine);
        assertThat(ids("keyboard assignee:none")).containsExactly(nobody);
        assertThat(ids("keyboard assignee:" + agent.email().toUpperCase())).containsExactly(agents);
        assertBadQuery("keyboard assignee:stranger@example.com", "assignee:stranger@example.com");
    }

    @Test
    void categoryByNameQuotedWhenItHasSpaces() {
        String billing = tickets.createCategory(owner, "Billing and refunds").get("id").stringValue();
        String inIt = create(body("subject", "Invoice", "categoryId", billing));
        create("Invoice");

        assertThat(ids("invoice category:\"billing and refunds\"")).containsExactly(inIt);
        assertThat(ids("category:\"Billing and refunds\"")).containsExactly(inIt);
        assertBadQuery("invoice category:Shipping", "category:Shipping", "Shipping");
        assertBadQuery("invoice category:\"Billing", "quote");
    }

    @Test
    void fromIsTheContactEmailOrItsDomain() {
        String ann = create(body("subject", "Webcam", "contactEmail", "Ann@Example.com"));
        String joann = create(body("subject", "Webcam", "contactEmail", "joann@example.com"));
        String other = create(body("subject", "Webcam", "contactEmail", "ann@other.example"));

        assertThat(ids("from:ann@example.com")).containsExactly(ann);
        assertThat(ids("webcam from:@example.com")).containsExactlyInAnyOrder(ann, joann);
        assertThat(ids("webcam from:@other.example")).containsExactly(other);
        assertBadQuery("from:nobody", "from:nobody");
    }

    @Test
    void anEmailAddressWordMatchesTheContactExactlyAndTheText() {
        String contact = create(body("subject", "Tablet", "contactEmail", "ann@example.com"));
        create(body("subject", "Tablet", "contactEmail", "joann@example.com"));
        create(body("subject", "Tablet", "contactEmail", "bob.ann@example.com"));
        String mentioned = create(body("subject", "Tablet", "description", "copy to ann@example.com please"));

        assertThat(ids("ANN@example.com")).containsExactlyInAnyOrder(contact, mentioned);
    }

    @Test
    void aTicketNumberFindsThatTicket() {
        create("First");
        JsonNode second = tickets.create(owner, "Second");
        String number = second.get("ticketNumber").stringValue();

        List<String> found = ids(number.toLowerCase());
        assertThat(found).containsExactly(second.get("id").stringValue());
    }

    @Test
    void createdAndUpdatedTakeDatesAndAges() {
        String id = create("Projector");

        assertThat(ids("projector created:>1d")).containsExactly(id);
        assertThat(ids("projector created:<1h")).isEmpty();
        assertThat(ids("projector updated:>2000-01-01")).containsExactly(id);
        assertThat(ids("projector updated:<2000-01-01")).isEmpty();
        assertBadQuery("projector created:yesterday", "created:yesterday");
    }

    @Test
    void badQueriesAre400NamingThePart() {
        assertBadQuery("printer colour:red", "colour:red", "unknown filter");
        assertBadQuery("printer has:pictures", "has:pictures", "attachment");
        assertBadQuery("printer status:opn", "status:opn", "status must be one of");
        assertBadQuery("printer \"paper jam", "quote");
        assertBadQuery("-printer", "excluded");
        assertBadQuery("printer OR", "OR");
    }

    @Test
    void anotherEntitysTicketsAreNeverHitsNorSnippets() {
        HttpApi.Owner other = api.newOwner();
        String theirs = tickets.create(other, body("subject", "Zeppelin secret", "description", "zeppelin plans"))
                .get("id").stringValue();
        tickets.messaged(other, theirs, body("body", "zeppelin conversation"));
        String mine = create("Harmless");
        // my ticket mentions nothing; their word must not leak through messages, snippets or numbers
        assertThat(ids("zeppelin")).isEmpty();
        assertThat(ids("secret")).isEmpty();
        HttpApi.Response theirSearch = search(other, "q=zeppelin");
        assertThat(theirSearch.json()).hasSize(1);
        assertThat(ids("harmless")).containsExactly(mine);
        assertThat(hits("harmless").toString()).doesNotContain("eppelin");
        // an entityId of another entity with my key is refused
        assertThat(search(owner, "q=zeppelin&entityId=" + other.entity()).status()).isEqualTo(403);
    }

    @Test
    void aChangeIsSearchableAsSoonAsItsRequestAnswered() {
        String id = create("Firewall");
        assertThat(ids("firewall")).containsExactly(id);
        tickets.patched(owner, id, body("subject", "Gateway"));
        assertThat(ids("firewall")).isEmpty();
        assertThat(ids("gateway")).containsExactly(id);
        tickets.messaged(owner, id, body("body", "hotfix applied"));
        assertThat(ids("hotfix")).containsExactly(id);
    }

    @Test
    void aMergeMovesTheConversationsWordsToTheTarget() {
        String target = create("Target");
        String source = create("Source");
        tickets.messaged(owner, source, body("body", "kumquat paper jam"));
        assertThat(ids("kumquat")).containsExactly(source);

        HttpApi.Response merged = api.post(TicketApi.TICKETS + "/" + target + "/merge").bearer(owner.apiKey())
                .json(body("sourceIds", List.of(source))).send();

        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(ids("kumquat")).containsExactly(target);
        assertThat(ids("\"paper jam\"")).containsExactly(target);
        assertThat(ids("merged")).containsExactly(source);
    }

    @Test
    void aWordDeepInAHundredThousandCharacterMessageIsFoundWithASnippetAroundIt() {
        String id = create("Long log");
        String body = "lorem ipsum ".repeat(8_330) + "kernelpanic happened" + " dolor".repeat(5);
        body = body.substring(body.length() - 100_000);
        tickets.messaged(owner, id, body("body", body));

        JsonNode hit = hits("kernelpanic").get(0);
        JsonNode match = hit.get("matches").get(0);
        String snippet = match.get("snippet").stringValue();
        assertThat(snippet.length()).isLessThanOrEqualTo(300);
        assertThat(marked(match)).containsExactly("kernelpanic");
        assertThat(snippet).endsWith("dolor");
        for (String word : snippet.split(" ")) {
            assertThat(word).as("cut at word boundaries").isIn("lorem", "ipsum", "kernelpanic", "happened", "dolor");
        }
        assertThat(ids("\"kernelpanic happened\"")).containsExactly(id);
    }

    @Test
    void searchNeedsCredentialsAndReadAccess() {
        assertError(api.get(SEARCH + "?q=x").send(), 401);
        HttpApi.Response bySession = api.get(SEARCH + "?q=x&entityId=" + owner.entity()).session(owner.session()).send();
        assertThat(bySession.status()).isEqualTo(200);
    }
}
