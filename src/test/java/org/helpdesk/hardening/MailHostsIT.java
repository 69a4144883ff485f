package org.helpdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.HardenedInstallTest;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.Test;

/** On an install that does not allow private mail hosts (the default), no mailbox can point into the network. */
class MailHostsIT extends HardenedInstallTest {

    private static Map<String, Object> body(String imapHost, String smtpHost) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Support",
                "address", "help-" + UUID.randomUUID() + "@example.com", "imapHost", imapHost, "imapPort", 993,
                "imapSecurity", "tls", "imapPassword", "pw", "smtpHost", smtpHost, "smtpPort", 465,
                "smtpSecurity", "tls"));
        return body;
    }

    @Test
    void loopbackPrivateLinkLocalAndMetadataHostsAre400() {
        for (String host : List.of("127.0.0.1", "localhost", "10.1.2.3", "192.168.0.10", "169.254.169.254",
                "::1", "[::1]", "fd00:ec2::254", "0.0.0.0", "100.100.100.200")) {
            // a fresh owner each time: sessions of this install last 3 seconds
            HttpApi.Owner owner = api.newOwnerFrom(newClientAddress());
            for (Map<String, Object> body : List.of(body(host, "93.184.216.34"), body("93.184.216.34", host))) {
                HttpApi.Response r = api.post("/api/settings/mailboxes?entityId=" + owner.entity())
                        .session(owner.session()).json(body).send();
                assertThat(r.status()).as(host).isEqualTo(400);
                assertThat(r.error()).as(host).containsAnyOf("must be a public address", "does not resolve",
                        "must be a host name");
            }
            assertThat(api.get("/api/settings/mailboxes?entityId=" + owner.entity()).session(owner.session())
                    .send().json().size()).isZero();
        }
    }

    @Test
    void securityNoneWithAPasswordIsRefused() {
        HttpApi.Owner owner = api.newOwnerFrom(newClientAddress());
        Map<String, Object> body = body("93.184.216.34", "93.184.216.34");
        body.put("imapSecurity", "none");
        body.put("imapPort", 143);

        HttpApi.Response r = api.post("/api/settings/mailboxes?entityId=" + owner.entity())
                .session(owner.session()).json(body).send();

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("imapSecurity none");
    }
}
