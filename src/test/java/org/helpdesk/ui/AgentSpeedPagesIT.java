package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.TicketApi.body;

import java.util.List;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The agents' pages show tags and merges (server-rendered HTML over HTTP; the browser tests cover the rest). */
class AgentSpeedPagesIT extends ApiTest {

    private HttpApi.Response page(HttpApi.Owner owner, String path) {
        HttpApi.Response r = api.get("/e/" + owner.entity() + path).session(owner.session())
                .header("Accept", "text/html").send();
        assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
        return r;
    }

    @Test
    void theTicketPageShowsTheTagsFieldAndTheListShowsTags() {
        HttpApi.Owner owner = api.newOwner();
        JsonNode t = new TicketApi(api).create(owner, body("subject", "Tagged", "tags", List.of("vip", "billing")));
        String number = t.get("ticketNumber").stringValue().substring(3);

        String ticketPage = page(owner, "/tickets/" + number).body();
        assertThat(ticketPage).contains("<label for=\"field-tags\">Tags</label>", "value=\"billing vip\"",
                "<option value=\"vip\">", "Merge tickets");
        assertThat(page(owner, "/tickets?view=all").body()).contains(">vip</span>");
    }

    @Test
    void aMergedTicketLinksToItsTarget() {
        HttpApi.Owner owner = api.newOwner();
        TicketApi tickets = new TicketApi(api);
        JsonNode target = tickets.create(owner, "Target");
        JsonNode source = tickets.create(owner, "Source");
        api.post(TicketApi.TICKETS + "/" + target.get("id").stringValue() + "/merge").bearer(owner.apiKey())
                .json(body("sourceIds", List.of(source.get("id").stringValue()))).send();

        String sourcePage = page(owner, "/tickets/" + source.get("ticketNumber").stringValue().substring(3)).body();
        String targetNumber = target.get("ticketNumber").stringValue();
        assertThat(sourcePage).contains("Merged into " + targetNumber,
                "/e/" + owner.entity() + "/tickets/" + targetNumber.substring(3));
        assertThat(page(owner, "/tickets/" + targetNumber.substring(3)).body())
                .contains("merged another ticket into this one");
    }
}
