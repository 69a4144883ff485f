package org.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.MailTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Mail from an address the entity does not know creates its contact; mail from a known one links it (API §9). */
class ContactFromMailIT extends ApiTest {
    @Autowired
    MailPoller poller;

    @Test
    void mailFromANewAddressCreatesItsContactAndTheNextMailFindsIt() {
        HttpApi.Owner owner = api.newOwner();
        String support = MailTestServer.newSupportAddress();
        HttpApi.Response box = api.post("/api/settings/mailboxes?entityId=" + owner.entity()).session(owner.session())
                .json(MailTestServer.mailboxBody(support)).send();
        assertThat(box.status()).as(box.body()).isEqualTo(201);
        UUID mailboxId = UUID.fromString(box.json().get("id").stringValue());
        String from = "Quinn-" + UUID.randomUUID().toString().substring(0, 8) + "@Customer.test";

        MailTestServer.deliver(support, MailTestServer.mail("Quinn Q <" + from + ">", support, "First", "Hello"));
        MailTestServer.deliver(support, MailTestServer.mail("Quinn Q <" + from.toLowerCase() + ">", support, "Second", "Again"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            poller.poll(owner.entityId(), mailboxId);
            return MailTestServer.unseen(support) == 0;
        });

        List<JsonNode> tickets = api.get("/api/helpdesk/tickets").bearer(owner.apiKey()).send().json().valueStream().toList();
        assertThat(tickets).hasSize(2);
        assertThat(tickets.get(0).get("contactId").isNull()).isFalse();
        assertThat(tickets.get(1).get("contactId")).isEqualTo(tickets.get(0).get("contactId"));
        JsonNode contact = api.get("/api/helpdesk/contacts/" + tickets.get(0).get("contactId").stringValue())
                .bearer(owner.apiKey()).send().json();
        assertThat(contact.get("name").stringValue()).isEqualTo("Quinn Q");
        assertThat(contact.get("emails").get(0).stringValue()).isEqualTo(from.toLowerCase());
        assertThat(api.get("/api/helpdesk/contacts").bearer(owner.apiKey()).send().json().size()).isEqualTo(1);
    }
}
