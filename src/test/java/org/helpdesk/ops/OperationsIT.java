package org.helpdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Response;
import org.helpdesk.support.Prometheus;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.Test;

/** What an operator's load balancer and monitoring rely on. */
class OperationsIT extends ApiTest {

    @Test
    void healthOnTheManagementPortSaysUpAndNothingMore() {
        Response health = management.get("/actuator/health").send();

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").stringValue()).isEqualTo("UP");
        assertThat(health.json().propertyNames()).doesNotContain("components", "details");
    }

    @Test
    void probesAnswerOnTheManagementPortAndOnTheApplicationPort() {
        assertThat(management.get("/actuator/health/liveness").send().status()).isEqualTo(200);
        assertThat(management.get("/actuator/health/readiness").send().status()).isEqualTo(200);

        Response livez = api.get("/livez").send();
        Response readyz = api.get("/readyz").send();

        assertThat(livez.status()).isEqualTo(200);
        assertThat(livez.json().get("status").stringValue()).isEqualTo("UP");
        assertThat(readyz.status()).isEqualTo(200);
        assertThat(readyz.json().propertyNames()).doesNotContain("components", "details");
    }

    @Test
    void actuatorIsNotServedOnTheApplicationPort() {
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator/metrics", "/actuator"}) {
            Response r = api.get(path).send();

            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().get("error").isString()).isTrue();
        }
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws IOException {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (IOException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                .findFirst();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to try");

        try (Socket app = new Socket()) {
            app.connect(new InetSocketAddress(external.get(), port), 2000); // the app port listens everywhere
        }
        assertThatThrownBy(() -> {
            try (Socket actuator = new Socket()) {
                actuator.connect(new InetSocketAddress(external.get(), managementPort), 2000);
            }
        }).isInstanceOf(IOException.class);
    }

    @Test
    void metricsAfterTrafficNameRouteTemplatesAndCountDomainEvents() {
        Prometheus before = scrape();
        HttpApi.Owner owner = api.newOwner();
        TicketApi tickets = new TicketApi(api);
        String ticketId = tickets.create(owner, "Metrics " + UUID.randomUUID()).get("id").stringValue();
        tickets.get(owner, ticketId);
        tickets.messaged(owner, ticketId, Map.of("body", "From the customer", "authorType", "contact"));
        tickets.messaged(owner, ticketId, Map.of("body", "From us"));
        Response badKey = api.get(TicketApi.TICKETS).bearer("ak_" + "x".repeat(40)).send();
        Response wrongPassword = api.post("/api/auth/login")
                .json(Map.of("email", owner.session().email(), "password", "not the password")).send();

        Prometheus after = scrape();

        assertThat(badKey.status()).isEqualTo(401);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(after.sum("helpdesk_tickets_total", "author_type=\"agent\"")
                - before.sum("helpdesk_tickets_total", "author_type=\"agent\"")).isEqualTo(1);
        assertThat(after.sum("helpdesk_messages_total", "author_type=\"contact\"")
                - before.sum("helpdesk_messages_total", "author_type=\"contact\"")).isEqualTo(1);
        assertThat(after.sum("helpdesk_messages_total", "author_type=\"agent\"")
                - before.sum("helpdesk_messages_total", "author_type=\"agent\"")).isEqualTo(1);
        assertThat(after.sum("helpdesk_auth_failures_total", "method=\"api_key\"")
                - before.sum("helpdesk_auth_failures_total", "method=\"api_key\"")).isGreaterThanOrEqualTo(1);
        assertThat(after.sum("helpdesk_auth_failures_total", "method=\"password\"")
                - before.sum("helpdesk_auth_failures_total", "method=\"password\"")).isGreaterThanOrEqualTo(1);
        assertThat(after.has("helpdesk_logins_throttled_total")).isTrue();
        assertThat(after.has("helpdesk_requests_rate_limited_total")).isTrue();
        // HTTP server metrics by route template; pool and JVM metrics
        assertThat(after.has("http_server_requests_seconds_count", "uri=\"/api/helpdesk/tickets/{id}\"",
                "method=\"GET\"", "status=\"200\"")).isTrue();
        assertThat(after.has("http_server_requests_seconds_count", "uri=\"/api/helpdesk/tickets/{id}/messages\"",
                "status=\"201\"")).isTrue();
        assertThat(after.has("hikaricp_connections_active")).isTrue();
        assertThat(after.has("hikaricp_connections_max")).isTrue();
        assertThat(after.has("jvm_memory_used_bytes")).isTrue();
        assertThat(after.has("jvm_threads_live_threads")).isTrue();
        // never a raw path or an id as a label
        assertThat(after.text()).doesNotContain(ticketId).doesNotContain(owner.entity())
                .doesNotContain("uri=\"/api/helpdesk/tickets/" + ticketId.substring(0, 8));
    }

    @Test
    void theStartPageTellsHowToSignUpAndWhereTheApiDocumentationIs() {
        Response home = api.get("/").header("Accept", "text/html").send();

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("Content-Type")).startsWith("text/html");
        assertThat(home.body()).contains("href=\"/signup\"").contains("href=\"/api/docs\"");
        assertThat(home.header("Content-Security-Policy")).contains("script-src 'self'");
    }

    private Prometheus scrape() {
        Response r = management.get("/actuator/prometheus").send();
        assertThat(r.status()).isEqualTo(200);
        return new Prometheus(r.body());
    }
}
