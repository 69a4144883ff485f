package org.helpdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.sla.SlaApi.CALENDARS;
import static org.helpdesk.sla.SlaApi.CALENDAR_FIELDS;
import static org.helpdesk.sla.SlaApi.POLICIES;
import static org.helpdesk.sla.SlaApi.POLICY_FIELDS;
import static org.helpdesk.support.TicketApi.TIMESTAMP;
import static org.helpdesk.support.TicketApi.assertError;
import static org.helpdesk.support.TicketApi.assertFields;
import static org.helpdesk.support.TicketApi.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Calendars and SLA policies (API §11): shapes, checks, permissions and tenancy. */
class SlaSettingsIT extends ApiTest {
    private static final List<Map<String, String>> WEEKDAYS = List.of(
            Map.of("day", "mon", "from", "09:00", "to", "12:00"), Map.of("day", "mon", "from", "13:00", "to", "17:30"),
            Map.of("day", "tue", "from", "09:00", "to", "17:30"), Map.of("day", "sat", "from", "20:00", "to", "24:00"));

    private SlaApi sla;
    private HttpApi.Owner owner;

    @BeforeEach
    void setUp() {
        sla = new SlaApi(api);
        owner = api.newOwner();
    }

    private Map<String, Object> calendarBody() {
        return body("name", "Berlin office", "timezone", "Europe/Berlin", "hours", WEEKDAYS,
                "holidays", List.of("2026-12-25", "2026-12-24"));
    }

    @Test
    void createdCalendarIs201WithItsFieldsSplitHoursAndMidnightEnd() {
        HttpApi.Response r = sla.post(owner, CALENDARS, calendarBody());

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode c = r.json();
        assertFields(c, CALENDAR_FIELDS);
        assertThat(r.header("Location")).isEqualTo(CALENDARS + "/" + c.get("id").stringValue());
        assertThat(c.get("entityId").stringValue()).isEqualTo(owner.entity());
        assertThat(c.get("timezone").stringValue()).isEqualTo("Europe/Berlin");
        assertThat(c.get("hours")).hasSize(4);
        assertThat(c.get("hours").get(3).get("to").stringValue()).isEqualTo("24:00");
        assertThat(c.get("holidays").toString()).isEqualTo("[\"2026-12-24\",\"2026-12-25\"]");
        assertThat(c.get("createdAt").stringValue()).matches(TIMESTAMP);

        HttpApi.Response got = api.get(CALENDARS + "/" + c.get("id").stringValue()).bearer(owner.apiKey()).send();
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json()).isEqualTo(c);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"name\":\"x\",\"timezone\":\"Mars/Olympus\",\"hours\":[{\"day\":\"mon\",\"from\":\"09:00\",\"to\":\"17:00\"}]}",
            "{\"name\":\"x\",\"timezone\":\"+02:00\",\"hours\":[{\"day\":\"mon\",\"from\":\"09:00\",\"to\":\"17:00\"}]}",
            "{\"name\":\"x\",\"timezone\":\"UTC\",\"hours\":[]}",
            "{\"name\":\"x\",\"timezone\":\"UTC\",\"hours\":[{\"day\":\"monday\",\"from\":\"09:00\",\"to\":\"17:00\"}]}",
            "{\"name\":\"x\",\"timezone\":\"UTC\",\"hours\":[{\"day\":\"mon\",\"from\":\"17:00\",\"to\":\"09:00\"}]}",
            "{\"name\":\"x\",\"timezone\":\"UTC\",\"hours\":[{\"day\":\"mon\",\"from\":\"09:00\",\"to\":\"09:00\"}]}",
            "{\"name\":\"x\",\"timezone\":\"UTC\",\"hours\":[{\"day\":\"mon\",\"from\":\"9:00\",\"to\":\"17:00\"}]}",
            "{\"name\":\"x\",\"timezone\":\"UTC\",\"hours\":[{\"day\":\"mon\",\"from\":\"24:00\",\"to\":\"24:00\"}]}",
            "{\"name\":\"x\",\"timezone\":\"UTC\",\"hours\":[{\"day\":\"mon\",\"from\":\"09:00\",\"to\":\"12:00\"},{\"day\":\"mon\",\"from\":\"11:00\",\"to\":\"17:00\"}]}",
            "{\"name\":\"x\",\"timezone\":\"UTC\",\"hours\":[{\"day\":\"mon\",\"from\":\"09:00\",\"to\":\"17:00\"}],\"holidays\":[\"2026-02-30\"]}",
            "{\"name\":\"x\",\"timezone\":\"UTC\",\"hours\":[{\"day\":\"mon\",\"from\":\"09:00\",\"to\":\"17:00\"}],\"holidays\":[20261225]}",
            "{\"name\":\"\",\"timezone\":\"UTC\",\"hours\":[{\"day\":\"mon\",\"from\":\"09:00\",\"to\":\"17:00\"}]}",
            "{\"name\":\"x\",\"timezone\":7,\"hours\":[{\"day\":\"mon\",\"from\":\"09:00\",\"to\":\"17:00\"}]}"})
    void badCalendarIs400AndCreatesNothing(String json) {
        HttpApi.Response r = api.post(CALENDARS + "?entityId=" + owner.entity()).session(owner.session())
                .raw(json, "application/json").send();

        assertError(r, 400);
        assertThat(api.get(CALENDARS).bearer(owner.apiKey()).send().json()).isEmpty();
    }

    @Test
    void writesNeedAnAdminOrOwnerSessionAndKeysAre403() {
        JsonNode c = sla.calendar(owner, calendarBody());
        String path = CALENDARS + "/" + c.get("id").stringValue();

        assertError(api.post(CALENDARS).bearer(owner.apiKey()).json(calendarBody()).send(), 403);
        assertError(api.patch(path).bearer(owner.apiKey()).json(Map.of("name", "k")).send(), 403);
        assertError(api.delete(path).bearer(owner.apiKey()).send(), 403);
        assertError(api.post(POLICIES).bearer(owner.apiKey()).json(Map.of("name", "p")).send(), 403);
        HttpApi.Session agent = api.newMember(owner, "agent");
        assertError(api.post(CALENDARS + "?entityId=" + owner.entity()).session(agent).json(calendarBody()).send(), 403);
        assertError(api.post(POLICIES + "?entityId=" + owner.entity()).session(agent).json(Map.of("name", "p")).send(), 403);
        HttpApi.Session admin = api.newMember(owner, "admin");
        assertThat(api.patch(path + "?entityId=" + owner.entity()).session(admin).json(Map.of("name", "Renamed"))
                .send().status()).isEqualTo(200);

        // reads: any member, a read key
        HttpApi.Session viewer = api.newMember(owner, "viewer");
        assertThat(api.get(CALENDARS + "?entityId=" + owner.entity()).session(viewer).send().json()).hasSize(1);
        assertThat(api.get(POLICIES + "?entityId=" + owner.entity()).session(viewer).send().status()).isEqualTo(200);
        assertThat(api.get(path).bearer(owner.apiKey()).send().json().get("name").stringValue()).isEqualTo("Renamed");
    }

    @Test
    void anotherEntitysCalendarAndPolicyAre404AndCannotBeReferenced() {
        HttpApi.Owner other = api.newOwner();
        JsonNode theirs = sla.calendar(other, calendarBody());
        JsonNode theirPolicy = sla.policy(other, Map.of("name", "Theirs"));
        String cal = CALENDARS + "/" + theirs.get("id").stringValue();
        String pol = POLICIES + "/" + theirPolicy.get("id").stringValue();

        assertError(api.get(cal).bearer(owner.apiKey()).send(), 404);
        assertError(sla.patch(owner, cal, Map.of("name", "mine")), 404);
        assertError(api.delete(cal + "?entityId=" + owner.entity()).session(owner.session()).send(), 404);
        assertError(api.get(pol).bearer(owner.apiKey()).send(), 404);
        assertError(sla.patch(owner, pol, Map.of("name", "mine")), 404);
        assertError(sla.post(owner, POLICIES, Map.of("name", "p", "calendarId", theirs.get("id").stringValue())), 400);
        JsonNode theirCategory = new TicketApi(api).createCategory(other, "Billing");
        assertError(sla.post(owner, POLICIES, Map.of("name", "p",
                "match", Map.of("categoryId", List.of(theirCategory.get("id").stringValue())))), 400);
        assertThat(api.get(POLICIES).bearer(owner.apiKey()).send().json()).isEmpty();
        assertThat(api.get(cal).bearer(other.apiKey()).send().json().get("name").stringValue()).isEqualTo("Berlin office");
    }

    @Test
    void policyIs201WithItsFieldsAndPositionsDefaultToLast() {
        JsonNode c = sla.calendar(owner, calendarBody());
        JsonNode first = sla.policy(owner, Map.of("name", "Urgent by phone",
                "match", Map.of("priority", List.of("urgent"), "channel", List.of("phone")),
                "calendarId", c.get("id").stringValue(),
                "targets", Map.of("urgent", Map.of("firstResponse", 30, "resolution", 240))));
        JsonNode second = sla.policy(owner, Map.of("name", "Everything else",
                "targets", Map.of("normal", Map.of("resolution", 2880))));

        assertFields(first, POLICY_FIELDS);
        assertThat(first.get("position").intValue()).isEqualTo(1);
        assertThat(second.get("position").intValue()).isEqualTo(2);
        assertThat(first.get("match").toString())
                .isEqualTo("{\"priority\":[\"urgent\"],\"categoryId\":null,\"channel\":[\"phone\"]}");
        assertThat(second.get("calendarId").isNull()).isTrue();
        assertThat(second.get("targets").toString()).isEqualTo("{\"normal\":{\"firstResponse\":null,\"resolution\":2880}}");

        // moved to the front: the list is in the order policies are tried
        assertThat(sla.patch(owner, POLICIES + "/" + second.get("id").stringValue(), Map.of("position", 0)).status())
                .isEqualTo(200);
        List<String> order = new ArrayList<>();
        api.get(POLICIES).bearer(owner.apiKey()).send().json().forEach(p -> order.add(p.get("name").stringValue()));
        assertThat(order).containsExactly("Everything else", "Urgent by phone");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\":\"p\",\"position\":-1}", "{\"name\":\"p\",\"position\":\"1\"}",
            "{\"name\":\"p\",\"match\":{\"priority\":[\"asap\"]}}", "{\"name\":\"p\",\"match\":{\"priority\":[]}}",
            "{\"name\":\"p\",\"match\":{\"channel\":\"web\"}}", "{\"name\":\"p\",\"match\":{\"categoryId\":[\"nope\"]}}",
            "{\"name\":\"p\",\"targets\":{\"asap\":{\"firstResponse\":5}}}",
            "{\"name\":\"p\",\"targets\":{\"low\":{\"firstResponse\":0}}}",
            "{\"name\":\"p\",\"targets\":{\"low\":{\"firstResponse\":1.5}}}",
            "{\"name\":\"p\",\"targets\":{\"low\":{\"resolution\":\"60\"}}}",
            "{\"name\":\"p\",\"calendarId\":\"not-a-uuid\"}", "{\"position\":1}"})
    void badPolicyIs400AndCreatesNothing(String json) {
        HttpApi.Response r = api.post(POLICIES + "?entityId=" + owner.entity()).session(owner.session())
                .raw(json, "application/json").send();

        assertError(r, 400);
        assertThat(api.get(POLICIES).bearer(owner.apiKey()).send().json()).isEmpty();
    }

    @Test
    void aCalendarUsedByAPolicyCannotBeDeleted409UntilThePolicyLetsGo() {
        JsonNode c = sla.calendar(owner, calendarBody());
        String calendarPath = CALENDARS + "/" + c.get("id").stringValue();
        JsonNode p = sla.policy(owner, Map.of("name", "Office hours", "calendarId", c.get("id").stringValue()));

        assertError(api.delete(calendarPath + "?entityId=" + owner.entity()).session(owner.session()).send(), 409);
        assertThat(api.get(calendarPath).bearer(owner.apiKey()).send().status()).isEqualTo(200);

        HttpApi.Response cleared = sla.patch(owner, POLICIES + "/" + p.get("id").stringValue(),
                body("calendarId", null));
        assertThat(cleared.json().get("calendarId").isNull()).isTrue();
        assertThat(api.delete(calendarPath + "?entityId=" + owner.entity()).session(owner.session()).send().status())
                .isEqualTo(204);
        assertError(api.get(calendarPath).bearer(owner.apiKey()).send(), 404);
        assertThat(api.delete(POLICIES + "/" + p.get("id").stringValue() + "?entityId=" + owner.entity())
                .session(owner.session()).send().status()).isEqualTo(204);
    }
}
