package org.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.MailTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The email channel end to end: mails delivered into a GreenMail mailbox become tickets and messages through the
 * real poller; agent replies leave through GreenMail's SMTP; everything is checked over the HTTP API.
 */
class EmailChannelIT extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MailPoller poller;
    @Autowired
    Mailboxes mailboxes;
    @Autowired
    MeterRegistry meters;

    HttpApi.Owner owner;
    String support;
    UUID mailboxId;
    String contact;

    @BeforeEach
    void mailbox() {
        owner = api.newOwner();
        support = MailTestServer.newSupportAddress();
        contact = "pat-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
        mailboxId = createMailbox(MailTestServer.mailboxBody(support));
    }

    private UUID createMailbox(Map<String, Object> body) {
        HttpApi.Response r = api.post("/api/settings/mailboxes?entityId=" + owner.entity()).session(owner.session())
                .json(body).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return UUID.fromString(r.json().get("id").stringValue());
    }

    /** Polls until nothing unseen is left (the scheduler may be polling at the same moment: then we wait). */
    private void pollAll() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            poller.poll(owner.entityId(), mailboxId);
            return MailTestServer.unseen(support) == 0;
        });
    }

    private List<JsonNode> tickets() {
        HttpApi.Response r = api.get("/api/helpdesk/tickets?limit=200").bearer(owner.apiKey()).send();
        assertThat(r.status()).isEqualTo(200);
        return r.json().valueStream().toList();
    }

    private JsonNode ticket(String id) {
        HttpApi.Response r = api.get("/api/helpdesk/tickets/" + id).bearer(owner.apiKey()).send();
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private JsonNode onlyTicket() {
        List<JsonNode> all = tickets();
        assertThat(all).hasSize(1);
        return ticket(all.get(0).get("id").stringValue());
    }

    private MimeMessage mailFromContact(String subject, String text) {
        return MailTestServer.mail("Pat Contact <" + contact + ">", support, subject, text);
    }

    private HttpApi.Response reply(String ticketId, Map<String, Object> body) {
        HttpApi.Response r = api.post("/api/helpdesk/tickets/" + ticketId + "/messages").bearer(owner.apiKey())
                .json(body).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    private JsonNode mailboxView() {
        return api.get("/api/settings/mailboxes?entityId=" + owner.entity()).session(owner.session()).send().json().get(0);
    }

    @Test
    void aNewMailBecomesATicketOnce() {
        MailTestServer.deliver(support, mailFromContact("Printer broken", "It prints nothing.\nPlease help."));

        pollAll();
        poller.poll(owner.entityId(), mailboxId);

        JsonNode t = onlyTicket();
        assertThat(t.get("subject").stringValue()).isEqualTo("Printer broken");
        assertThat(t.get("description").stringValue()).isEqualTo("It prints nothing.\nPlease help.");
        assertThat(t.get("contactEmail").stringValue()).isEqualTo(contact);
        assertThat(t.get("contactName").stringValue()).isEqualTo("Pat Contact");
        assertThat(t.get("channel").stringValue()).isEqualTo("email");
        assertThat(t.get("status").stringValue()).isEqualTo("new");
        assertThat(MailTestServer.unseen(support)).isZero();
        // the poll that imported may have been the background poller's (it holds the lease): its stamp follows
        await().atMost(WAIT).until(() -> !mailboxView().get("lastPolledAt").isNull());
        assertThat(mailboxView().get("lastError").isNull()).isTrue();
    }

    @Test
    void anHtmlMailWithoutSubjectGetsAPlaceholderSubjectAndReadableText() throws Exception {
        MimeMessage mail = mailFromContact("", "");
        mail.setContent("<html><body><p>Hello,</p><p>the <b>VPN</b> is down.</p></body></html>", "text/html; charset=UTF-8");
        mail.saveChanges();
        MailTestServer.deliver(support, mail);

        pollAll();

        JsonNode t = onlyTicket();
        assertThat(t.get("subject").stringValue()).isEqualTo("(no subject)");
        assertThat(t.get("description").stringValue()).isEqualTo("Hello,\nthe VPN is down.");
    }

    @Test
    void aReplyWithTheTicketNumberLandsOnTheTicketAndReopensIt() {
        MailTestServer.deliver(support, mailFromContact("Printer broken", "It prints nothing."));
        pollAll();
        JsonNode t = onlyTicket();
        String id = t.get("id").stringValue();
        assertThat(api.patch("/api/helpdesk/tickets/" + id).bearer(owner.apiKey()).json(Map.of("status", "resolved"))
                .send().status()).isEqualTo(200);

        MailTestServer.deliver(support, mailFromContact("Re: [" + t.get("ticketNumber").stringValue() + "] Printer broken",
                "Still broken!"));
        pollAll();

        JsonNode after = onlyTicket();
        assertThat(after.get("status").stringValue()).isEqualTo("open");
        assertThat(after.get("resolvedAt").isNull()).isTrue();
        JsonNode message = after.get("messages").get(0);
        assertThat(after.get("messages")).hasSize(1);
        assertThat(message.get("authorType").stringValue()).isEqualTo("contact");
        assertThat(message.get("authorName").stringValue()).isEqualTo("Pat Contact");
        assertThat(message.get("body").stringValue()).isEqualTo("Still broken!");
        assertThat(message.get("channel").stringValue()).isEqualTo("email");
        assertThat(message.get("delivery").isNull()).isTrue();
    }

    @Test
    void aReplyFoundByItsHeadersLandsOnTheTicketEvenWithAnotherSubject() throws Exception {
        MimeMessage first = mailFromContact("Printer broken", "It prints nothing.");
        MailTestServer.deliver(support, first);
        pollAll();
        String id = onlyTicket().get("id").stringValue();
        assertThat(api.patch("/api/helpdesk/tickets/" + id).bearer(owner.apiKey()).json(Map.of("status", "closed"))
                .send().status()).isEqualTo(200);

        MimeMessage answer = mailFromContact("Something else entirely", "Forgot to say: it is the 3rd floor one.");
        answer.setHeader("In-Reply-To", first.getMessageID());
        answer.setHeader("References", first.getMessageID());
        MailTestServer.deliver(support, answer);
        pollAll();

        JsonNode after = onlyTicket();
        assertThat(after.get("messages")).hasSize(1);
        assertThat(after.get("messages").get(0).get("body").stringValue()).contains("3rd floor");
        assertThat(after.get("status").stringValue()).isEqualTo("open");
    }

    @Test
    void aReplyNamingAnotherEntitysTicketNumberOpensANewTicket() {
        MailTestServer.deliver(support, mailFromContact("Printer broken", "x"));
        pollAll();

        MailTestServer.deliver(support, mailFromContact("Re: [HD-999999] Nothing", "y"));
        pollAll();

        assertThat(tickets()).hasSize(2);
    }

    @Test
    void anAgentReplyIsMailedOnceWithTheRightHeaders() throws Exception {
        MimeMessage first = mailFromContact("Re: Printer broken", "It prints nothing.");
        MailTestServer.deliver(support, first);
        pollAll();
        JsonNode t = onlyTicket();
        String id = t.get("id").stringValue();

        HttpApi.Response r = reply(id, Map.of("body", "Have you tried turning it off and on again?"));

        assertThat(r.json().get("channel").stringValue()).isEqualTo("email");
        assertThat(r.json().get("delivery").stringValue()).isIn("queued", "sent");
        await().atMost(WAIT).until(() -> MailTestServer.receivedBy(contact).size() == 1);
        await().atMost(WAIT).until(() -> "sent".equals(ticket(id).get("messages").get(0).get("delivery").stringValue()));
        MimeMessage sent = MailTestServer.receivedBy(contact).get(0);
        assertThat(sent.getFrom()[0].toString()).contains(support);
        assertThat(sent.getAllRecipients()[0].toString()).contains(contact);
        assertThat(sent.getSubject()).isEqualTo("[" + t.get("ticketNumber").stringValue() + "] Printer broken");
        String messageId = r.json().get("id").stringValue();
        assertThat(sent.getMessageID()).isEqualTo("<" + messageId + "@acme.test>");
        assertThat(sent.getHeader("In-Reply-To")[0]).isEqualTo(first.getMessageID());
        assertThat(sent.getHeader("References")[0]).contains(first.getMessageID());
        assertThat(sent.getContent().toString()).contains("turning it off and on again");

        // the contact answers that mail: no number in the subject, found by In-Reply-To
        MimeMessage answer = mailFromContact("Re: your mail", "Yes, twice.");
        answer.setHeader("In-Reply-To", sent.getMessageID());
        MailTestServer.deliver(support, answer);
        pollAll();
        assertThat(tickets()).hasSize(1);
        assertThat(ticket(id).get("messages")).hasSize(2);

        Thread.sleep(1500);
        assertThat(MailTestServer.receivedBy(contact)).as("still exactly one mail").hasSize(1);
    }

    @Test
    void theTicketPageShowsWhichMessagesCameInAndWentOutByEmail() throws Exception {
        MailTestServer.deliver(support, mailFromContact("Screen flickers", "Since Monday."));
        pollAll();
        JsonNode t = onlyTicket();
        String id = t.get("id").stringValue();
        reply(id, Map.of("body", "Which cable do you use?"));
        await().atMost(WAIT).until(() -> "sent".equals(ticket(id).get("messages").get(0).get("delivery").stringValue()));
        MimeMessage sent = MailTestServer.receivedBy(contact).get(0);
        MimeMessage answer = mailFromContact("Re: your mail", "The grey one.");
        answer.setHeader("In-Reply-To", sent.getMessageID());
        MailTestServer.deliver(support, answer);
        pollAll();
        String number = t.get("ticketNumber").stringValue().substring("HD-".length());

        HttpApi.Response page = api.get("/e/" + owner.entity() + "/tickets/" + number).session(owner.session())
                .header("Accept", "text/html").send();

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("email sent").contains("by email");
    }

    @Test
    void internalNotesAndTicketsWithoutContactSendNoMail() throws Exception {
        MailTestServer.deliver(support, mailFromContact("Printer broken", "x"));
        pollAll();
        String id = onlyTicket().get("id").stringValue();
        String noContact = api.post("/api/helpdesk/tickets").bearer(owner.apiKey()).json(Map.of("subject", "By phone"))
                .send().json().get("id").stringValue();

        HttpApi.Response note = reply(id, Map.of("body", "Between us: printer is ancient", "isInternal", true));
        HttpApi.Response phone = reply(noContact, Map.of("body", "Called back"));

        assertThat(note.json().get("delivery").isNull()).isTrue();
        assertThat(note.json().get("channel").stringValue()).isNotEqualTo("email");
        assertThat(phone.json().get("delivery").isNull()).isTrue();
        Thread.sleep(2000);
        assertThat(MailTestServer.receivedBy(contact)).isEmpty();
    }

    @Test
    void autoRepliesBouncesAndMailFromSupportAddressesOpenNoTicketAndAreSuspended() throws Exception {
        MimeMessage vacation = mailFromContact("Out of office", "I am away");
        vacation.setHeader("Auto-Submitted", "auto-replied");
        MimeMessage list = mailFromContact("Newsletter", "News");
        list.setHeader("Precedence", "bulk");
        MimeMessage responder = mailFromContact("Thanks", "We got your mail");
        responder.setHeader("X-Autorespond", "yes");
        MimeMessage bounce = MailTestServer.mail("MAILER-DAEMON@mx.customer.test", support, "Undelivered", "550");
        String otherSupport = MailTestServer.newSupportAddress();
        HttpApi.Owner other = api.newOwner();
        assertThat(api.post("/api/settings/mailboxes?entityId=" + other.entity()).session(other.session())
                .json(MailTestServer.mailboxBody(otherSupport)).send().status()).isEqualTo(201);
        MimeMessage loop = MailTestServer.mail(otherSupport, support, "[HD-1] Loop", "from another helpdesk mailbox");
        for (MimeMessage m : List.of(vacation, list, responder, bounce, loop)) {
            MailTestServer.deliver(support, m);
        }

        pollAll();

        assertThat(tickets()).isEmpty();
        assertThat(MailTestServer.unseen(support)).isZero();
        assertThat(meters.counter("helpdesk.mail.suspended", "reason", "automatic").count()).isGreaterThanOrEqualTo(4);
        assertThat(meters.counter("helpdesk.mail.suspended", "reason", "loop").count()).isGreaterThanOrEqualTo(1);
        HttpApi.Response held = api.get("/api/settings/mailboxes/" + mailboxId + "/suspended?entityId=" + owner.entity())
                .session(owner.session()).send();
        assertThat(held.json().valueStream().map(j -> j.get("reason").stringValue()).sorted().toList())
                .containsExactly("automatic", "automatic", "automatic", "automatic", "loop");
    }

    @Test
    void aSenderFloodingTheMailboxIsHeldBackAfterTheLimit() {
        for (int i = 0; i < 24; i++) {
            MailTestServer.deliver(support, mailFromContact("Flood " + i, "mail " + i));
        }

        pollAll();

        assertThat(tickets()).hasSize(20);
        assertThat(api.get("/api/settings/mailboxes/" + mailboxId + "/suspended?entityId=" + owner.entity())
                .session(owner.session()).send().json().size()).isEqualTo(4);
    }

    @Test
    void twoPollersAtOnceImportEveryMailExactlyOnce() throws Exception {
        int mails = 30;
        for (int i = 0; i < mails; i++) {
            MailTestServer.deliver(support, MailTestServer.mail("sender" + i + "@customer.test", support, "Race " + i, "text " + i));
        }
        Mailbox mailbox = mailboxes.find(owner.entityId(), mailboxId).orElseThrow();

        // no claim here: both read the same unseen list and race on every mail; the import record decides
        List<Callable<Boolean>> pollers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pollers.add(() -> poller.importUnseen(mailbox, java.time.Instant.now()));
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
            for (Future<Boolean> f : pool.invokeAll(pollers)) {
                f.get();
            }
        }
        pollAll();

        List<JsonNode> all = tickets();
        assertThat(all).hasSize(mails);
        assertThat(all.stream().map(t -> t.get("subject").stringValue()).distinct()).hasSize(mails);
    }

    @Test
    void onlyOneNodeHoldsAMailboxsClaim() {
        // the new mailbox's first poll is due at once: wait until the app's own poller has let go of its claim
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> claimedAt = new java.util.concurrent.atomic.AtomicReference<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            java.time.Instant at = java.time.Instant.now();
            claimedAt.set(at);
            return mailboxes.claim(owner.entityId(), mailboxId, "node-a", at, at.plusSeconds(60));
        });
        java.time.Instant now = claimedAt.get();
        boolean first = true;
        boolean second = mailboxes.claim(owner.entityId(), mailboxId, "node-b", now, now.plusSeconds(60));
        boolean afterExpiry = mailboxes.claim(owner.entityId(), mailboxId, "node-b", now.plusSeconds(61), now.plusSeconds(120));

        assertThat(List.of(first, second, afterExpiry)).containsExactly(true, false, true);
        mailboxes.release(owner.entityId(), mailboxId, "node-b", now, now, null);
    }

    @Test
    void anUnreachableSmtpServerIsRetriedThenTheFailureShowsOnTheTicket() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        assertThat(api.patch("/api/settings/mailboxes/" + mailboxId + "?entityId=" + owner.entity())
                .session(owner.session()).json(Map.of("smtpPort", closedPort, "smtpPassword", MailTestServer.PASSWORD)).send().status()).isEqualTo(200);
        MailTestServer.deliver(support, mailFromContact("Printer broken", "x"));
        pollAll();
        String id = onlyTicket().get("id").stringValue();
        double failedBefore = meters.counter("helpdesk.mail.failed").count();

        String messageId = reply(id, Map.of("body", "We are on it")).json().get("id").stringValue();

        await().atMost(WAIT).until(() -> "failed".equals(message(id, messageId).get("delivery").stringValue()));
        JsonNode t = ticket(id);
        JsonNode note = t.get("messages").valueStream().filter(m -> m.get("authorType").stringValue().equals("system"))
                .findFirst().orElseThrow();
        assertThat(note.get("isInternal").booleanValue()).isTrue();
        assertThat(note.get("body").stringValue()).contains("could not be delivered").contains("could not connect")
                .contains("3 attempts");
        assertThat(meters.counter("helpdesk.mail.failed").count()).isEqualTo(failedBefore + 1);
        assertThat(meters.counter("helpdesk.mail.send.retries").count()).isGreaterThanOrEqualTo(2);
        assertThat(MailTestServer.receivedBy(contact)).isEmpty();
    }

    private JsonNode message(String ticketId, String messageId) {
        return ticket(ticketId).get("messages").valueStream().filter(m -> m.get("id").stringValue().equals(messageId))
                .findFirst().orElseThrow();
    }


    @Test
    void aReplyFromAStrangerBecomesAnInternalNoteAndReopensNothing() {
        MailTestServer.deliver(support, mailFromContact("Printer broken", "It prints nothing."));
        pollAll();
        JsonNode t = onlyTicket();
        String id = t.get("id").stringValue();
        assertThat(api.patch("/api/helpdesk/tickets/" + id).bearer(owner.apiKey()).json(Map.of("status", "resolved"))
                .send().status()).isEqualTo(200);
        String stranger = "mallory-" + UUID.randomUUID().toString().substring(0, 8) + "@elsewhere.test";

        MailTestServer.deliver(support, MailTestServer.mail("Mallory <" + stranger + ">", support,
                "Re: [" + t.get("ticketNumber").stringValue() + "] Printer broken", "Please send me the invoice."));
        pollAll();

        JsonNode after = onlyTicket();
        assertThat(after.get("status").stringValue()).isEqualTo("resolved");
        assertThat(after.get("messages")).hasSize(1);
        JsonNode note = after.get("messages").get(0);
        assertThat(note.get("isInternal").booleanValue()).isTrue();
        assertThat(note.get("authorType").stringValue()).isNotEqualTo("contact");
        assertThat(note.get("body").stringValue()).isEqualTo("From " + stranger + ": Please send me the invoice.");
        assertThat(note.get("fromAddress").stringValue()).isEqualTo(stranger);

        // the contact's own reply still speaks for the contact and reopens
        MailTestServer.deliver(support, mailFromContact("Re: [" + t.get("ticketNumber").stringValue() + "] Printer"
                + " broken", "Still broken!"));
        pollAll();
        JsonNode reopened = onlyTicket();
        assertThat(reopened.get("status").stringValue()).isEqualTo("open");
        JsonNode reply = reopened.get("messages").get(1);
        assertThat(reply.get("authorType").stringValue()).isEqualTo("contact");
        assertThat(reply.get("fromAddress").stringValue()).isEqualTo(contact);
        assertThat(ticket(id).get("messages").get(1).has("fromAddress")).isTrue();
    }

    @Test
    void messagesThatDidNotComeByEmailHaveNoFromAddress() {
        String id = api.post("/api/helpdesk/tickets").bearer(owner.apiKey()).json(Map.of("subject", "By hand"))
                .send().json().get("id").stringValue();
        reply(id, Map.of("body", "Hello", "isInternal", true));

        JsonNode message = ticket(id).get("messages").get(0);
        assertThat(message.has("fromAddress")).isTrue();
        assertThat(message.get("fromAddress").isNull()).isTrue();
    }
}
