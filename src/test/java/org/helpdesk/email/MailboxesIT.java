package org.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.MailTestServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The mailbox settings routes of API.md §6 over real HTTP, with GreenMail as the mail server. */
class MailboxesIT extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private HttpApi.Response create(HttpApi.Owner owner, Map<String, Object> body) {
        return api.post("/api/settings/mailboxes?entityId=" + owner.entity()).session(owner.session()).json(body).send();
    }

    private List<JsonNode> list(HttpApi.Owner owner) {
        HttpApi.Response r = api.get("/api/settings/mailboxes?entityId=" + owner.entity()).session(owner.session()).send();
        assertThat(r.status()).isEqualTo(200);
        return r.json().valueStream().toList();
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    @Test
    void anOwnerCreatesAMailboxAndThePasswordsNeverComeBack() {
        HttpApi.Owner owner = api.newOwner();
        String address = MailTestServer.newSupportAddress();

        HttpApi.Response r = create(owner, MailTestServer.mailboxBody(address));

        assertThat(r.status()).isEqualTo(201);
        JsonNode m = r.json();
        assertThat(r.header("Location")).endsWith("/api/settings/mailboxes/" + m.get("id").stringValue());
        assertThat(m.get("entityId").stringValue()).isEqualTo(owner.entity());
        assertThat(m.get("address").stringValue()).isEqualTo(address);
        assertThat(m.get("imapUsername").stringValue()).isEqualTo(address);
        assertThat(m.get("smtpUsername").stringValue()).isEqualTo(address);
        assertThat(m.get("pollSeconds").intValue()).isEqualTo(5);
        assertThat(m.get("enabled").booleanValue()).isTrue();
        assertThat(m.get("lastPolledAt")).isNotNull();
        assertThat(m.has("lastError")).isTrue();
        assertThat(m.has("imapPassword")).isFalse();
        assertThat(m.has("smtpPassword")).isFalse();
        assertThat(r.body()).doesNotContain(MailTestServer.PASSWORD);
        assertThat(list(owner)).singleElement().satisfies(listed -> {
            assertThat(listed.get("id").stringValue()).isEqualTo(m.get("id").stringValue());
            assertThat(listed.toString()).doesNotContain(MailTestServer.PASSWORD).doesNotContain("Password");
        });
        String stored = jdbc.sql("select imap_password from mailboxes where id = :id")
                .param("id", UUID.fromString(m.get("id").stringValue())).query(String.class).single();
        assertThat(stored).doesNotContain(MailTestServer.PASSWORD).matches("[0-9a-f]{40,}");
    }

    @Test
    void portsUsernamesAndPollingHaveDefaults() {
        HttpApi.Owner owner = api.newOwner();
        String address = "help-" + UUID.randomUUID() + "@example.com";

        HttpApi.Response r = create(owner, Map.of("name", "Help", "address", address, "imapHost", "127.0.0.1",
                "imapPassword", "pw", "smtpHost", "127.0.0.1"));

        assertThat(r.status()).isEqualTo(201);
        JsonNode m = r.json();
        assertThat(m.get("imapSecurity").stringValue()).isEqualTo("tls");
        assertThat(m.get("imapPort").intValue()).isEqualTo(993);
        assertThat(m.get("smtpSecurity").stringValue()).isEqualTo("starttls");
        assertThat(m.get("smtpPort").intValue()).isEqualTo(587);
        assertThat(m.get("pollSeconds").intValue()).isEqualTo(60);
        assertThat(m.get("imapUsername").stringValue()).isEqualTo(address);
    }

    @Test
    void anAddressBelongsToOneMailboxOfTheWholeInstallation() {
        HttpApi.Owner first = api.newOwner();
        HttpApi.Owner second = api.newOwner();
        String address = MailTestServer.newSupportAddress();
        assertThat(create(first, MailTestServer.mailboxBody(address)).status()).isEqualTo(201);

        HttpApi.Response r = create(second, with(MailTestServer.mailboxBody(address), "address", address.toUpperCase()));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error()).contains("already the address of a mailbox");
        assertThat(list(second)).isEmpty();
    }

    @Test
    void badInputIs400AndStoresNothing() {
        HttpApi.Owner owner = api.newOwner();
        Map<String, Object> good = MailTestServer.mailboxBody(MailTestServer.newSupportAddress());
        List<Map<String, Object>> bad = List.of(
                with(good, "pollSeconds", 4), with(good, "pollSeconds", 3601), with(good, "pollSeconds", "60"),
                with(good, "imapSecurity", "ssl"), with(good, "imapPort", 0), with(good, "smtpPort", 70000),
                with(good, "address", "not an address"), with(good, "imapHost", ""), with(good, "enabled", "yes"),
                with(good, "imapPassword", ""), with(good, "name", 42));

        for (Map<String, Object> body : bad) {
            HttpApi.Response r = create(owner, body);
            assertThat(r.status()).as(body.toString()).isEqualTo(400);
            assertThat(r.error()).isNotBlank();
        }
        Map<String, Object> noPassword = new HashMap<>(good);
        noPassword.remove("imapPassword");
        assertThat(create(owner, noPassword).error()).isEqualTo("imapPassword is required");
        assertThat(list(owner)).isEmpty();
    }

    @Test
    void patchChangesOnlyTheGivenFields() {
        HttpApi.Owner owner = api.newOwner();
        JsonNode m = create(owner, MailTestServer.mailboxBody(MailTestServer.newSupportAddress())).json();
        String path = "/api/settings/mailboxes/" + m.get("id").stringValue() + "?entityId=" + owner.entity();

        HttpApi.Response r = api.patch(path).session(owner.session())
                .json(Map.of("name", "Billing", "pollSeconds", 120, "enabled", false, "smtpPassword", "new")).send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("name").stringValue()).isEqualTo("Billing");
        assertThat(r.json().get("pollSeconds").intValue()).isEqualTo(120);
        assertThat(r.json().get("enabled").booleanValue()).isFalse();
        assertThat(r.json().get("address").stringValue()).isEqualTo(m.get("address").stringValue());
        assertThat(r.json().get("imapPort").intValue()).isEqualTo(m.get("imapPort").intValue());
        assertThat(r.body()).doesNotContain("new\"");
        assertThat(list(owner).get(0).get("name").stringValue()).isEqualTo("Billing");

        HttpApi.Response cleared = api.patch(path).session(owner.session()).raw("{\"imapHost\": null}", "application/json").send();
        assertThat(cleared.status()).isEqualTo(400);
        assertThat(cleared.error()).isEqualTo("imapHost cannot be cleared");
        assertThat(api.patch(path).session(owner.session()).json(Map.of()).send().status()).isEqualTo(200);
    }

    @Test
    void deleteRemovesTheMailboxAndAnotherEntitysMailboxIsNotFound() {
        HttpApi.Owner owner = api.newOwner();
        HttpApi.Owner stranger = api.newOwner();
        String id = create(owner, MailTestServer.mailboxBody(MailTestServer.newSupportAddress())).json().get("id").stringValue();

        assertThat(api.delete("/api/settings/mailboxes/" + id + "?entityId=" + stranger.entity())
                .session(stranger.session()).send().status()).isEqualTo(404);
        assertThat(api.patch("/api/settings/mailboxes/" + id + "?entityId=" + stranger.entity())
                .session(stranger.session()).json(Map.of("name", "x")).send().status()).isEqualTo(404);
        assertThat(api.post("/api/settings/mailboxes/" + id + "/test?entityId=" + stranger.entity())
                .session(stranger.session()).send().status()).isEqualTo(404);

        HttpApi.Response r = api.delete("/api/settings/mailboxes/" + id + "?entityId=" + owner.entity())
                .session(owner.session()).send();

        assertThat(r.status()).isEqualTo(204);
        assertThat(list(owner)).isEmpty();
        assertThat(api.delete("/api/settings/mailboxes/" + id + "?entityId=" + owner.entity())
                .session(owner.session()).send().status()).isEqualTo(404);
    }

    @Test
    void keysAgentsAndViewersMayNotManageMailboxes() {
        HttpApi.Owner owner = api.newOwner();
        HttpApi.Session agent = api.newMember(owner, "agent");

        HttpApi.Response withKey = api.get("/api/settings/mailboxes?entityId=" + owner.entity()).bearer(owner.apiKey()).send();
        HttpApi.Response asAgent = api.post("/api/settings/mailboxes?entityId=" + owner.entity()).session(agent)
                .json(MailTestServer.mailboxBody(MailTestServer.newSupportAddress())).send();

        assertThat(withKey.status()).isEqualTo(403);
        assertThat(asAgent.status()).isEqualTo(403);
        assertThat(asAgent.error()).isNotBlank();
        assertThat(list(owner)).isEmpty();
    }

    @Test
    void testConnectionSaysBothServersWork() {
        HttpApi.Owner owner = api.newOwner();
        String id = create(owner, MailTestServer.mailboxBody(MailTestServer.newSupportAddress())).json().get("id").stringValue();

        HttpApi.Response r = api.post("/api/settings/mailboxes/" + id + "/test?entityId=" + owner.entity())
                .session(owner.session()).send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("imap").get("ok").booleanValue()).isTrue();
        assertThat(r.json().get("imap").get("error").isNull()).isTrue();
        assertThat(r.json().get("smtp").get("ok").booleanValue()).isTrue();
        assertThat(r.json().get("smtp").get("error").isNull()).isTrue();
    }

    @Test
    void testConnectionSaysInWordsWhatFailed() throws IOException {
        HttpApi.Owner owner = api.newOwner();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Map<String, Object> body = with(with(MailTestServer.mailboxBody(MailTestServer.newSupportAddress()),
                "imapPassword", "wrong password"), "smtpPort", closedPort);
        String id = create(owner, body).json().get("id").stringValue();

        HttpApi.Response r = api.post("/api/settings/mailboxes/" + id + "/test?entityId=" + owner.entity())
                .session(owner.session()).send();

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("imap").get("ok").booleanValue()).isFalse();
        assertThat(r.json().get("imap").get("error").stringValue())
                .contains("IMAP server 127.0.0.1:" + MailTestServer.imapPort())
                .contains("refused the username or password").doesNotContain("wrong password");
        assertThat(r.json().get("smtp").get("ok").booleanValue()).isFalse();
        assertThat(r.json().get("smtp").get("error").stringValue())
                .contains("SMTP server 127.0.0.1:" + closedPort).contains("could not connect");
    }
}
