package org.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;
import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.MailTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 28: mail a guard stops is suspended, never dropped. Mails delivered into GreenMail go through the real
 * poller; the suspended list, release and delete are used over HTTP as an administrator would.
 */
class SuspendedMailIT extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MailPoller poller;
    @Autowired
    SuspendedMailPurge purge;
    @Autowired
    JdbcClient jdbc;

    HttpApi.Owner owner;
    String support;
    UUID mailboxId;
    String contact;

    @BeforeEach
    void mailbox() {
        owner = api.newOwner();
        support = MailTestServer.newSupportAddress();
        contact = "pat-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";
        HttpApi.Response r = api.post("/api/settings/mailboxes?entityId=" + owner.entity()).session(owner.session())
                .json(MailTestServer.mailboxBody(support)).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        mailboxId = UUID.fromString(r.json().get("id").stringValue());
    }

    private void pollAll() {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            poller.poll(owner.entityId(), mailboxId);
            return MailTestServer.unseen(support) == 0;
        });
    }

    private String suspendedPath() {
        return "/api/settings/mailboxes/" + mailboxId + "/suspended";
    }

    private List<JsonNode> suspendedList() {
        HttpApi.Response r = api.get(suspendedPath() + "?entityId=" + owner.entity()).session(owner.session()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().valueStream().toList();
    }

    private HttpApi.Response release(String suspendedId) {
        return api.post(suspendedPath() + "/" + suspendedId + "/release?entityId=" + owner.entity())
                .session(owner.session()).send();
    }

    private List<JsonNode> tickets() {
        HttpApi.Response r = api.get("/api/helpdesk/tickets?limit=200").bearer(owner.apiKey()).send();
        assertThat(r.status()).isEqualTo(200);
        return r.json().valueStream().toList();
    }

    private MimeMessage fromContact(String subject, String text) {
        return MailTestServer.mail("Pat Contact <" + contact + ">", support, subject, text);
    }

    /** 20 mails a minute from one sender come in; {@code extra} more are suspended. */
    private List<JsonNode> flood(int extra) {
        for (int i = 0; i < 20 + extra; i++) {
            MailTestServer.deliver(support, fromContact("Flood " + i, "mail " + i));
        }
        pollAll();
        assertThat(tickets()).hasSize(20);
        List<JsonNode> held = suspendedList();
        assertThat(held).hasSize(extra);
        return held;
    }

    @Test
    void theTwentyFirstMailOfAFloodIsSuspendedNotDroppedAndListedWithItsReason() {
        Instant before = Instant.now();

        List<JsonNode> held = flood(1);

        JsonNode entry = held.get(0);
        assertThat(entry.propertyNames()).containsExactly("id", "mailboxId", "receivedAt", "fromAddress", "subject",
                "reason", "reasonText", "expiresAt");
        assertThat(entry.get("mailboxId").stringValue()).isEqualTo(mailboxId.toString());
        assertThat(entry.get("fromAddress").stringValue()).isEqualTo(contact);
        assertThat(entry.get("subject").stringValue()).startsWith("Flood ");
        assertThat(entry.get("reason").stringValue()).isEqualTo("flood");
        assertThat(entry.get("reasonText").stringValue()).contains("More than 20 mails a minute from " + contact);
        Instant received = Instant.parse(entry.get("receivedAt").stringValue());
        assertThat(received).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(Instant.parse(entry.get("expiresAt").stringValue())).isEqualTo(received.plus(Duration.ofDays(14)));
        assertThat(entry.toString()).doesNotContain("raw");
    }

    @Test
    void aReleasedMailIsImportedOnceAndASecondReleaseIsRefused() {
        JsonNode held = flood(1).get(0);
        String subject = held.get("subject").stringValue();

        HttpApi.Response first = release(held.get("id").stringValue());
        HttpApi.Response second = release(held.get("id").stringValue());

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().propertyNames()).containsExactly("ticketId", "ticketNumber", "messageId");
        assertThat(first.json().get("messageId").isNull()).isTrue();
        JsonNode ticket = api.get("/api/helpdesk/tickets/" + first.json().get("ticketId").stringValue())
                .bearer(owner.apiKey()).send().json();
        assertThat(ticket.get("subject").stringValue()).isEqualTo(subject);
        assertThat(ticket.get("ticketNumber").stringValue()).isEqualTo(first.json().get("ticketNumber").stringValue());
        assertThat(ticket.get("contactEmail").stringValue()).isEqualTo(contact);
        assertThat(ticket.get("channel").stringValue()).isEqualTo("email");
        assertThat(second.status()).as(second.body()).isEqualTo(404);
        assertThat(second.error()).contains("suspended mail");
        assertThat(tickets()).hasSize(21);
        assertThat(suspendedList()).isEmpty();
    }

    @Test
    void releasesAtTheSameMomentImportTheMailOnce() throws Exception {
        String id = flood(1).get(0).get("id").stringValue();

        List<Callable<Integer>> releases = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            releases.add(() -> release(id).status());
        }
        List<Integer> statuses = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Integer> f : pool.invokeAll(releases, 30, TimeUnit.SECONDS)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(statuses).containsOnlyOnce(200);
        assertThat(statuses.stream().filter(s -> s != 200)).allMatch(s -> s == 404 || s == 409);
        assertThat(tickets()).hasSize(21);
    }

    @Test
    void anAutoReplyIsSuspendedWithItsReasonAndReleasingItCreatesTheTicket() throws Exception {
        MimeMessage vacation = fromContact("Out of office", "I am away until Monday.");
        vacation.setHeader("Auto-Submitted", "auto-replied");
        MailTestServer.deliver(support, vacation);

        pollAll();

        assertThat(tickets()).as("an auto-reply never opens a ticket by itself").isEmpty();
        List<JsonNode> held = suspendedList();
        assertThat(held).hasSize(1);
        assertThat(held.get(0).get("reason").stringValue()).isEqualTo("automatic");
        assertThat(held.get(0).get("reasonText").stringValue()).contains("Auto-Submitted: auto-replied");
        assertThat(held.get(0).get("subject").stringValue()).isEqualTo("Out of office");

        HttpApi.Response released = release(held.get(0).get("id").stringValue());

        assertThat(released.status()).as(released.body()).isEqualTo(200);
        List<JsonNode> all = tickets();
        assertThat(all).hasSize(1);
        JsonNode ticket = api.get("/api/helpdesk/tickets/" + all.get(0).get("id").stringValue())
                .bearer(owner.apiKey()).send().json();
        assertThat(ticket.get("id").stringValue()).isEqualTo(released.json().get("ticketId").stringValue());
        assertThat(ticket.get("subject").stringValue()).isEqualTo("Out of office");
        assertThat(ticket.get("description").stringValue()).isEqualTo("I am away until Monday.");
        assertThat(suspendedList()).isEmpty();
        // the released mail is part of the ticket's thread: the contact's reply to it lands on the ticket
        MimeMessage reply = fromContact("Re: Out of office", "Back now.");
        reply.setHeader("In-Reply-To", vacation.getMessageID());
        MailTestServer.deliver(support, reply);
        pollAll();
        assertThat(tickets()).hasSize(1);
    }

    @Test
    void aReleasedReplyLandsOnItsTicketAsAMessage() throws Exception {
        MailTestServer.deliver(support, fromContact("Printer broken", "It prints nothing."));
        pollAll();
        JsonNode ticket = tickets().get(0);
        String number = ticket.get("ticketNumber").stringValue();
        MimeMessage autoAnswer = fromContact("Re: [" + number + "] Printer broken", "Automatic: received");
        autoAnswer.setHeader("X-Autoreply", "yes");
        MailTestServer.deliver(support, autoAnswer);
        pollAll();
        String id = suspendedList().get(0).get("id").stringValue();

        HttpApi.Response released = release(id);

        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(released.json().get("ticketId").stringValue()).isEqualTo(ticket.get("id").stringValue());
        assertThat(released.json().get("ticketNumber").stringValue()).isEqualTo(number);
        JsonNode messages = api.get("/api/helpdesk/tickets/" + ticket.get("id").stringValue()).bearer(owner.apiKey())
                .send().json().get("messages");
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).get("id").stringValue()).isEqualTo(released.json().get("messageId").stringValue());
        assertThat(messages.get(0).get("body").stringValue()).isEqualTo("Automatic: received");
    }

    @Test
    void aDeletedEntryIsGoneAndCannotBeReleased() {
        String id = flood(1).get(0).get("id").stringValue();
        String path = suspendedPath() + "/" + id + "?entityId=" + owner.entity();

        HttpApi.Response deleted = api.delete(path).session(owner.session()).send();

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(suspendedList()).isEmpty();
        assertThat(api.delete(path).session(owner.session()).send().status()).isEqualTo(404);
        assertThat(release(id).status()).isEqualTo(404);
        assertThat(tickets()).hasSize(20);
    }

    @Test
    void anotherEntitysAdminGets404AndAnAgentOrAKeyGets403() {
        String id = flood(1).get(0).get("id").stringValue();
        HttpApi.Owner stranger = api.newOwner();
        HttpApi.Session agent = api.newMember(owner, "agent");
        String list = suspendedPath() + "?entityId=";
        String release = suspendedPath() + "/" + id + "/release?entityId=";
        String delete = suspendedPath() + "/" + id + "?entityId=";

        // the stranger asks in their own entity (the mailbox is not theirs) and in the owner's (not a member)
        assertThat(api.get(list + stranger.entity()).session(stranger.session()).send().status()).isEqualTo(404);
        assertThat(api.post(release + stranger.entity()).session(stranger.session()).send().status()).isEqualTo(404);
        assertThat(api.delete(delete + stranger.entity()).session(stranger.session()).send().status()).isEqualTo(404);
        assertThat(api.get(list + owner.entity()).session(stranger.session()).send().status()).isIn(403, 404);
        assertThat(api.get(list + owner.entity()).session(agent).send().status()).isEqualTo(403);
        assertThat(api.post(release + owner.entity()).session(agent).send().status()).isEqualTo(403);
        assertThat(api.delete(delete + owner.entity()).session(agent).send().status()).isEqualTo(403);
        assertThat(api.get(list + owner.entity()).bearer(owner.apiKey()).send().status()).isEqualTo(403);
        assertThat(api.get(list + owner.entity()).send().status()).isEqualTo(401);
        // an id of this entity's suspended mail under another mailbox of the entity is 404 too
        String otherSupport = MailTestServer.newSupportAddress();
        String otherMailbox = api.post("/api/settings/mailboxes?entityId=" + owner.entity()).session(owner.session())
                .json(MailTestServer.mailboxBody(otherSupport)).send().json().get("id").stringValue();
        assertThat(api.post("/api/settings/mailboxes/" + otherMailbox + "/suspended/" + id + "/release?entityId="
                + owner.entity()).session(owner.session()).send().status()).isEqualTo(404);
        assertThat(api.post(suspendedPath() + "/nope/release?entityId=" + owner.entity()).session(owner.session())
                .send().status()).isEqualTo(400);

        assertThat(suspendedList()).hasSize(1);
        assertThat(tickets()).hasSize(20);
    }

    @Test
    void deletingTheMailboxDeletesItsSuspendedMail() {
        flood(1);

        assertThat(api.delete("/api/settings/mailboxes/" + mailboxId + "?entityId=" + owner.entity())
                .session(owner.session()).send().status()).isEqualTo(204);

        assertThat(jdbc.sql("select count(*) from suspended_mails where entity_id = :entityId")
                .param("entityId", owner.entityId()).query(Long.class).single()).isZero();
    }

    @Test
    void thePurgeRemovesExpiredEntriesAndKeepsTheOthers() {
        List<JsonNode> held = flood(2);
        UUID expired = UUID.fromString(held.get(0).get("id").stringValue());
        UUID kept = UUID.fromString(held.get(1).get("id").stringValue());
        Instant now = Instant.now();
        jdbc.sql("update suspended_mails set expires_at = :at where entity_id = :entityId and id = :id")
                .param("at", java.sql.Timestamp.from(now.minusSeconds(1))).param("entityId", owner.entityId())
                .param("id", expired).update();

        int purged = purge.purge(now);

        assertThat(purged).isGreaterThanOrEqualTo(1);
        List<Object> left = jdbc.sql("select id from suspended_mails where entity_id = :entityId")
                .param("entityId", owner.entityId()).query((rs, n) -> rs.getObject("id")).list();
        assertThat(left).containsExactly(kept);
        assertThat(suspendedList()).extracting(j -> j.get("id").stringValue()).containsExactly(kept.toString());
    }

    @Test
    void aMailFromASupportAddressIsSuspendedAsALoop() {
        String otherSupport = MailTestServer.newSupportAddress();
        HttpApi.Owner other = api.newOwner();
        assertThat(api.post("/api/settings/mailboxes?entityId=" + other.entity()).session(other.session())
                .json(MailTestServer.mailboxBody(otherSupport)).send().status()).isEqualTo(201);
        MailTestServer.deliver(support, MailTestServer.mail(otherSupport, support, "[HD-1] Loop", "from a helpdesk"));

        pollAll();

        assertThat(tickets()).isEmpty();
        List<JsonNode> held = suspendedList();
        assertThat(held).hasSize(1);
        assertThat(held.get(0).get("reason").stringValue()).isEqualTo("loop");
        assertThat(held.get(0).get("fromAddress").stringValue()).isEqualTo(otherSupport.toLowerCase());
    }
}
