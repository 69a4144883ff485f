package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.body;
import static org.helpdesk.support.TicketApi.encode;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The agents' pages for tags, canned replies, macros and merges, as server-rendered HTML over HTTP: the forms
 * work without script, through the same use cases as the API (the browser test covers the script).
 */
class AgentSpeedPagesIT extends ApiTest {

    private HttpApi.Response get(HttpApi.Session session, String path) {
        return api.get(path).session(session).header("Accept", "text/html").send();
    }

    private HttpApi.Response page(HttpApi.Owner owner, String path) {
        HttpApi.Response r = get(owner.session(), "/e/" + owner.entity() + path);
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r;
    }

    private HttpApi.Response form(HttpApi.Session session, String path, String body) {
        return api.post(path).session(session).header("Accept", "text/html")
                .raw(body, "application/x-www-form-urlencoded").send();
    }

    /** The page a post redirected to, with its flash message. */
    private String followed(HttpApi.Session session, HttpApi.Response redirect) {
        assertThat(redirect.status()).as(redirect.body()).isIn(302, 303);
        HttpApi.Response next = get(session, redirect.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(next.status()).isEqualTo(200);
        return next.body();
    }

    private static String number(JsonNode ticket) {
        return ticket.get("ticketNumber").stringValue().substring(3);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static String pickerTag(String page) {
        Matcher tag = Pattern.compile("<div id=\"canned-picker\"[^>]*>").matcher(page);
        assertThat(tag.find()).as("the canned-reply picker").isTrue();
        return tag.group();
    }

    private JsonNode onlyReply(HttpApi.Owner owner) {
        JsonNode replies = api.get("/api/helpdesk/canned-replies").bearer(owner.apiKey()).send().json();
        assertThat(replies).hasSize(1);
        return replies.get(0);
    }

    private JsonNode onlyMacro(HttpApi.Owner owner) {
        JsonNode macros = api.get("/api/helpdesk/macros").bearer(owner.apiKey()).send().json();
        assertThat(macros).hasSize(1);
        return macros.get(0);
    }

    @Test
    void theTicketPageHasExactlyOneTagsFieldAndTheListShowsTags() {
        HttpApi.Owner owner = api.newOwner();
        JsonNode t = new TicketApi(api).create(owner, body("subject", "Tagged", "tags", List.of("vip", "billing")));

        String ticketPage = page(owner, "/tickets/" + number(t)).body();
        assertThat(ticketPage).contains("<label for=\"field-tags\">Tags</label>", "value=\"billing vip\"",
                "<option value=\"vip\">", "Merge tickets", "Insert canned reply", "Apply macro");
        assertThat(count(ticketPage, ">Tags<")).as("Tags on the page").isEqualTo(1);
        assertThat(page(owner, "/tickets?view=all").body()).contains(">vip</span>");

        HttpApi.Session viewer = api.newMember(owner, "viewer");
        String viewersPage = get(viewer, "/e/" + owner.entity() + "/tickets/" + number(t)).body();
        assertThat(count(viewersPage, ">Tags<")).isEqualTo(1);
        assertThat(viewersPage).contains("<dt>Tags</dt>", ">billing</span>").doesNotContain("field-tags",
                "Insert canned reply", "Apply macro");
    }

    @Test
    void aMergedTicketLinksToItsTarget() {
        HttpApi.Owner owner = api.newOwner();
        TicketApi tickets = new TicketApi(api);
        JsonNode target = tickets.create(owner, "Target");
        JsonNode source = tickets.create(owner, "Source");
        api.post(TicketApi.TICKETS + "/" + target.get("id").stringValue() + "/merge").bearer(owner.apiKey())
                .json(body("sourceIds", List.of(source.get("id").stringValue()))).send();

        String sourcePage = page(owner, "/tickets/" + number(source)).body();
        String targetNumber = target.get("ticketNumber").stringValue();
        assertThat(sourcePage).contains("Merged into " + targetNumber,
                "/e/" + owner.entity() + "/tickets/" + targetNumber.substring(3)).doesNotContain("Apply macro");
        assertThat(page(owner, "/tickets/" + targetNumber.substring(3)).body())
                .contains("merged another ticket into this one");
    }

    @Test
    void mergeShowsTheTargetsNumberAndSubjectAndTheSourcesBeforeAnythingMoves() {
        HttpApi.Owner owner = api.newOwner();
        TicketApi tickets = new TicketApi(api);
        JsonNode target = tickets.create(owner, "Printer on fire");
        JsonNode source = tickets.create(owner, "Printer smokes");
        String base = "/e/" + owner.entity() + "/tickets/" + number(target);

        String preview = page(owner, "/tickets/" + number(target) + "/merge?numbers="
                + encode(source.get("ticketNumber").stringValue())).body();

        assertThat(preview).contains("Merge into " + target.get("ticketNumber").stringValue() + "?",
                "Printer on fire", source.get("ticketNumber").stringValue(), "Printer smokes", "Confirm merge");
        assertThat(tickets.get(owner, source.get("id").stringValue()).get("mergedInto").isNull()).isTrue();

        String after = followed(owner.session(), form(owner.session(), base + "/merge",
                "numbers=" + encode(source.get("ticketNumber").stringValue())));

        assertThat(after).contains("Merged " + source.get("ticketNumber").stringValue() + " into "
                + target.get("ticketNumber").stringValue());
        assertThat(tickets.get(owner, source.get("id").stringValue()).get("mergedInto").stringValue())
                .isEqualTo(target.get("id").stringValue());
    }

    @Test
    void aMergeOfItselfOrOfAnUnknownNumberIsRefusedNextToTheField() {
        HttpApi.Owner owner = api.newOwner();
        JsonNode target = new TicketApi(api).create(owner, "Alone");
        String path = "/e/" + owner.entity() + "/tickets/" + number(target) + "/merge?numbers=";

        HttpApi.Response itself = get(owner.session(), path + number(target));
        HttpApi.Response unknown = get(owner.session(), path + "HD-999");
        HttpApi.Response empty = get(owner.session(), path);

        assertThat(itself.status()).isEqualTo(422);
        assertThat(itself.body()).contains("id=\"numbers-error\"", "A ticket cannot be merged into itself.");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("No ticket HD-999 in this entity.");
        assertThat(empty.body()).contains("Type the number of a ticket to merge into this one");
    }

    @Test
    void anAdminCreatesASharedCannedReplyAndTheComposerInsertsItFilledInForTheTicket() {
        HttpApi.Owner owner = api.newOwner();
        String settings = "/e/" + owner.entity() + "/settings/canned-replies";
        HttpApi.Response created = form(owner.session(), settings, "title=Welcome&shared=on&body="
                + encode("Hello {{contact.firstName | \"there\"}}, about {{ticket.number}}."));
        assertThat(followed(owner.session(), created)).contains("Canned reply “Welcome” created", "Everyone (shared)",
                "Canned replies", "Macros");
        JsonNode reply = onlyReply(owner);
        assertThat(reply.get("shared").booleanValue()).isTrue();
        JsonNode ticket = new TicketApi(api).create(owner, body("subject", "Hi", "contactEmail", "bob@example.com",
                "contactName", "Bob Stone"));
        String ticketPath = "/e/" + owner.entity() + "/tickets/" + number(ticket);

        HttpApi.Response picker = form(owner.session(), ticketPath + "/compose", "body=" + encode("Thanks."));
        HttpApi.Response inserted = form(owner.session(), ticketPath + "/compose",
                "body=" + encode("Thanks.") + "&insert=" + reply.get("id").stringValue());
        HttpApi.Response rendered = get(owner.session(), ticketPath + "/canned-replies/" + reply.get("id").stringValue());

        assertThat(picker.status()).isEqualTo(200);
        assertThat(pickerTag(picker.body())).as("the picker is shown").doesNotContain(" hidden");
        assertThat(pickerTag(get(owner.session(), ticketPath).body())).as("until asked for").contains(" hidden");
        assertThat(picker.body()).contains(">Welcome</button>", "Thanks.</textarea>");
        assertThat(inserted.status()).isEqualTo(200);
        assertThat(inserted.body()).contains("Thanks.\n\nHello Bob, about " + ticket.get("ticketNumber").stringValue()
                + ".</textarea>", "Inserted canned reply “Welcome”");
        assertThat(rendered.status()).isEqualTo(200);
        assertThat(rendered.header("Content-Type")).startsWith("text/plain");
        assertThat(rendered.body()).isEqualTo("Hello Bob, about " + ticket.get("ticketNumber").stringValue() + ".");
        assertThat(new TicketApi(api).get(owner, ticket.get("id").stringValue()).get("messages"))
                .as("inserting sends nothing").isEmpty();
    }

    @Test
    void aCannedReplyWithAnUnknownVariableIsRefusedNextToTheBody() {
        HttpApi.Owner owner = api.newOwner();

        HttpApi.Response r = form(owner.session(), "/e/" + owner.entity() + "/settings/canned-replies",
                "title=Oops&body=" + encode("Hi {{contact.shoeSize}}"));

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"body-error\"", "contact.shoeSize", "value=\"Oops\"");
        assertThat(api.get("/api/helpdesk/canned-replies").bearer(owner.apiKey()).send().json()).isEmpty();
    }

    @Test
    void anAgentWritesOnlyPersonalRepliesAndNeverSeesAnotherMembersPersonalOnes() {
        HttpApi.Owner owner = api.newOwner();
        String settings = "/e/" + owner.entity() + "/settings/canned-replies";
        followed(owner.session(), form(owner.session(), settings, "title=Shared+one&shared=on&body=Hello"));
        String sharedId = onlyReply(owner).get("id").stringValue();
        HttpApi.Session agent = api.newMember(owner, "agent");

        HttpApi.Response agentsPage = get(agent, settings);
        HttpApi.Response sneaky = form(agent, settings, "title=Sneaky&shared=on&body=Hi");
        HttpApi.Response personal = form(agent, settings, "title=Mine+only&body=Hi");
        HttpApi.Response editShared = get(agent, settings + "/" + sharedId);

        assertThat(agentsPage.status()).isEqualTo(200);
        assertThat(agentsPage.body()).contains("Shared one", "Create canned reply", "Your canned replies are personal")
                .doesNotContain("Shared with the team", "Edit Shared one");
        assertThat(sneaky.status()).isEqualTo(403);
        assertThat(followed(agent, personal)).contains("Mine only", "Only you (personal)", "Edit Mine only");
        assertThat(editShared.status()).isEqualTo(403);
        assertThat(page(owner, "/settings/canned-replies").body()).contains("Shared one").doesNotContain("Mine only");

        Matcher id = Pattern.compile("settings/canned-replies/([0-9a-f-]{36})/delete").matcher(get(agent, settings).body());
        assertThat(id.find()).isTrue();
        String mine = id.group(1);
        assertThat(followed(agent, form(agent, settings + "/" + mine, "title=Mine+renamed&body=Hello+again")))
                .contains("Mine renamed");
        assertThat(followed(agent, form(agent, settings + "/" + mine + "/delete", "")))
                .contains("Canned reply “Mine renamed” deleted").doesNotContain("Edit Mine renamed");
        assertThat(form(owner.session(), settings + "/" + mine + "/delete", "").status()).as("another's personal")
                .isEqualTo(404);
    }

    @Test
    void anAdminWritesAMacroAndAnAgentAppliesItFromTheTicketPageSeeingWhatChanged() {
        HttpApi.Owner owner = api.newOwner();
        String settings = "/e/" + owner.entity() + "/settings/macros";
        HttpApi.Response created = form(owner.session(), settings,
                "title=Escalate&status=pending&priority=urgent&assignedTo=me&categoryId=&addTags=vip+later&removeTags="
                        + "&cannedReplyId=&replyBody=" + encode("Escalated by {{agent.firstName}}") + "&replyInternal=on");
        assertThat(followed(owner.session(), created)).contains("Macro “Escalate” created", "Status: pending",
                "Priority: urgent", "Assignee: whoever applies it", "Add tags: later, vip",
                "Internal note: “Escalated by {{agent.firstName}}”");
        JsonNode macro = onlyMacro(owner);
        JsonNode ticket = new TicketApi(api).create(owner, "Needs a boss");
        HttpApi.Session agent = api.newMember(owner, "agent");
        String ticketPath = "/e/" + owner.entity() + "/tickets/" + number(ticket);
        assertThat(get(agent, ticketPath).body()).contains("Apply macro", ">Escalate</button>", "Status: pending");

        String after = followed(agent, form(agent, ticketPath + "/macros/" + macro.get("id").stringValue(), ""));

        assertThat(after).contains("Macro “Escalate” applied: internal note added; status new → pending; "
                + "priority normal → urgent; assigned to Agent; tags added: later, vip");
        JsonNode changed = new TicketApi(api).get(owner, ticket.get("id").stringValue());
        assertThat(changed.get("status").stringValue()).isEqualTo("pending");
        assertThat(changed.get("tags").toString()).isEqualTo("[\"later\",\"vip\"]");
        assertThat(after).contains("Escalated by Agent");
    }

    @Test
    void theBulkBarAppliesAMacroToEverySelectedTicket() {
        HttpApi.Owner owner = api.newOwner();
        followed(owner.session(), form(owner.session(), "/e/" + owner.entity() + "/settings/macros",
                "title=Park&status=pending&addTags=parked"));
        JsonNode macro = onlyMacro(owner);
        TicketApi tickets = new TicketApi(api);
        List<JsonNode> three = List.of(tickets.create(owner, "One"), tickets.create(owner, "Two"),
                tickets.create(owner, "Three"));
        JsonNode untouched = tickets.create(owner, "Four");
        String list = "/e/" + owner.entity() + "/tickets?view=all";
        assertThat(page(owner, "/tickets?view=all").body()).contains("Macro for selected", "Apply macro",
                ">Park</option>");

        StringBuilder post = new StringBuilder("action=macro&macroId=" + macro.get("id").stringValue()
                + "&back=" + encode(list));
        three.forEach(t -> post.append("&ids=").append(t.get("id").stringValue()));
        String after = followed(owner.session(), form(owner.session(), "/e/" + owner.entity() + "/tickets/bulk",
                post.toString()));

        assertThat(after).contains("Macro “Park” applied to 3 tickets");
        for (JsonNode t : three) {
            JsonNode now = tickets.get(owner, t.get("id").stringValue());
            assertThat(now.get("status").stringValue()).isEqualTo("pending");
            assertThat(now.get("tags").toString()).isEqualTo("[\"parked\"]");
        }
        assertThat(tickets.get(owner, untouched.get("id").stringValue()).get("status").stringValue()).isEqualTo("new");
    }

    @Test
    void aMacroFormThatDoesNothingOrHasABadTagIsRefusedNextToItsField() {
        HttpApi.Owner owner = api.newOwner();
        String settings = "/e/" + owner.entity() + "/settings/macros";

        HttpApi.Response nothing = form(owner.session(), settings, "title=Idle&status=&priority=");
        HttpApi.Response badTag = form(owner.session(), settings, "title=Tagger&addTags=" + encode("ok no!pe"));
        HttpApi.Response both = form(owner.session(), settings, "title=Twice&replyBody=Hi&cannedReplyId="
                + java.util.UUID.randomUUID());

        assertThat(nothing.status()).isEqualTo(422);
        assertThat(nothing.body()).contains("id=\"actions-error\"", "Choose at least one thing for the macro to do.",
                "value=\"Idle\"");
        assertThat(badTag.status()).isEqualTo(422);
        assertThat(badTag.body()).contains("id=\"addTags-error\"", "Add tags");
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.body()).contains("id=\"reply-error\"", "Choose a canned reply or write a reply text, not both.");
        assertThat(api.get("/api/helpdesk/macros").bearer(owner.apiKey()).send().json()).isEmpty();
    }

    @Test
    void anAgentReadsMacrosButOnlyAdminsWriteThem() {
        HttpApi.Owner owner = api.newOwner();
        String settings = "/e/" + owner.entity() + "/settings/macros";
        followed(owner.session(), form(owner.session(), settings, "title=Close+it&status=closed"));
        String id = onlyMacro(owner).get("id").stringValue();
        HttpApi.Session agent = api.newMember(owner, "agent");

        HttpApi.Response agentsPage = get(agent, settings);

        assertThat(agentsPage.status()).isEqualTo(200);
        assertThat(agentsPage.body()).contains("Close it", "Status: closed").doesNotContain("Create macro",
                "Edit Close it", "API keys");
        assertThat(form(agent, settings, "title=Mine&status=open").status()).isEqualTo(403);
        assertThat(form(agent, settings + "/" + id + "/delete", "").status()).isEqualTo(403);
        assertThat(followed(owner.session(), form(owner.session(), settings + "/" + id, "title=Close+now&status=closed")))
                .contains("Macro “Close now” saved");
        assertThat(followed(owner.session(), form(owner.session(), settings + "/" + id + "/delete", "")))
                .contains("Macro “Close now” deleted", "No macros yet.");
    }
}
