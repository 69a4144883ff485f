package org.helpdesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/** The SLA in the agents' pages: views with counts, the time left as text, the two settings tabs. */
class SlaPagesIT extends ApiTest {
    private HttpApi.Response page(HttpApi.Session session, String path) {
        return api.get(path).session(session).header("Accept", "text/html").send();
    }

    private HttpApi.Response form(HttpApi.Session session, String path, String body) {
        return api.post(path).session(session).raw(body, "application/x-www-form-urlencoded").send();
    }

    @Test
    void settingsAddACalendarAndAPolicyAndTheListShowsTimeLeftAndTheViews() {
        HttpApi.Owner owner = api.newOwner();
        String base = "/e/" + owner.entity();

        HttpApi.Response calendar = form(owner.session(), base + "/settings/calendars",
                "name=Office&timezone=UTC&hours=" + TicketApi.encode("mon 00:00-24:00\ntue 00:00-24:00\n"
                        + "wed 00:00-24:00\nthu 00:00-24:00\nfri 00:00-24:00\nsat 00:00-24:00\nsun 00:00-24:00")
                        + "&holidays=");
        assertThat(calendar.status()).as(calendar.body()).isIn(302, 303);
        HttpApi.Response policy = form(owner.session(), base + "/settings/sla-policies",
                "name=Standard&calendarId=&firstResponse-normal=42&resolution-normal=600");
        assertThat(policy.status()).as(policy.body()).isIn(302, 303);

        HttpApi.Response policies = page(owner.session(), base + "/settings/sla-policies");
        assertThat(policies.status()).isEqualTo(200);
        assertThat(policies.body()).contains("A ticket created now would be due", "Standard", "SLA policies",
                "Calendars");
        assertThat(page(owner.session(), base + "/settings/calendars").body()).contains("Office", "UTC");

        new TicketApi(api).create(owner, Map.of("subject", "Clock is ticking"));
        HttpApi.Response list = page(owner.session(), base + "/tickets?view=all");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).containsPattern("due in (41|42) min").contains("Breached", "Due in 1 hour");
        HttpApi.Response soon = page(owner.session(), base + "/tickets?view=due-soon");
        assertThat(soon.status()).isEqualTo(200);
        assertThat(soon.body()).contains("Clock is ticking");
        assertThat(page(owner.session(), base + "/tickets?view=breached").body()).doesNotContain("Clock is ticking");
    }

    @Test
    void theSlaSettingsAreForAdminsAndOwnersOnly() {
        HttpApi.Owner owner = api.newOwner();
        HttpApi.Session agent = api.newMember(owner, "agent");

        assertThat(page(agent, "/e/" + owner.entity() + "/settings/calendars").status()).isEqualTo(403);
        assertThat(page(agent, "/e/" + owner.entity() + "/settings/sla-policies").status()).isEqualTo(403);
        assertThat(form(agent, "/e/" + owner.entity() + "/settings/sla-policies", "name=Sneaky").status())
                .isEqualTo(403);
        assertThat(api.get("/api/helpdesk/sla-policies").bearer(owner.apiKey()).send().json()).isEmpty();
    }
}
