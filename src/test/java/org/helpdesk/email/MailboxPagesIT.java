package org.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.MailTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The "Mailboxes" and "Suspended mail" settings tabs over HTTP, as an administrator's browser sends them. */
class MailboxPagesIT extends ApiTest {
    @Autowired
    MailPoller poller;

    HttpApi.Owner owner;
    String support;
    String mailboxesPage;
    String suspendedPage;

    @BeforeEach
    void setUp() {
        owner = api.newOwner();
        support = MailTestServer.newSupportAddress();
        mailboxesPage = "/e/" + owner.entity() + "/settings/mailboxes";
        suspendedPage = "/e/" + owner.entity() + "/settings/suspended-mail";
    }

    private HttpApi.Response page(String path, HttpApi.Session session) {
        return api.get(path).session(session).header("Accept", "text/html").send();
    }

    private HttpApi.Response form(String path, Map<String, String> fields) {
        return form(path, fields, owner.session());
    }

    private HttpApi.Response form(String path, Map<String, String> fields, HttpApi.Session session) {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return api.post(path).session(session).header("Accept", "text/html")
                .raw(body, "application/x-www-form-urlencoded").send();
    }

    private Map<String, String> newMailboxForm() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", "Support desk");
        f.put("address", support);
        f.put("imapHost", "127.0.0.1");
        f.put("imapPort", String.valueOf(MailTestServer.imapPort()));
        f.put("imapSecurity", "none");
        f.put("imapUsername", "");
        f.put("imapPassword", MailTestServer.PASSWORD);
        f.put("smtpHost", "127.0.0.1");
        f.put("smtpPort", String.valueOf(MailTestServer.smtpPort()));
        f.put("smtpSecurity", "none");
        f.put("smtpUsername", "");
        f.put("smtpPassword", "");
        f.put("pollSeconds", "5");
        f.put("enabled", "true");
        return f;
    }

    private JsonNode mailboxes() {
        return api.get("/api/settings/mailboxes?entityId=" + owner.entity()).session(owner.session()).send().json();
    }

    private String createMailbox() {
        HttpApi.Response created = form(mailboxesPage, newMailboxForm());
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        return mailboxes().get(0).get("id").stringValue();
    }

    @Test
    void anAdminAddsTestsEditsAndDeletesAMailboxAndNeverSeesAPassword() {
        HttpApi.Response empty = page(mailboxesPage, owner.session());
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.body()).contains(">Mailboxes</a>", ">Suspended mail</a>", "Add mailbox", "No mailboxes yet",
                "IMAP host", "SMTP password", "Poll every (seconds)");

        String id = createMailbox();
        HttpApi.Response list = page(mailboxesPage, owner.session());

        assertThat(list.body()).contains("Mailbox " + support + " added", support, "Support desk", "Not yet",
                "Test connection", "Edit", "Delete");
        JsonNode mailbox = mailboxes().get(0);
        assertThat(mailbox.get("imapUsername").stringValue()).isEqualTo(support);
        assertThat(mailbox.get("imapSecurity").stringValue()).isEqualTo("none");

        HttpApi.Response tested = form(mailboxesPage + "/" + id + "/test", Map.of());
        assertThat(tested.status()).isEqualTo(302);
        assertThat(page(mailboxesPage, owner.session()).body())
                .contains("Test connection of " + support + ": IMAP connected and signed in; SMTP connected.");

        HttpApi.Response edit = page(mailboxesPage + "/" + id, owner.session());
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("Save mailbox", "value=\"Support desk\"", "leave empty to keep the stored password")
                .doesNotContain(MailTestServer.PASSWORD);
        Map<String, String> renamed = new LinkedHashMap<>(newMailboxForm());
        renamed.put("name", "Help desk");
        renamed.put("imapPassword", "");
        renamed.put("imapUsername", support);
        HttpApi.Response saved = form(mailboxesPage + "/" + id, renamed);
        assertThat(saved.status()).as(saved.body()).isEqualTo(302);
        assertThat(mailboxes().get(0).get("name").stringValue()).isEqualTo("Help desk");
        assertThat(page(mailboxesPage, owner.session()).body()).contains("Mailbox " + support + " saved", "Help desk");

        Map<String, String> moved = new LinkedHashMap<>(renamed);
        moved.put("imapPort", "1143");
        HttpApi.Response refused = form(mailboxesPage + "/" + id, moved);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("imapPassword-error", "IMAP password must be given again")
                .doesNotContain(MailTestServer.PASSWORD);
        assertThat(mailboxes().get(0).get("imapPort").intValue()).isEqualTo(MailTestServer.imapPort());

        HttpApi.Response deleted = form(mailboxesPage + "/" + id + "/delete", Map.of());
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(mailboxes().size()).isZero();
        assertThat(page(mailboxesPage, owner.session()).body()).contains("Mailbox deleted", "No mailboxes yet");
    }

    @Test
    void aMissingPasswordIsShownNextToItsFieldAndCreatesNothing() {
        Map<String, String> f = newMailboxForm();
        f.put("imapPassword", "");

        HttpApi.Response r = form(mailboxesPage, f);

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.body()).contains("id=\"imapPassword-error\"", "IMAP password is required", "value=\"Support desk\"");
        assertThat(mailboxes().size()).isZero();
    }

    @Test
    void theSuspendedMailTabListsHeldBackMailWithItsReasonAndReleasesAndDeletesIt() {
        String id = createMailbox();
        String contact = "flood-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
        for (int i = 0; i < 22; i++) {
            MailTestServer.deliver(support, MailTestServer.mail(contact, support, "Flood " + i, "mail " + i));
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            poller.poll(owner.entityId(), UUID.fromString(id));
            return MailTestServer.unseen(support) == 0;
        });

        HttpApi.Response tab = page(suspendedPage, owner.session());

        assertThat(tab.status()).isEqualTo(200);
        assertThat(tab.body()).contains("Support desk", support, contact,
                "More than 20 mails a minute from " + contact, ">Release</button>", ">Delete</button>");
        JsonNode held = api.get("/api/settings/mailboxes/" + id + "/suspended?entityId=" + owner.entity())
                .session(owner.session()).send().json();
        assertThat(held.size()).isEqualTo(2);
        String first = held.get(0).get("id").stringValue();
        String second = held.get(1).get("id").stringValue();

        HttpApi.Response released = form(suspendedPage + "/" + id + "/" + first + "/release", Map.of());
        assertThat(released.status()).isEqualTo(302);
        assertThat(page(suspendedPage, owner.session()).body()).contains("Mail released: it opened HD-");
        HttpApi.Response again = form(suspendedPage + "/" + id + "/" + first + "/release", Map.of());
        assertThat(again.status()).isEqualTo(302);
        assertThat(page(suspendedPage, owner.session()).body()).contains("No such suspended mail");
        assertThat(api.get("/api/helpdesk/tickets?limit=200").bearer(owner.apiKey()).send().json().size())
                .isEqualTo(21);

        HttpApi.Response deleted = form(suspendedPage + "/" + id + "/" + second + "/delete", Map.of());
        assertThat(deleted.status()).isEqualTo(302);
        assertThat(page(suspendedPage, owner.session()).body()).contains("Suspended mail deleted", "No suspended mail.");
    }

    @Test
    void anAgentGets403OnBothTabsAndAnotherEntitysAdminCannotReleaseThisEntitysMail() {
        String id = createMailbox();
        HttpApi.Session agent = api.newMember(owner, "agent");
        HttpApi.Owner stranger = api.newOwner();

        assertThat(page(mailboxesPage, agent).status()).isEqualTo(403);
        assertThat(page(suspendedPage, agent).status()).isEqualTo(403);
        assertThat(form(suspendedPage + "/" + id + "/" + UUID.randomUUID() + "/release", Map.of(), agent).status())
                .isEqualTo(403);
        // in their own entity the stranger's pages know nothing of this mailbox
        String theirs = "/e/" + stranger.entity() + "/settings";
        assertThat(page(theirs + "/mailboxes/" + id, stranger.session()).status()).isEqualTo(404);
        assertThat(form(theirs + "/mailboxes/" + id + "/delete", Map.of(), stranger.session()).status()).isEqualTo(404);
        assertThat(mailboxes().size()).isEqualTo(1);
    }
}
