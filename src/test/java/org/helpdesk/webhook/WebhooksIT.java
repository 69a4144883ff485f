package org.helpdesk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks (API §12) end to end: a real receiver on loopback (the test app allows private targets and retries
 * after 300 ms, 500 ms, 1 s, 1 s; a webhook failing for 2 s is disabled).
 */
class WebhooksIT extends ApiTest {
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private static final String TICKETS = "/api/helpdesk/tickets";
    private HttpApi.Owner owner;
    private Receiver receiver;

    @BeforeEach
    void setUp() throws Exception {
        owner = api.newOwner();
        receiver = new Receiver();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    // Subscriptions

    @Test
    void createdWebhookIs201WithItsSecretShownOnlyThen() {
        HttpApi.Response r = api.post(hooks()).session(owner.session())
                .json(Map.of("url", receiver.url(), "events", List.of("ticket.created"), "description", "CRM"))
                .send();

        assertThat(r.status()).isEqualTo(201);
        JsonNode w = r.json();
        assertThat(w.get("secret").stringValue()).matches("whsec_[A-Za-z0-9+/]+={0,2}");
        assertThat(w.get("entityId").stringValue()).isEqualTo(owner.entity());
        assertThat(w.get("url").stringValue()).isEqualTo(receiver.url());
        assertThat(w.get("events").get(0).stringValue()).isEqualTo("ticket.created");
        assertThat(w.get("enabled").booleanValue()).isTrue();
        assertThat(w.get("description").stringValue()).isEqualTo("CRM");
        assertThat(w.get("disabledReason").isNull()).isTrue();
        assertThat(r.header("Location")).endsWith("/api/settings/webhooks/" + w.get("id").stringValue());
        JsonNode read = api.get(hook(w, "")).session(owner.session()).send().json();
        assertThat(read.has("secret")).isFalse();
        assertThat(read.get("createdAt").stringValue()).isEqualTo(w.get("createdAt").stringValue());
        JsonNode list = api.get(hooks()).session(owner.session()).send().json();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).has("secret")).isFalse();
    }

    @Test
    void patchChangesOnlyWhatIsGivenAndNullClearsTheDescription() {
        JsonNode w = create(List.of("*"), "first");

        JsonNode patched = api.patch(hook(w, "")).session(owner.session())
                .json(Map.of("events", List.of("ticket.updated", "message.created"), "enabled", false)).send().json();
        assertThat(patched.get("events").size()).isEqualTo(2);
        assertThat(patched.get("enabled").booleanValue()).isFalse();
        assertThat(patched.get("description").stringValue()).isEqualTo("first");

        java.util.Map<String, Object> clear = new java.util.HashMap<>();
        clear.put("description", null);
        JsonNode cleared = api.patch(hook(w, "")).session(owner.session()).json(clear).send().json();
        assertThat(cleared.get("description").isNull()).isTrue();
        assertThat(cleared.get("url").stringValue()).isEqualTo(receiver.url());
    }

    @Test
    void deletedWebhookIsGoneAnd404Afterwards() {
        JsonNode w = create(List.of("*"), null);

        assertThat(api.delete(hook(w, "")).session(owner.session()).send().status()).isEqualTo(204);
        assertThat(api.get(hook(w, "")).session(owner.session()).send().status()).isEqualTo(404);
        assertThat(api.delete(hook(w, "")).session(owner.session()).send().status()).isEqualTo(404);
    }

    @Test
    void badSubscriptionsAre400AndCreateNothing() {
        assertThat(createStatus(Map.of("url", receiver.url(), "events", List.of()))).isEqualTo(400);
        assertThat(createStatus(Map.of("url", receiver.url(), "events", List.of("ticket.deleted")))).isEqualTo(400);
        assertThat(createStatus(Map.of("url", receiver.url(), "events", List.of("*", "ticket.created"))))
                .isEqualTo(400);
        assertThat(createStatus(Map.of("url", receiver.url()))).isEqualTo(400);
        assertThat(createStatus(Map.of("url", "ftp://example.com/x", "events", List.of("*")))).isEqualTo(400);
        assertThat(createStatus(Map.of("url", 42, "events", List.of("*")))).isEqualTo(400);
        assertThat(createStatus(Map.of("url", receiver.url(), "events", List.of("*"), "enabled", "yes")))
                .isEqualTo(400);
        assertThat(createStatus(Map.of("url", "https://no-such-host.invalid/hook", "events", List.of("*"))))
                .isEqualTo(400);
        assertThat(api.get(hooks()).session(owner.session()).send().json().size()).isZero();
    }

    @Test
    void linkLocalAndMetadataTargetsStayRefusedEvenWhenPrivateTargetsAreAllowed() {
        HttpApi.Response r = api.post(hooks()).session(owner.session())
                .json(Map.of("url", "http://169.254.169.254/latest/meta-data", "events", List.of("*"))).send();

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("url");
        assertThat(createStatus(Map.of("url", "http://[fe80::1]/x", "events", List.of("*")))).isEqualTo(400);
        assertThat(createStatus(Map.of("url", "http://100.100.100.200/x", "events", List.of("*")))).isEqualTo(400);
    }

    @Test
    void theTwentyFirstWebhookOfAnEntityIs409() {
        for (int i = 0; i < 20; i++) {
            create(List.of("ticket.created"), null);
        }

        HttpApi.Response r = api.post(hooks()).session(owner.session())
                .json(Map.of("url", receiver.url(), "events", List.of("*"))).send();

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.error()).contains("20");
    }

    @Test
    void webhookOfAnotherEntityIs404() {
        JsonNode w = create(List.of("*"), null);
        HttpApi.Owner other = api.newOwner();

        String foreign = "/api/settings/webhooks/" + w.get("id").stringValue() + "%s?entityId=" + other.entity();
        assertThat(api.get(foreign.formatted("")).session(other.session()).send().status()).isEqualTo(404);
        assertThat(api.patch(foreign.formatted("")).session(other.session()).json(Map.of("enabled", false)).send()
                .status()).isEqualTo(404);
        assertThat(api.delete(foreign.formatted("")).session(other.session()).send().status()).isEqualTo(404);
        assertThat(api.post(foreign.formatted("/test")).session(other.session()).send().status()).isEqualTo(404);
        assertThat(api.post(foreign.formatted("/rotate-secret")).session(other.session()).send().status())
                .isEqualTo(404);
        assertThat(api.get(foreign.formatted("/deliveries")).session(other.session()).send().status())
                .isEqualTo(404);
        assertThat(api.get(hooks()).session(owner.session()).send().json().size()).isEqualTo(1);
    }

    @Test
    void anApiKeyIs403AndAnAgentIs403() {
        assertThat(api.get(hooks()).bearer(owner.apiKey()).send().status()).isEqualTo(403);
        assertThat(api.post(hooks()).bearer(owner.apiKey())
                .json(Map.of("url", receiver.url(), "events", List.of("*"))).send().status()).isEqualTo(403);
        HttpApi.Session agent = api.newMember(owner, "agent");
        assertThat(api.get(hooks()).session(agent).send().status()).isEqualTo(403);
    }

    // Events

    @Test
    void ticketCreatedIsDeliveredSignedWithTheTicketAsItWasAfterTheChange() throws Exception {
        JsonNode w = create(List.of("ticket.created"), null);
        String secret = w.get("secret").stringValue();

        JsonNode ticket = createTicket("Printer on fire");
        Receiver.Request delivered = receiver.next();

        assertThat(delivered.method()).isEqualTo("POST");
        assertThat(delivered.header("Content-Type")).startsWith("application/json");
        JsonNode body = HttpApi.JSON.readTree(delivered.body());
        assertThat(fieldNames(body)).containsExactly("id", "type", "createdAt", "entityId", "data");
        assertThat(body.get("type").stringValue()).isEqualTo("ticket.created");
        assertThat(body.get("entityId").stringValue()).isEqualTo(owner.entity());
        assertThat(body.get("createdAt").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(delivered.header("webhook-id")).isEqualTo(body.get("id").stringValue());
        long timestamp = Long.parseLong(delivered.header("webhook-timestamp"));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
        assertThat(delivered.header("webhook-signature")).startsWith("v1,");
        assertThat(VerifyWebhook.verify(secret, delivered.header("webhook-id"), delivered.header("webhook-timestamp"),
                delivered.body(), delivered.header("webhook-signature"))).isTrue();
        assertThat(VerifyWebhook.verify(secret, delivered.header("webhook-id"), delivered.header("webhook-timestamp"),
                delivered.body() + " ", delivered.header("webhook-signature"))).isFalse();
        assertThat(body.get("data").get("ticket")).isEqualTo(ticket);
    }

    @Test
    void ticketUpdatedCarriesTheChangesAndOnlySubscribedTypesArrive() throws Exception {
        JsonNode ticket = createTicket("Slow laptop");
        create(List.of("ticket.updated"), null);

        api.patch(TICKETS + "/" + ticket.get("id").stringValue()).bearer(owner.apiKey())
                .json(Map.of("status", "pending", "priority", "high")).send();
        JsonNode body = HttpApi.JSON.readTree(receiver.next().body());

        assertThat(body.get("type").stringValue()).isEqualTo("ticket.updated");
        JsonNode changes = body.get("data").get("changes");
        assertThat(changes.get("status").get("from").stringValue()).isEqualTo("new");
        assertThat(changes.get("status").get("to").stringValue()).isEqualTo("pending");
        assertThat(changes.get("priority").get("to").stringValue()).isEqualTo("high");
        assertThat(body.get("data").get("ticket").get("status").stringValue()).isEqualTo("pending");
        createTicket("Not subscribed");
        assertThat(receiver.poll(Duration.ofMillis(1500))).isNull();
    }

    @Test
    void messageCreatedCarriesTheMessageInternalNotesIncluded() throws Exception {
        JsonNode ticket = createTicket("Password reset");
        create(List.of("message.created"), null);

        JsonNode message = api.post(TICKETS + "/" + ticket.get("id").stringValue() + "/messages")
                .bearer(owner.apiKey()).json(Map.of("body", "Checked the logs", "isInternal", true)).send().json();
        JsonNode body = HttpApi.JSON.readTree(receiver.next().body());

        assertThat(body.get("type").stringValue()).isEqualTo("message.created");
        assertThat(body.get("data").get("message")).isEqualTo(message);
        assertThat(body.get("data").get("message").get("isInternal").booleanValue()).isTrue();
        assertThat(body.get("data").get("ticket").get("id")).isEqualTo(ticket.get("id"));
    }

    @Test
    void ticketMergedIsDeliveredOncePerSourceWithTheTargetAndWhereItCameFrom() throws Exception {
        JsonNode target = createTicket("Printer down");
        JsonNode source = createTicket("Printer down too");
        create(List.of("ticket.merged"), null);

        HttpApi.Response merged = api.post(TICKETS + "/" + target.get("id").stringValue() + "/merge")
                .bearer(owner.apiKey()).json(Map.of("sourceIds", List.of(source.get("id").stringValue()))).send();
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        JsonNode body = HttpApi.JSON.readTree(receiver.next().body());

        assertThat(body.get("type").stringValue()).isEqualTo("ticket.merged");
        assertThat(body.get("data").get("ticket").get("id")).isEqualTo(target.get("id"));
        assertThat(body.get("data").get("changes").get("mergedFrom").get("to").stringValue())
                .isEqualTo(source.get("id").stringValue());
    }

    @Test
    void contactEventsAreDeliveredForCreateChangeAndMerge() throws Exception {
        create(List.of("contact.created", "contact.updated", "contact.merged"), null);
        String contacts = "/api/helpdesk/contacts";

        JsonNode ann = api.post(contacts).bearer(owner.apiKey())
                .json(Map.of("name", "Ann", "emails", List.of("ann@customer.example"))).send().json();
        JsonNode created = HttpApi.JSON.readTree(receiver.next().body());
        assertThat(created.get("type").stringValue()).isEqualTo("contact.created");
        assertThat(created.get("data").get("contact").get("id")).isEqualTo(ann.get("id"));

        api.patch(contacts + "/" + ann.get("id").stringValue()).bearer(owner.apiKey())
                .json(Map.of("phone", "+49 30 1234")).send();
        JsonNode updated = HttpApi.JSON.readTree(receiver.next().body());
        assertThat(updated.get("type").stringValue()).isEqualTo("contact.updated");
        assertThat(updated.get("data").get("contact").get("phone").stringValue()).isEqualTo("+49 30 1234");

        // a ticket from a new address makes its contact on the spot: contact.created as well
        api.post(TICKETS).bearer(owner.apiKey())
                .json(Map.of("subject", "Hello", "contactEmail", "ann.private@mail.example")).send();
        JsonNode fromTicket = HttpApi.JSON.readTree(receiver.next().body());
        assertThat(fromTicket.get("type").stringValue()).isEqualTo("contact.created");
        String other = fromTicket.get("data").get("contact").get("id").stringValue();

        api.post(contacts + "/" + ann.get("id").stringValue() + "/merge").bearer(owner.apiKey())
                .json(Map.of("sourceIds", List.of(other))).send();
        JsonNode merged = HttpApi.JSON.readTree(receiver.next().body());
        assertThat(merged.get("type").stringValue()).isEqualTo("contact.merged");
        assertThat(merged.get("data").get("mergedFrom").get(0).stringValue()).isEqualTo(other);
        assertThat(merged.get("data").get("contact").get("emails")).hasSize(2);
    }

    @Test
    void slaBreachedIsDeliveredWhenTheSweepRecordsTheBreach() throws Exception {
        Map<String, Object> targets = Map.of("firstResponse", 30, "resolution", 600);
        HttpApi.Response policy = api.post("/api/helpdesk/sla-policies?entityId=" + owner.entity())
                .session(owner.session()).json(Map.of("name", "24/7", "targets", Map.of("normal", targets)))
                .send();
        assertThat(policy.status()).as(policy.body()).isEqualTo(201);
        JsonNode ticket = createTicket("Nobody answers");
        create(List.of("sla.breached"), null);

        // as if the ticket had waited 45 minutes: the sweep finds the first response overdue
        java.util.UUID id = java.util.UUID.fromString(ticket.get("id").stringValue());
        for (String column : List.of("created_at", "sla_first_response_due_at", "sla_resolution_due_at",
                "sla_due_at", "sla_breach_check_at")) {
            java.time.OffsetDateTime value = jdbc.sql("select " + column + " from tickets where entity_id = :e and id = :id")
                    .param("e", owner.entityId()).param("id", id)
                    .query((rs, n) -> java.util.Optional.ofNullable(rs.getObject(1, java.time.OffsetDateTime.class)))
                    .single().orElse(null);
            if (value != null) {
                jdbc.sql("update tickets set " + column + " = :v where entity_id = :e and id = :id")
                        .param("v", value.minusMinutes(45)).param("e", owner.entityId()).param("id", id).update();
            }
        }
        JsonNode body = HttpApi.JSON.readTree(receiver.next().body());

        assertThat(body.get("type").stringValue()).isEqualTo("sla.breached");
        assertThat(body.get("data").get("target").stringValue()).isEqualTo("firstResponse");
        assertThat(body.get("data").get("ticket").get("id")).isEqualTo(ticket.get("id"));
        assertThat(body.get("data").get("ticket").get("sla").get("firstResponseBreachedAt").isNull()).isFalse();
    }

    // Delivery

    @Test
    void a500IsRetriedAndThenDelivered() throws Exception {
        receiver.then(500);
        JsonNode w = create(List.of("ticket.created"), null);

        createTicket("Retry me");
        Receiver.Request first = receiver.next();
        Receiver.Request second = receiver.next();

        assertThat(second.header("webhook-id")).isEqualTo(first.header("webhook-id"));
        assertThat(second.body()).isEqualTo(first.body());
        JsonNode delivery = awaitDelivery(w, d -> d.get("status").stringValue().equals("delivered"));
        assertThat(delivery.get("attempts").intValue()).isEqualTo(2);
        assertThat(delivery.get("lastStatusCode").intValue()).isEqualTo(200);
        assertThat(delivery.get("lastError").isNull()).isTrue();
        assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
        assertThat(delivery.get("deliveredAt").isNull()).isFalse();
        assertThat(delivery.get("eventType").stringValue()).isEqualTo("ticket.created");
        assertThat(delivery.get("eventId").stringValue()).isEqualTo(first.header("webhook-id"));
    }

    @Test
    void a400FailsAtOnceWithoutRetry() throws Exception {
        receiver.then(400);
        JsonNode w = create(List.of("ticket.created"), null);

        createTicket("Refused");
        receiver.next();

        JsonNode delivery = awaitDelivery(w, d -> d.get("status").stringValue().equals("failed"));
        assertThat(delivery.get("attempts").intValue()).isEqualTo(1);
        assertThat(delivery.get("lastStatusCode").intValue()).isEqualTo(400);
        assertThat(delivery.get("lastError").stringValue()).contains("400");
        assertThat(receiver.poll(Duration.ofMillis(1500))).isNull();
    }

    @Test
    void retryAfterIsHonoured() throws Exception {
        receiver.then(429, "2");
        JsonNode w = create(List.of("ticket.created"), null);

        createTicket("Slow down");
        Receiver.Request first = receiver.next();
        JsonNode waiting = awaitDelivery(w, d -> d.get("attempts").intValue() == 1);
        Receiver.Request second = receiver.next();

        assertThat(waiting.get("status").stringValue()).isEqualTo("pending");
        assertThat(waiting.get("lastStatusCode").intValue()).isEqualTo(429);
        assertThat(waiting.get("nextAttemptAt").isNull()).isFalse();
        assertThat(second.receivedAtMillis() - first.receivedAtMillis()).isGreaterThanOrEqualTo(1900);
    }

    @Test
    void afterARotationDeliveriesCarryTwoSignaturesOneForEachSecret() throws Exception {
        JsonNode w = create(List.of("ticket.created"), null);
        String old = w.get("secret").stringValue();

        HttpApi.Response rotated = api.post(hook(w, "/rotate-secret")).session(owner.session()).send();
        String fresh = rotated.json().get("secret").stringValue();
        createTicket("Rotated");
        Receiver.Request r = receiver.next();

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        String[] signatures = r.header("webhook-signature").split(" ");
        assertThat(signatures).hasSize(2);
        for (String secret : List.of(old, fresh)) {
            assertThat(VerifyWebhook.verify(secret, r.header("webhook-id"), r.header("webhook-timestamp"), r.body(),
                    r.header("webhook-signature"))).isTrue();
        }
        assertThat(VerifyWebhook.verify(fresh, r.header("webhook-id"), r.header("webhook-timestamp"), r.body(),
                signatures[1])).isFalse();
    }

    @Test
    void redeliverSendsTheSameEventAgain() throws Exception {
        JsonNode w = create(List.of("ticket.created"), null);
        createTicket("Again");
        Receiver.Request first = receiver.next();
        JsonNode delivery = awaitDelivery(w, d -> d.get("status").stringValue().equals("delivered"));

        HttpApi.Response r = api.post(hook(w, "/deliveries/" + delivery.get("id").stringValue() + "/redeliver"))
                .session(owner.session()).send();
        Receiver.Request again = receiver.next();

        assertThat(r.status()).isEqualTo(202);
        assertThat(r.json().get("status").stringValue()).isEqualTo("pending");
        assertThat(again.header("webhook-id")).isEqualTo(first.header("webhook-id"));
        assertThat(again.body()).isEqualTo(first.body());
        JsonNode log = api.get(hook(w, "/deliveries")).session(owner.session()).send().json();
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.get(0).get("id")).isEqualTo(r.json().get("id")); // newest first
    }

    @Test
    void testSendsAPingNowAndReportsTheReceiversAnswer() throws Exception {
        JsonNode w = create(List.of("ticket.created"), null);

        HttpApi.Response ok = api.post(hook(w, "/test")).session(owner.session()).send();
        Receiver.Request ping = receiver.next(Duration.ofSeconds(1));
        receiver.then(503);
        JsonNode failed = api.post(hook(w, "/test")).session(owner.session()).send().json();
        receiver.close();
        JsonNode unreachable = api.post(hook(w, "/test")).session(owner.session()).send().json();

        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("status").intValue()).isEqualTo(200);
        assertThat(ok.json().get("error").isNull()).isTrue();
        assertThat(HttpApi.JSON.readTree(ping.body()).get("type").stringValue()).isEqualTo("ping");
        assertThat(VerifyWebhook.verify(w.get("secret").stringValue(), ping.header("webhook-id"),
                ping.header("webhook-timestamp"), ping.body(), ping.header("webhook-signature"))).isTrue();
        assertThat(failed.get("status").intValue()).isEqualTo(503);
        assertThat(failed.get("error").stringValue()).contains("503");
        assertThat(unreachable.get("status").isNull()).isTrue();
        assertThat(unreachable.get("error").stringValue()).isNotBlank();
    }

    @Test
    void aWebhookWhoseDeliveriesAllFailIsDisabledWithTheReason() throws Exception {
        receiver.always(500);
        JsonNode w = create(List.of("ticket.created"), null);

        createTicket("Never arrives");
        JsonNode read = null;
        long until = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < until) {
            read = api.get(hook(w, "")).session(owner.session()).send().json();
            if (!read.get("enabled").booleanValue()) {
                break;
            }
            Thread.sleep(200);
        }

        assertThat(read.get("enabled").booleanValue()).isFalse();
        assertThat(read.get("disabledReason").stringValue()).contains("failed");
        JsonNode delivery = awaitDelivery(w, d -> !d.get("status").stringValue().equals("pending"));
        assertThat(delivery.get("status").stringValue()).isEqualTo("failed");
        receiver.drain();
        createTicket("Not sent to a disabled webhook");
        assertThat(receiver.poll(Duration.ofMillis(1000))).isNull();
        // enabling again clears the reason
        JsonNode enabled = api.patch(hook(w, "")).session(owner.session()).json(Map.of("enabled", true)).send().json();
        assertThat(enabled.get("disabledReason").isNull()).isTrue();
    }

    @Test
    void deliveriesArePagedNewestFirstWithALinkToTheNextPage() throws Exception {
        JsonNode w = create(List.of("ticket.created"), null);
        for (int i = 0; i < 3; i++) {
            createTicket("Paged " + i);
        }
        for (int i = 0; i < 3; i++) {
            receiver.next();
        }

        HttpApi.Response first = api.get(hook(w, "/deliveries") + "&limit=2").session(owner.session()).send();
        String next = first.header("Link");
        assertThat(first.json().size()).isEqualTo(2);
        assertThat(next).contains("rel=\"next\"");
        String url = next.substring(next.indexOf('<') + 1, next.indexOf('>'));
        HttpApi.Response second = api.get(java.net.URI.create(url).getRawPath() + "?"
                + java.net.URI.create(url).getRawQuery()).session(owner.session()).send();
        assertThat(second.json().size()).isEqualTo(1);
        assertThat(second.header("Link")).isNull();
        assertThat(first.json().get(0).get("createdAt").stringValue())
                .isGreaterThanOrEqualTo(first.json().get(1).get("createdAt").stringValue());
        assertThat(api.get(hook(w, "/deliveries") + "&limit=0").session(owner.session()).send().status())
                .isEqualTo(400);
        assertThat(api.get(hook(w, "/deliveries") + "&cursor=nonsense").session(owner.session()).send().status())
                .isEqualTo(400);
    }

    // Helpers

    private String hooks() {
        return "/api/settings/webhooks?entityId=" + owner.entity();
    }

    private String hook(JsonNode w, String tail) {
        return "/api/settings/webhooks/" + w.get("id").stringValue() + tail + "?entityId=" + owner.entity();
    }

    private JsonNode create(List<String> events, String description) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("url", receiver.url(), "events", events));
        if (description != null) {
            body.put("description", description);
        }
        HttpApi.Response r = api.post(hooks()).session(owner.session()).json(body).send();
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private int createStatus(Map<String, Object> body) {
        HttpApi.Response r = api.post(hooks()).session(owner.session()).json(body).send();
        if (r.status() != 201) {
            assertThat(r.error()).isNotBlank();
        }
        return r.status();
    }

    private JsonNode createTicket(String subject) {
        HttpApi.Response r = api.post(TICKETS).bearer(owner.apiKey()).json(Map.of("subject", subject)).send();
        assertThat(r.status()).isEqualTo(201);
        return r.json();
    }

    /** The webhook's newest delivery once it satisfies {@code condition} (bounded wait). */
    private JsonNode awaitDelivery(JsonNode w, Predicate<JsonNode> condition) throws InterruptedException {
        long until = System.currentTimeMillis() + 15_000;
        JsonNode last = null;
        while (System.currentTimeMillis() < until) {
            JsonNode log = api.get(hook(w, "/deliveries")).session(owner.session()).send().json();
            if (log.size() > 0) {
                last = log.get(0);
                if (condition.test(last)) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the delivery never got there; last seen: " + last);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
