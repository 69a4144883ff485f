package org.helpdesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.assertError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Search's {@code tag:} (API §10) and {@code sla:breached} (API §11) filters, tenancy included. */
class SearchFeatureFiltersIT extends ApiTest {
    @Autowired
    JdbcClient jdbc;

    private List<String> hits(HttpApi.Owner owner, String q) {
        HttpApi.Response r = api.get("/api/helpdesk/search?q=" + TicketApi.encode(q)).bearer(owner.apiKey()).send();
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().forEach(h -> ids.add(h.get("ticket").get("id").stringValue()));
        return ids;
    }

    @Test
    void tagFindsTicketsHoldingEveryTagGiven() {
        HttpApi.Owner owner = api.newOwner();
        TicketApi tickets = new TicketApi(api);
        String both = tickets.create(owner, Map.of("subject", "Printer jam", "tags", List.of("vip", "hardware")))
                .get("id").stringValue();
        String vip = tickets.create(owner, Map.of("subject", "Printer ink", "tags", List.of("vip"))).get("id").stringValue();
        tickets.create(owner, "Printer noise");
        HttpApi.Owner other = api.newOwner();
        tickets.create(other, Map.of("subject", "Printer elsewhere", "tags", List.of("vip")));

        assertThat(hits(owner, "tag:vip")).containsExactlyInAnyOrder(both, vip);
        assertThat(hits(owner, "printer tag:VIP,hardware")).containsExactly(both);
        assertThat(hits(owner, "printer -tag:hardware tag:vip")).containsExactly(vip);
        assertError(api.get("/api/helpdesk/search?q=" + TicketApi.encode("tag:no+way")).bearer(owner.apiKey()).send(),
                400);
    }

    @Test
    void slaBreachedFindsTicketsWithABreachStillUnmet() {
        HttpApi.Owner owner = api.newOwner();
        TicketApi tickets = new TicketApi(api);
        String breached = tickets.create(owner, "Late answer").get("id").stringValue();
        tickets.create(owner, "Late but fine");
        jdbc.sql("update tickets set sla_breached = true where entity_id = :e and id = :id")
                .param("e", owner.entityId()).param("id", UUID.fromString(breached)).update();

        assertThat(hits(owner, "late sla:breached")).containsExactly(breached);
        assertThat(hits(owner, "sla:breached")).containsExactly(breached);
        assertError(api.get("/api/helpdesk/search?q=" + TicketApi.encode("sla:soon")).bearer(owner.apiKey()).send(),
                400);
    }
}
