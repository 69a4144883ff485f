package org.helpdesk.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.FakeTcpService;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.MailTestServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Mailbox hosts are not a window into the network (issue 28): what a remote service says never comes back to the
 * user, and a stored password never follows a new host. This install allows private hosts (GreenMail is on
 * loopback), so the connections are really made.
 */
class MailboxHostsIT extends ApiTest {
    private static final String BANNER = "SSH-2.0-OpenSSH_9.6p1 internal-build-4711";

    private String create(HttpApi.Owner owner, Map<String, Object> body) {
        HttpApi.Response r = api.post("/api/settings/mailboxes?entityId=" + owner.entity()).session(owner.session())
                .json(body).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").stringValue();
    }

    private JsonNode mailbox(HttpApi.Owner owner, String id) {
        for (JsonNode m : api.get("/api/settings/mailboxes?entityId=" + owner.entity()).session(owner.session())
                .send().json()) {
            if (m.get("id").stringValue().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("mailbox " + id + " is gone");
    }

    @Test
    void aRemoteBannerNeverReachesTheTestResultOrLastError() throws Exception {
        try (FakeTcpService ssh = FakeTcpService.banner(BANNER)) {
            HttpApi.Owner owner = api.newOwner();
            Map<String, Object> body = new HashMap<>(MailTestServer.mailboxBody(MailTestServer.newSupportAddress()));
            body.put("imapPort", ssh.port());
            body.put("smtpPort", ssh.port());
            String id = create(owner, body);

            HttpApi.Response test = api.post("/api/settings/mailboxes/" + id + "/test?entityId=" + owner.entity())
                    .session(owner.session()).send();

            assertThat(test.status()).isEqualTo(200);
            assertThat(test.body()).doesNotContain("SSH").doesNotContain("OpenSSH").doesNotContain("4711");
            assertThat(test.json().get("imap").get("error").stringValue()).endsWith(
                    "could not connect (check the host, the port, the security setting and any firewall)");
            assertThat(test.json().get("smtp").get("error").stringValue()).contains("could not connect");
            assertThat(ssh.connections()).isGreaterThanOrEqualTo(2);

            Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
            JsonNode m = mailbox(owner, id);
            while (m.get("lastError").isNull() && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
                m = mailbox(owner, id);
            }
            assertThat(m.get("lastError").isNull()).as("the poll recorded its failure").isFalse();
            assertThat(m.get("lastError").stringValue()).contains("could not connect").doesNotContain("SSH")
                    .doesNotContain("4711");
        }
    }

    @Test
    void aClosedPortAndASilentServiceReadAlike() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (FakeTcpService ssh = FakeTcpService.banner(BANNER)) {
            HttpApi.Owner owner = api.newOwner();
            Map<String, Object> body = new HashMap<>(MailTestServer.mailboxBody(MailTestServer.newSupportAddress()));
            body.put("imapPort", ssh.port());
            body.put("smtpPort", closedPort);
            String id = create(owner, body);

            JsonNode result = api.post("/api/settings/mailboxes/" + id + "/test?entityId=" + owner.entity())
                    .session(owner.session()).send().json();

            String open = result.get("imap").get("error").stringValue().replace(":" + ssh.port(), ":PORT")
                    .replace("IMAP", "X");
            String closed = result.get("smtp").get("error").stringValue().replace(":" + closedPort, ":PORT")
                    .replace("SMTP", "X");
            assertThat(open).isEqualTo(closed);
        }
    }

    @Test
    void aRePointedHostNeverReceivesTheStoredPassword() throws Exception {
        try (FakeTcpService imap = FakeTcpService.imapRecordingLogins()) {
            HttpApi.Owner owner = api.newOwner();
            String id = create(owner, MailTestServer.mailboxBody(MailTestServer.newSupportAddress()));
            String path = "/api/settings/mailboxes/" + id + "?entityId=" + owner.entity();
            JsonNode before = mailbox(owner, id);

            for (Map<String, Object> patch : java.util.List.<Map<String, Object>>of(
                    Map.of("imapHost", "localhost", "imapPort", imap.port()), Map.of("imapPort", imap.port()),
                    Map.of("imapSecurity", "tls"), Map.of("imapUsername", "someone-else"),
                    Map.of("smtpPort", imap.port()), Map.of("smtpHost", "localhost"))) {
                HttpApi.Response r = api.patch(path).session(owner.session()).json(patch).send();
                assertThat(r.status()).as(patch.toString()).isEqualTo(400);
                assertThat(r.error()).contains("Password must be given again").contains("never follows a new server");
            }
            JsonNode after = mailbox(owner, id);
            assertThat(after.get("imapPort")).isEqualTo(before.get("imapPort"));
            assertThat(after.get("smtpHost")).isEqualTo(before.get("smtpHost"));

            // with a password of its own the move is accepted: the new host gets that one, never the stored one
            HttpApi.Response moved = api.patch(path).session(owner.session())
                    .json(Map.of("imapPort", imap.port(), "imapPassword", "typed-for-the-new-host")).send();
            assertThat(moved.status()).isEqualTo(200);
            api.post("/api/settings/mailboxes/" + id + "/test?entityId=" + owner.entity()).session(owner.session())
                    .send();

            assertThat(imap.lines()).anyMatch(line -> line.contains("LOGIN"));
            assertThat(imap.lines()).noneMatch(line -> line.contains(MailTestServer.PASSWORD));
            assertThat(imap.lines()).filteredOn(line -> line.contains("LOGIN"))
                    .allMatch(line -> line.contains("typed-for-the-new-host"));
        }
    }
}
