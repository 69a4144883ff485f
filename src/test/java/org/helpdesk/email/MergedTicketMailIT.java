package org.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.MailTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Mail answering a merged ticket's thread lands on the ticket it was merged into (API.md §10). */
class MergedTicketMailIT extends ApiTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    MailPoller poller;

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

    private JsonNode ticket(String id) {
        HttpApi.Response r = api.get("/api/helpdesk/tickets/" + id).bearer(owner.apiKey()).send();
        assertThat(r.status()).isEqualTo(200);
        return r.json();
    }

    private List<JsonNode> tickets() {
        return api.get("/api/helpdesk/tickets?limit=200").bearer(owner.apiKey()).send().json().valueStream().toList();
    }

    /** Two tickets opened by mail, the second merged into the first; the mail that opened the second. */
    private MimeMessage[] twoMailedTicketsMerged(String[] ids) {
        MimeMessage first = MailTestServer.mail("Pat <" + contact + ">", support, "Printer broken", "It prints nothing.");
        MailTestServer.deliver(support, first);
        pollAll();
        MimeMessage second = MailTestServer.mail("Pat <" + contact + ">", support, "Printer still broken", "Still.");
        MailTestServer.deliver(support, second);
        pollAll();
        List<JsonNode> all = tickets();
        assertThat(all).hasSize(2);
        ids[0] = all.get(1).get("id").stringValue(); // newest first: [1] is the first mail's ticket
        ids[1] = all.get(0).get("id").stringValue();
        HttpApi.Response merged = api.post("/api/helpdesk/tickets/" + ids[0] + "/merge").bearer(owner.apiKey())
                .json(Map.of("sourceIds", List.of(ids[1]))).send();
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        return new MimeMessage[] {first, second};
    }

    @Test
    void aReplyToTheMergedTicketsThreadLandsOnTheTarget() throws Exception {
        String[] ids = new String[2];
        MimeMessage second = twoMailedTicketsMerged(ids)[1];

        MimeMessage answer = MailTestServer.mail("Pat <" + contact + ">", support, "Re: Printer still broken",
                "Now it smokes.");
        answer.setHeader("In-Reply-To", second.getMessageID());
        answer.setHeader("References", second.getMessageID());
        MailTestServer.deliver(support, answer);
        pollAll();

        assertThat(tickets()).hasSize(2);
        JsonNode target = ticket(ids[0]);
        assertThat(target.get("messages").valueStream().map(m -> m.get("body").stringValue()).toList())
                .anyMatch(b -> b.contains("Now it smokes."));
        JsonNode source = ticket(ids[1]);
        assertThat(source.get("messages")).hasSize(1); // only the "Merged into" note
        assertThat(source.get("status").stringValue()).isEqualTo("closed");
    }

    @Test
    void aReplyNamingTheMergedTicketsNumberLandsOnTheTarget() {
        String[] ids = new String[2];
        twoMailedTicketsMerged(ids);
        String number = ticket(ids[1]).get("ticketNumber").stringValue();

        MailTestServer.deliver(support, MailTestServer.mail("Pat <" + contact + ">", support,
                "Re: [" + number + "] Printer still broken", "Any news?"));
        pollAll();

        assertThat(tickets()).hasSize(2);
        assertThat(ticket(ids[0]).get("messages").valueStream().map(m -> m.get("body").stringValue()).toList())
                .anyMatch(b -> b.contains("Any news?"));
    }
}
