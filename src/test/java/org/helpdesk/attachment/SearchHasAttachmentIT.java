package org.helpdesk.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.assertError;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/** Search's {@code has:attachment} (API §7, §8): tickets with a file on the description or on a message. */
class SearchHasAttachmentIT extends ApiTest {

    private List<String> hits(HttpApi.Owner owner, String q) {
        HttpApi.Response r = api.get("/api/helpdesk/search?q=" + TicketApi.encode(q)).bearer(owner.apiKey()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().forEach(h -> ids.add(h.get("ticket").get("id").stringValue()));
        return ids;
    }

    @Test
    void hasAttachmentFindsTicketsWithAFileOnTheDescriptionOrAMessage() {
        HttpApi.Owner owner = api.newOwner();
        TicketApi tickets = new TicketApi(api);
        FileApi files = new FileApi(api.base());
        String onDescription = files.upload(owner.apiKey(), "invoice.txt", "total 42".getBytes(StandardCharsets.UTF_8))
                .json().get("id").stringValue();
        String withFile = tickets.create(owner, Map.of("subject", "Invoice wrong", "attachments", List.of(onDescription)))
                .get("id").stringValue();
        String onReply = tickets.create(owner, "Invoice missing").get("id").stringValue();
        String upload = files.upload(owner.apiKey(), "scan.txt", "page 1".getBytes(StandardCharsets.UTF_8))
                .json().get("id").stringValue();
        assertThat(tickets.message(owner, onReply, Map.of("body", "Here it is", "attachments", List.of(upload)))
                .status()).isEqualTo(201);
        String without = tickets.create(owner, "Invoice question").get("id").stringValue();

        assertThat(hits(owner, "invoice has:attachment")).containsExactlyInAnyOrder(withFile, onReply);
        assertThat(hits(owner, "invoice -has:attachment")).containsExactly(without);
        assertError(api.get("/api/helpdesk/search?q=" + TicketApi.encode("has:pictures")).bearer(owner.apiKey()).send(),
                400);
    }

    @Test
    void aWordFindsAFileByItsNameAsAnAttachmentMatchOfItsMessage() {
        HttpApi.Owner owner = api.newOwner();
        HttpApi.Owner stranger = api.newOwner();
        TicketApi tickets = new TicketApi(api);
        FileApi files = new FileApi(api.base());
        String ticket = tickets.create(owner, "Billing").get("id").stringValue();
        String upload = files.upload(owner.apiKey(), "Quarterly-Überblick_2026.pdf", "%PDF-1.4 x".getBytes(StandardCharsets.UTF_8))
                .json().get("id").stringValue();
        HttpApi.Response reply = tickets.message(owner, ticket, Map.of("body", "attached", "attachments", List.of(upload)));
        assertThat(reply.status()).isEqualTo(201);
        String messageId = reply.json().get("id").stringValue();
        String onDescription = files.upload(owner.apiKey(), "quarterly-plan.txt", "plan".getBytes(StandardCharsets.UTF_8))
                .json().get("id").stringValue();
        String second = tickets.create(owner, Map.of("subject", "Plans", "attachments", List.of(onDescription)))
                .get("id").stringValue();
        // an upload not yet on a ticket is no hit; neither is another entity's file of the same name
        files.upload(owner.apiKey(), "quarterly-draft.txt", "draft".getBytes(StandardCharsets.UTF_8));
        files.upload(stranger.apiKey(), "quarterly-secret.txt", "x".getBytes(StandardCharsets.UTF_8));

        assertThat(hits(owner, "uberblick")).containsExactly(ticket);
        assertThat(hits(owner, "quarterly")).containsExactlyInAnyOrder(ticket, second);
        assertThat(hits(stranger, "quarterly")).isEmpty();

        HttpApi.Response r = api.get("/api/helpdesk/search?q=" + TicketApi.encode("uberblick")).bearer(owner.apiKey()).send();
        var match = r.json().get(0).get("matches").get(0);
        assertThat(match.get("field").stringValue()).isEqualTo("attachment");
        assertThat(match.get("messageId").stringValue()).isEqualTo(messageId);
        assertThat(match.get("snippet").stringValue()).isEqualTo("Quarterly-Überblick_2026.pdf");
        var h = match.get("highlights").get(0);
        assertThat(match.get("snippet").stringValue().substring(h.get(0).intValue(), h.get(1).intValue()))
                .isEqualTo("Überblick");
        var plan = api.get("/api/helpdesk/search?q=" + TicketApi.encode("plan")).bearer(owner.apiKey()).send()
                .json().get(0).get("matches");
        assertThat(plan.get(0).get("field").stringValue()).isEqualTo("subject");
        assertThat(plan.get(1).get("field").stringValue()).isEqualTo("attachment");
        assertThat(plan.get(1).get("messageId").isNull()).isTrue();
    }
}
