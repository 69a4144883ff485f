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
}
