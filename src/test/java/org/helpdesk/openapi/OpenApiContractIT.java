package org.helpdesk.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.OpenApiValidator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document static/api/openapi.yaml against the running app: it is served, it is valid OpenAPI
 * 3.1, it lists exactly the app's routes and every route of API.md, and real responses of every route (happy
 * paths and error paths) validate against it, so the document cannot drift from the app.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenApiContractIT extends ApiTest {
    /** The routes of API.md §3 to §6 ("GET/POST x" written out), in its order. */
    static final List<String> API_MD_ROUTES = List.of(
            // agent speed (§10)
            "GET /api/helpdesk/canned-replies", "POST /api/helpdesk/canned-replies", "POST /api/helpdesk/tickets/{id}/render",
            "GET /api/helpdesk/macros", "POST /api/helpdesk/macros",
            "POST /api/helpdesk/tickets/{id}/macros/{macroId}", "POST /api/helpdesk/macros/{macroId}/apply",
            "POST /api/helpdesk/tickets/{id}/merge",
            "GET /api/helpdesk/tickets",
            "POST /api/helpdesk/tickets",
            "GET /api/helpdesk/tickets/{id}",
            "PATCH /api/helpdesk/tickets/{id}",
            "POST /api/helpdesk/tickets/{id}/messages",
            "POST /api/auth/signup",
            "POST /api/auth/login",
            "POST /api/auth/logout",
            "GET /api/me",
            "POST /api/entities",
            "GET /api/settings/api-keys",
            "POST /api/settings/api-keys",
            "DELETE /api/settings/api-keys/{id}",
            "GET /api/settings/members",
            "POST /api/settings/members",
            "PATCH /api/settings/members/{userId}",
            "DELETE /api/settings/members/{userId}",
            "GET /api/helpdesk/categories",
            "POST /api/helpdesk/categories",
            "PATCH /api/helpdesk/categories/{id}",
            "DELETE /api/helpdesk/categories/{id}",
            "GET /api/helpdesk/tickets/{id}/events",
            "GET /api/settings/mailboxes",
            "POST /api/settings/mailboxes",
            "PATCH /api/settings/mailboxes/{id}",
            "DELETE /api/settings/mailboxes/{id}",
            "POST /api/settings/mailboxes/{id}/test",
            "GET /api/helpdesk/reports/summary",
            "GET /api/helpdesk/reports/summary.csv",
            "GET /api/settings/webhooks",
            "POST /api/settings/webhooks",
            "GET /api/settings/webhooks/{id}",
            "PATCH /api/settings/webhooks/{id}",
            "DELETE /api/settings/webhooks/{id}",
            "POST /api/settings/webhooks/{id}/rotate-secret",
            "POST /api/settings/webhooks/{id}/test",
            "GET /api/settings/webhooks/{id}/deliveries",
            "POST /api/settings/webhooks/{id}/deliveries/{deliveryId}/redeliver",
            "GET /api/helpdesk/search",
            "GET /api/helpdesk/calendars",
            "POST /api/helpdesk/calendars",
            "GET /api/helpdesk/sla-policies",
            "POST /api/helpdesk/sla-policies",
            "GET /api/helpdesk/contacts",
            "POST /api/helpdesk/contacts",
            "GET /api/helpdesk/contacts/{id}",
            "PATCH /api/helpdesk/contacts/{id}",
            "DELETE /api/helpdesk/contacts/{id}",
            "GET /api/helpdesk/contacts/{id}/tickets",
            "POST /api/helpdesk/contacts/{id}/merge",
            "POST /api/helpdesk/contacts/{id}/unmerge",
            "GET /api/helpdesk/organizations",
            "POST /api/helpdesk/organizations",
            "GET /api/helpdesk/organizations/{id}",
            "PATCH /api/helpdesk/organizations/{id}",
            "DELETE /api/helpdesk/organizations/{id}",
            "POST /api/helpdesk/uploads",
            "GET /api/helpdesk/attachments/{id}",
            "GET /api/helpdesk/attachments/{id}/meta");

    /** Routes API.md names in shorthand ("GET/PATCH/DELETE .../{id}", ".../organizations/{id}/contacts"). */
    static final List<String> API_MD_SHORTHAND_ROUTES = List.of(
            "DELETE /api/helpdesk/calendars/{id}",
            "GET /api/helpdesk/calendars/{id}",
            "PATCH /api/helpdesk/calendars/{id}",
            "DELETE /api/helpdesk/canned-replies/{id}",
            "GET /api/helpdesk/canned-replies/{id}",
            "PATCH /api/helpdesk/canned-replies/{id}",
            "DELETE /api/helpdesk/macros/{id}",
            "GET /api/helpdesk/macros/{id}",
            "PATCH /api/helpdesk/macros/{id}",
            "GET /api/helpdesk/organizations/{id}/contacts",
            "DELETE /api/helpdesk/sla-policies/{id}",
            "GET /api/helpdesk/sla-policies/{id}",
            "PATCH /api/helpdesk/sla-policies/{id}");

    /** Routes of issues not (yet) written into API.md: issue 28's suspended mail. */
    static final List<String> ISSUE_ROUTES = List.of(
            "GET /api/settings/mailboxes/{id}/suspended",
            "POST /api/settings/mailboxes/{id}/suspended/{suspendedId}/release",
            "DELETE /api/settings/mailboxes/{id}/suspended/{suspendedId}");

    private static final Set<String> PUBLIC_OPERATIONS = Set.of(
            "POST /api/auth/signup", "POST /api/auth/login", "POST /api/auth/logout");

    private final OpenApiValidator contract = OpenApiValidator.get();

    @Autowired
    private org.springframework.context.ApplicationContext context;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping handlerMapping;

    // ---------------------------------------------------------------- the document itself

    @Test
    @Order(1)
    void theDocumentAndTheDocsPageAreServedWithoutAuthentication() {
        HttpApi.Response yaml = api.get("/api/openapi.yaml").send();
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(yaml.body()).isEqualTo(contract.yaml());

        for (String page : List.of("/api/docs", "/api/docs/")) {
            HttpApi.Response docs = api.get(page).header("Accept", "text/html").send();
            assertThat(docs.status()).as(page).isEqualTo(200);
            assertThat(docs.header("Content-Type")).startsWith("text/html");
            assertThat(docs.body()).contains("id=\"swagger-ui\"", "/webjars/swagger-ui/swagger-ui-bundle.js",
                    "/api/docs/init.js");
        }
        HttpApi.Response init = api.get("/api/docs/init.js").send();
        assertThat(init.status()).isEqualTo(200);
        assertThat(init.body()).contains("SwaggerUIBundle", "'/api/openapi.yaml'");
        for (String asset : List.of("/webjars/swagger-ui/swagger-ui-bundle.js", "/webjars/swagger-ui/swagger-ui.css")) {
            HttpApi.Response r = api.get(asset).send();
            assertThat(r.status()).as(asset).isEqualTo(200);
            assertThat(r.body()).as(asset).hasSizeGreaterThan(10_000);
        }
        // the rest of /api stays closed
        assertThat(api.get("/api/helpdesk/tickets").send().status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void theDocumentIsValidOpenApi31() {
        assertThat(contract.documentProblems()).as("problems of " + OpenApiValidator.RESOURCE).isEmpty();
        assertThat(contract.document().get("paths").propertyNames()).as("every documented path is a route of API.md")
                .hasSize((int) java.util.stream.Stream.of(API_MD_ROUTES, API_MD_SHORTHAND_ROUTES, ISSUE_ROUTES)
                        .flatMap(List::stream).map(r -> r.substring(r.indexOf(' ') + 1)).distinct().count());

        JsonNode doc = contract.document();
        assertThat(doc.get("openapi").stringValue()).isEqualTo("3.1.0");
        assertThat(doc.at("/components/securitySchemes").propertyNames())
                .containsExactlyInAnyOrder("bearerAuth", "cookieAuth", "csrfToken");
        assertThat(contract.yaml()).as("3.0's nullable has no place in 3.1: use type [x, \"null\"]")
                .doesNotContain("nullable:");

        Set<String> operationIds = new TreeSet<>();
        for (var path : doc.get("paths").properties()) {
            String template = path.getKey();
            for (var op : path.getValue().properties()) {
                if (op.getKey().equals("parameters")) {
                    continue;
                }
                String name = op.getKey().toUpperCase(Locale.ROOT) + " " + template;
                JsonNode operation = op.getValue();
                assertThat(operation.path("operationId").isString()).as(name + " operationId").isTrue();
                assertThat(operationIds.add(operation.get("operationId").stringValue())).as(name + " unique operationId").isTrue();
                assertThat(operation.path("summary").isString()).as(name + " summary").isTrue();
                assertThat(operation.has("security")).as(name + " security").isTrue();
                JsonNode responses = operation.get("responses");
                assertThat(responses.propertyNames()).as(name + " has a success response")
                        .anyMatch(s -> s.startsWith("2"));
                for (String status : responses.propertyNames()) {
                    JsonNode response = resolve(responses.get(status));
                    assertThat(response.path("description").isString()).as(name + " " + status + " description").isTrue();
                    if (status.startsWith("4") || status.startsWith("5")) {
                        assertThat(response.at("/content/application~1json/schema/$ref").stringValue())
                                .as(name + " " + status + " is an Error").isEqualTo("#/components/schemas/Error");
                    }
                    if (status.equals("429")) {
                        assertThat(response.at("/headers/Retry-After").isMissingNode()).as(name + " Retry-After").isFalse();
                    }
                    if (status.equals("204")) {
                        assertThat(response.has("content")).as(name + " 204 has no body").isFalse();
                    }
                }
                if (!PUBLIC_OPERATIONS.contains(name)) {
                    assertThat(responses.has("401")).as(name + " documents 401").isTrue();
                    assertThat(responses.has("403")).as(name + " documents 403").isTrue();
                }
                if (operation.has("requestBody")) {
                    assertThat(responses.propertyNames()).as(name + " body errors").contains("400", "413", "415");
                }
                if (template.startsWith("/api/helpdesk/")) {
                    assertThat(responses.has("429")).as(name + " documents 429").isTrue();
                    // calendars and SLA policies are written in admin/owner sessions only (API §11)
                    boolean sessionOnly = !op.getKey().equals("get") && (template.startsWith("/api/helpdesk/calendars")
                            || template.startsWith("/api/helpdesk/sla-policies"));
                    if (!sessionOnly) {
                        assertThat(operation.get("security").toString()).as(name + " accepts API keys").contains("bearerAuth");
                    }
                }
                // every {parameter} of the template is declared as a path parameter
                Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
                while (m.find()) {
                    String param = m.group(1);
                    assertThat(pathParameters(path.getValue(), operation)).as(name + " declares " + param).contains(param);
                }
            }
        }
        assertThat(doc.at("/paths/~1api~1helpdesk~1tickets/get/responses/200/headers/Link").isMissingNode())
                .as("Link header on the ticket list").isFalse();
        assertThat(doc.at("/paths/~1api~1helpdesk~1tickets/post/parameters/0/$ref").stringValue())
                .isEqualTo("#/components/parameters/IdempotencyKey");

        // response schemas are exact: every field required (present even when null), nothing else allowed
        for (String schema : List.of("Ticket", "TicketWithMessages", "Message", "Category", "ApiKey", "CreatedApiKey",
                "Member", "User", "Entity", "EntityRef", "Membership", "Me", "SignupResponse", "LoginResponse", "Error",
                "Mailbox", "MailboxTest", "MailboxCheck", "Attachment", "SuspendedMail", "ReleasedMail")) {
            JsonNode node = contract.componentSchema(schema);
            assertThat(node.get("additionalProperties").asBoolean(true)).as(schema + " additionalProperties").isFalse();
            List<String> required = new ArrayList<>();
            node.get("required").forEach(r -> required.add(r.stringValue()));
            assertThat(required).as(schema + " requires every field").containsExactlyElementsOf(node.get("properties").propertyNames());
        }
        // the ticket with messages is the ticket plus "messages"
        Set<String> withMessages = new LinkedHashSet<>(contract.componentSchema("TicketWithMessages").get("properties").propertyNames());
        withMessages.remove("messages");
        withMessages.remove("attachments"); // the files of the description (API §8)
        assertThat(withMessages).containsExactlyElementsOf(contract.componentSchema("Ticket").get("properties").propertyNames());
        for (String field : withMessages) {
            assertThat(contract.componentSchema("TicketWithMessages").at("/properties/" + field))
                    .as("TicketWithMessages." + field).isEqualTo(contract.componentSchema("Ticket").at("/properties/" + field));
        }
    }

    @Test
    @Order(3)
    void everyRouteOfApiMdIsDocumented() throws Exception {
        assertThat(contract.operations()).containsAll(API_MD_ROUTES).containsAll(API_MD_SHORTHAND_ROUTES)
                .containsAll(ISSUE_ROUTES);
        // when the contract is beside the project (as in the dev and CI layouts), the list above must be its list
        Path apiMd = Path.of("..", "shared", "API.md");
        if (Files.exists(apiMd)) {
            Set<String> routes = new TreeSet<>();
            Matcher m = Pattern.compile("`((?:GET|POST|PUT|PATCH|DELETE)(?:/(?:GET|POST|PUT|PATCH|DELETE))*) (/api/[^`?\\s]*)")
                    .matcher(Files.readString(apiMd));
            while (m.find()) {
                for (String method : m.group(1).split("/")) {
                    routes.add(method + " " + m.group(2));
                }
            }
            assertThat(routes).as("routes of " + apiMd.toAbsolutePath().normalize())
                    .containsExactlyInAnyOrderElementsOf(API_MD_ROUTES);
        }
    }

    @Test
    @Order(4)
    void theDocumentListsExactlyTheAppsRoutes() {
        Set<String> appRoutes = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((info, method) -> {
            if (isTestCode(method.getBeanType())) {
                return; // probes that other tests register in the shared context
            }
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                        appRoutes.add(verb.name() + " " + pattern);
                    }
                }
            }
        });
        assertThat(contract.operations()).containsExactlyInAnyOrderElementsOf(appRoutes);
    }

    // ---------------------------------------------------------------- real responses

    @Test
    @Order(10)
    void accountRoutes() {
        String email = HttpApi.uniqueEmail("signup");
        call("POST", "/api/auth/signup").json(Map.of("email", email, "password", "correct horse", "name", "Sam Signup",
                "entityName", "Signup Inc")).expect(201);
        call("POST", "/api/auth/signup").json(Map.of("email", email, "password", "correct horse", "name", "Sam",
                "entityName", "Again")).expect(409);
        call("POST", "/api/auth/signup").json(Map.of("email", "not-an-email", "password", "correct horse", "name", "Sam",
                "entityName", "X")).expect(400);
        call("POST", "/api/auth/signup").raw("email=x", "text/plain").expect(415);
        call("POST", "/api/auth/signup").raw("{\"email\": 1", "application/json").expect(400);

        HttpApi.Response login = call("POST", "/api/auth/login").json(Map.of("email", email, "password", "correct horse")).expect(200);
        assertThat(login.json().at("/user/email").stringValue()).isEqualTo(email);
        call("POST", "/api/auth/login").json(Map.of("email", email, "password", "wrong password")).expect(401);
        call("POST", "/api/auth/login").json(Map.of("email", email)).expect(400);

        HttpApi.Owner owner = api.newOwner();
        HttpApi.Response me = call("GET", "/api/me").session(owner.session()).expect(200);
        assertThat(me.json().at("/memberships/0/role").stringValue()).isEqualTo("owner");
        call("GET", "/api/me").expect(401);
        call("GET", "/api/me").bearer(owner.apiKey()).expect(403);

        HttpApi.Session other = api.login(owner.session().email(), "correct horse");
        call("POST", "/api/auth/logout").session(other.withoutCsrf()).expect(403);
        call("POST", "/api/auth/logout").session(other).expect(204);
        call("GET", "/api/me").session(other).expect(401);
        call("POST", "/api/auth/logout").expect(204);
    }

    @Test
    @Order(11)
    void entityAndApiKeyRoutes() {
        HttpApi.Owner owner = api.newOwner();
        HttpApi.Owner stranger = api.newOwner();
        String entity = "?entityId=" + owner.entity();

        HttpApi.Response created = call("POST", "/api/entities").session(owner.session()).json(Map.of("name", "Second desk")).expect(201);
        assertThat(created.header("Location")).isEqualTo("/api/entities/" + created.json().get("id").stringValue());
        call("POST", "/api/entities").session(owner.session()).json(Map.of("name", "")).expect(400);
        call("POST", "/api/entities").session(owner.session().withoutCsrf()).json(Map.of("name", "X")).expect(403);
        call("POST", "/api/entities").json(Map.of("name", "X")).expect(401);
        call("POST", "/api/entities").bearer(owner.apiKey()).json(Map.of("name", "X")).expect(403);

        HttpApi.Response key = call("POST", "/api/settings/api-keys" + entity).session(owner.session())
                .json(Map.of("name", "expiring", "scopes", List.of("read:helpdesk"), "expiresAt", "2099-01-01T00:00:00Z"))
                .expect(201);
        String keyId = key.json().get("id").stringValue();
        String secret = key.json().get("key").stringValue();
        call("POST", "/api/settings/api-keys" + entity).session(owner.session())
                .json(Map.of("name", "bad", "scopes", List.of("admin"))).expect(400);
        call("POST", "/api/settings/api-keys" + entity).session(owner.session())
                .json(Map.of("name", "bad", "scopes", List.of())).expect(400);
        call("POST", "/api/settings/api-keys" + entity).session(owner.session())
                .raw("x".repeat(1_100_000), "application/json").expect(413);

        HttpApi.Response list = call("GET", "/api/settings/api-keys" + entity).session(owner.session()).expect(200);
        assertThat(list.body()).doesNotContain(secret);
        call("GET", "/api/settings/api-keys").session(owner.session()).expect(400);
        call("GET", "/api/settings/api-keys?entityId=not-a-uuid").session(owner.session()).expect(400);
        call("GET", "/api/settings/api-keys?entityId=" + stranger.entity()).session(owner.session()).expect(403);
        call("GET", "/api/settings/api-keys" + entity).bearer(owner.apiKey()).expect(403);
        call("GET", "/api/settings/api-keys" + entity).expect(401);
        call("GET", "/api/settings/api-keys").header("x-entity-id", owner.entity()).session(owner.session()).expect(200);

        call("GET", "/api/helpdesk/tickets").bearer(secret).expect(200);
        call("DELETE", "/api/settings/api-keys/" + keyId + entity).session(owner.session()).expect(204);
        call("GET", "/api/helpdesk/tickets").bearer(secret).expect(401);
        call("DELETE", "/api/settings/api-keys/" + keyId + entity).session(owner.session()).expect(404);
        call("DELETE", "/api/settings/api-keys/" + UUID.randomUUID() + "?entityId=" + stranger.entity())
                .session(owner.session()).expect(403);
        call("DELETE", "/api/settings/api-keys/nope" + entity).session(owner.session()).expect(400);
    }

    @Test
    @Order(12)
    void memberRoutes() {
        HttpApi.Owner owner = api.newOwner();
        String entity = "?entityId=" + owner.entity();
        String agentEmail = HttpApi.uniqueEmail("agent");
        HttpApi.Session agent = api.signup(agentEmail, "correct horse", "Ann Agent", "Agent's own desk");

        HttpApi.Response added = call("POST", "/api/settings/members" + entity).session(owner.session())
                .json(Map.of("email", agentEmail, "role", "agent")).expect(201);
        assertThat(added.json().get("userId").stringValue()).isEqualTo(agent.userId().toString());
        call("POST", "/api/settings/members" + entity).session(owner.session())
                .json(Map.of("email", agentEmail, "role", "agent")).expect(409);
        call("POST", "/api/settings/members" + entity).session(owner.session())
                .json(Map.of("email", HttpApi.uniqueEmail("nobody"), "role", "agent")).expect(404);
        call("POST", "/api/settings/members" + entity).session(owner.session())
                .json(Map.of("email", agentEmail, "role", "boss")).expect(400);
        call("GET", "/api/settings/members" + entity).session(owner.session()).expect(200);
        call("GET", "/api/settings/members" + entity).session(agent).expect(403);

        String agentPath = "/api/settings/members/" + agent.userId() + entity;
        String ownerPath = "/api/settings/members/" + owner.session().userId() + entity;
        call("PATCH", agentPath).session(owner.session()).json(Map.of("role", "viewer")).expect(200);
        call("PATCH", agentPath).session(owner.session()).json(Map.of("role", 3)).expect(400);
        call("PATCH", ownerPath).session(owner.session()).json(Map.of("role", "admin")).expect(409);
        call("PATCH", "/api/settings/members/" + UUID.randomUUID() + entity).session(owner.session())
                .json(Map.of("role", "agent")).expect(404);
        call("PATCH", agentPath).session(agent).json(Map.of("role", "owner")).expect(403);
        call("PATCH", agentPath).json(Map.of("role", "agent")).expect(401);
        call("DELETE", ownerPath).session(owner.session()).expect(409);
        call("DELETE", "/api/settings/members/nope" + entity).session(owner.session()).expect(400);
        call("DELETE", agentPath).session(owner.session()).expect(204);
        call("DELETE", agentPath).session(owner.session()).expect(404);
    }

    @Test
    @Order(13)
    void categoryRoutes() {
        HttpApi.Owner owner = api.newOwner();
        String readOnly = api.createKey(owner.session(), owner.entityId(), List.of("read:helpdesk"));

        HttpApi.Response created = call("POST", "/api/helpdesk/categories").bearer(owner.apiKey())
                .json(Map.of("name", "Billing")).expect(201);
        String id = created.json().get("id").stringValue();
        call("POST", "/api/helpdesk/categories").bearer(owner.apiKey()).json(Map.of("name", "billing")).expect(409);
        call("POST", "/api/helpdesk/categories").bearer(owner.apiKey()).json(Map.of("name", "")).expect(400);
        call("POST", "/api/helpdesk/categories").bearer(readOnly).json(Map.of("name", "Nope")).expect(403);
        call("POST", "/api/helpdesk/categories?entityId=" + owner.entity()).session(owner.session())
                .json(Map.of("name", "Shipping")).expect(201);
        call("POST", "/api/helpdesk/categories").bearer(owner.apiKey()).raw("name: x", "application/yaml").expect(415);

        HttpApi.Response list = call("GET", "/api/helpdesk/categories").bearer(readOnly).expect(200);
        assertThat(list.json()).hasSize(2);
        call("GET", "/api/helpdesk/categories").session(owner.session()).expect(400);
        call("GET", "/api/helpdesk/categories/" + id).bearer(readOnly).expect(200);
        call("GET", "/api/helpdesk/categories/" + UUID.randomUUID()).bearer(readOnly).expect(404);
        call("GET", "/api/helpdesk/categories/42").bearer(readOnly).expect(400);

        call("PATCH", "/api/helpdesk/categories/" + id).bearer(owner.apiKey()).json(Map.of("name", "Invoices")).expect(200);
        call("PATCH", "/api/helpdesk/categories/" + id).bearer(owner.apiKey()).json(Map.of()).expect(200);
        call("PATCH", "/api/helpdesk/categories/" + id).bearer(owner.apiKey()).json(Map.of("name", "Shipping")).expect(409);
        call("PATCH", "/api/helpdesk/categories/" + id).bearer(readOnly).json(Map.of("name", "X")).expect(403);
        call("PATCH", "/api/helpdesk/categories/" + UUID.randomUUID()).bearer(owner.apiKey()).json(Map.of("name", "X")).expect(404);

        call("DELETE", "/api/helpdesk/categories/" + id).bearer(readOnly).expect(403);
        call("DELETE", "/api/helpdesk/categories/" + id).bearer(owner.apiKey()).expect(204);
        call("DELETE", "/api/helpdesk/categories/" + id).bearer(owner.apiKey()).expect(404);
        call("DELETE", "/api/helpdesk/categories/" + id).expect(401);
    }

    @Test
    @Order(15)
    void mailboxRoutes() {
        HttpApi.Owner owner = api.newOwner();
        HttpApi.Session agent = api.newMember(owner, "agent");
        String entity = "?entityId=" + owner.entity();
        String address = org.helpdesk.support.MailTestServer.newSupportAddress();
        Map<String, Object> body = org.helpdesk.support.MailTestServer.mailboxBody(address);

        HttpApi.Response created = call("POST", "/api/settings/mailboxes" + entity).session(owner.session()).json(body).expect(201);
        String id = created.json().get("id").stringValue();
        assertThat(created.json().propertyNames()).as("field order of a mailbox")
                .containsExactlyElementsOf(contract.componentSchema("Mailbox").get("properties").propertyNames());
        call("POST", "/api/settings/mailboxes" + entity).session(owner.session()).json(body).expect(409);
        call("POST", "/api/settings/mailboxes" + entity).session(owner.session()).json(Map.of("name", "x")).expect(400);
        call("POST", "/api/settings/mailboxes" + entity).session(owner.session()).raw("x".repeat(1_100_000), "application/json").expect(413);
        call("POST", "/api/settings/mailboxes" + entity).session(owner.session()).raw("name=x", "text/plain").expect(415);
        call("POST", "/api/settings/mailboxes" + entity).session(agent).json(body).expect(403);
        call("POST", "/api/settings/mailboxes" + entity).json(body).expect(401);

        call("GET", "/api/settings/mailboxes" + entity).session(owner.session()).expect(200);
        call("GET", "/api/settings/mailboxes").session(owner.session()).expect(400);
        call("GET", "/api/settings/mailboxes" + entity).bearer(owner.apiKey()).expect(403);
        call("GET", "/api/settings/mailboxes" + entity).expect(401);

        String path = "/api/settings/mailboxes/" + id + entity;
        call("PATCH", path).session(owner.session()).json(Map.of("pollSeconds", 300)).expect(200);
        call("PATCH", path).session(owner.session()).json(Map.of("pollSeconds", 1)).expect(400);
        call("PATCH", "/api/settings/mailboxes/" + UUID.randomUUID() + entity).session(owner.session())
                .json(Map.of("name", "x")).expect(404);
        call("PATCH", path).session(agent).json(Map.of("name", "x")).expect(403);
        call("PATCH", path).json(Map.of("name", "x")).expect(401);
        String other = org.helpdesk.support.MailTestServer.newSupportAddress();
        call("POST", "/api/settings/mailboxes" + entity).session(owner.session())
                .json(org.helpdesk.support.MailTestServer.mailboxBody(other)).expect(201);
        call("PATCH", path).session(owner.session()).json(Map.of("address", other)).expect(409);
        call("PATCH", path).session(owner.session()).raw("x".repeat(1_100_000), "application/json").expect(413);
        call("PATCH", path).session(owner.session()).raw("name=x", "text/plain").expect(415);

        // with an enabled mailbox, a public reply to a ticket with a contact goes out by email
        String ticket = api.post("/api/helpdesk/tickets").bearer(owner.apiKey())
                .json(Map.of("subject", "By mail", "contactEmail", "pat@customer.test")).send().json().get("id").stringValue();
        HttpApi.Response emailed = call("POST", "/api/helpdesk/tickets/" + ticket + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "On its way")).expect(201);
        assertThat(emailed.json().get("channel").stringValue()).isEqualTo("email");
        assertThat(emailed.json().get("delivery").stringValue()).isIn("queued", "sent");

        call("POST", "/api/settings/mailboxes/" + id + "/test" + entity).session(owner.session()).expect(200);
        call("POST", "/api/settings/mailboxes/" + UUID.randomUUID() + "/test" + entity).session(owner.session()).expect(404);
        call("POST", "/api/settings/mailboxes/nope/test" + entity).session(owner.session()).expect(400);
        call("POST", "/api/settings/mailboxes/" + id + "/test" + entity).session(agent).expect(403);
        call("POST", "/api/settings/mailboxes/" + id + "/test" + entity).expect(401);

        // issue 28: an auto-reply is suspended (the background poller takes it), then released or deleted
        String suspended = "/api/settings/mailboxes/" + id + "/suspended";
        for (String subject : List.of("Out of office", "Away")) {
            jakarta.mail.internet.MimeMessage vacation = org.helpdesk.support.MailTestServer.mail("pat@customer.test",
                    address, subject, "Back on Monday");
            try {
                vacation.setHeader("Auto-Submitted", "auto-replied");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
            org.helpdesk.support.MailTestServer.deliver(address, vacation);
        }
        // a changed mailbox is due for a poll at once (pollSeconds was set to 300 above)
        assertThat(api.patch(path).session(owner.session()).json(Map.of("pollSeconds", 5)).send().status()).isEqualTo(200);
        // polled here rather than by the background poller, whose turn may be far off in the shared context
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(300)).until(() -> {
                    org.helpdesk.email.MailPolling.pollNow(context, owner.entityId(), UUID.fromString(id));
                    return api.get(suspended + entity).session(owner.session()).send().json().size() == 2;
                });
        HttpApi.Response held = call("GET", suspended + entity).session(owner.session()).expect(200);
        assertThat(held.json().get(0).propertyNames()).as("field order of a suspended mail")
                .containsExactlyElementsOf(contract.componentSchema("SuspendedMail").get("properties").propertyNames());
        call("GET", "/api/settings/mailboxes/" + UUID.randomUUID() + "/suspended" + entity).session(owner.session()).expect(404);
        call("GET", suspended + entity).session(agent).expect(403);
        call("GET", suspended + entity).bearer(owner.apiKey()).expect(403);
        call("GET", suspended + entity).expect(401);
        String first = held.json().get(0).get("id").stringValue();
        String second = held.json().get(1).get("id").stringValue();
        call("POST", suspended + "/" + first + "/release" + entity).session(agent).expect(403);
        call("POST", suspended + "/" + first + "/release" + entity).expect(401);
        call("POST", suspended + "/nope/release" + entity).session(owner.session()).expect(400);
        HttpApi.Response released = call("POST", suspended + "/" + first + "/release" + entity).session(owner.session()).expect(200);
        assertThat(released.json().propertyNames()).containsExactlyElementsOf(
                contract.componentSchema("ReleasedMail").get("properties").propertyNames());
        call("POST", suspended + "/" + first + "/release" + entity).session(owner.session()).expect(404);
        call("DELETE", suspended + "/" + second + entity).session(agent).expect(403);
        call("DELETE", suspended + "/" + second + entity).expect(401);
        call("DELETE", suspended + "/nope" + entity).session(owner.session()).expect(400);
        call("DELETE", suspended + "/" + second + entity).session(owner.session()).expect(204);
        call("DELETE", suspended + "/" + second + entity).session(owner.session()).expect(404);

        call("DELETE", path).session(agent).expect(403);
        call("DELETE", path).expect(401);
        call("DELETE", "/api/settings/mailboxes/nope" + entity).session(owner.session()).expect(400);
        call("DELETE", path).session(owner.session()).expect(204);
        call("DELETE", path).session(owner.session()).expect(404);
    }

    @Test
    @Order(16)
    void webhookRoutes() {
        HttpApi.Owner owner = api.newOwner();
        HttpApi.Session agent = api.newMember(owner, "agent");
        String entity = "?entityId=" + owner.entity();
        // the app itself stands in for a receiver (the test app allows loopback targets): it answers 4xx
        Map<String, Object> body = Map.of("url", "http://127.0.0.1:" + port + "/webhook-sink",
                "events", List.of("*"));

        HttpApi.Response created = call("POST", "/api/settings/webhooks" + entity).session(owner.session()).json(body)
                .expect(201);
        String id = created.json().get("id").stringValue();
        assertThat(created.json().propertyNames()).as("field order of a created webhook")
                .containsExactlyElementsOf(contract.componentSchema("WebhookWithSecret").get("properties").propertyNames());
        call("POST", "/api/settings/webhooks" + entity).session(owner.session()).json(Map.of("url", "x")).expect(400);
        call("POST", "/api/settings/webhooks" + entity).session(owner.session()).raw("x".repeat(1_100_000), "application/json").expect(413);
        call("POST", "/api/settings/webhooks" + entity).session(owner.session()).raw("url=x", "text/plain").expect(415);
        call("POST", "/api/settings/webhooks" + entity).session(agent).json(body).expect(403);
        call("POST", "/api/settings/webhooks" + entity).json(body).expect(401);
        for (int i = 1; i < 20; i++) {
            api.post("/api/settings/webhooks" + entity).session(owner.session()).json(body).send();
        }
        call("POST", "/api/settings/webhooks" + entity).session(owner.session()).json(body).expect(409);

        call("GET", "/api/settings/webhooks" + entity).session(owner.session()).expect(200);
        call("GET", "/api/settings/webhooks").session(owner.session()).expect(400);
        call("GET", "/api/settings/webhooks" + entity).bearer(owner.apiKey()).expect(403);
        call("GET", "/api/settings/webhooks" + entity).expect(401);

        String path = "/api/settings/webhooks/" + id + entity;
        HttpApi.Response read = call("GET", path).session(owner.session()).expect(200);
        assertThat(read.json().propertyNames()).as("field order of a webhook")
                .containsExactlyElementsOf(contract.componentSchema("Webhook").get("properties").propertyNames());
        call("GET", "/api/settings/webhooks/" + UUID.randomUUID() + entity).session(owner.session()).expect(404);
        call("GET", "/api/settings/webhooks/nope" + entity).session(owner.session()).expect(400);
        call("GET", path).session(agent).expect(403);
        call("GET", path).expect(401);

        call("PATCH", path).session(owner.session()).json(Map.of("description", "CRM")).expect(200);
        call("PATCH", path).session(owner.session()).json(Map.of("events", List.of())).expect(400);
        call("PATCH", "/api/settings/webhooks/" + UUID.randomUUID() + entity).session(owner.session())
                .json(Map.of("enabled", false)).expect(404);
        call("PATCH", path).session(agent).json(Map.of("enabled", false)).expect(403);
        call("PATCH", path).json(Map.of("enabled", false)).expect(401);
        call("PATCH", path).session(owner.session()).raw("x".repeat(1_100_000), "application/json").expect(413);
        call("PATCH", path).session(owner.session()).raw("url=x", "text/plain").expect(415);

        String rotate = "/api/settings/webhooks/" + id + "/rotate-secret" + entity;
        call("POST", rotate).session(owner.session()).expect(200);
        call("POST", "/api/settings/webhooks/" + UUID.randomUUID() + "/rotate-secret" + entity).session(owner.session()).expect(404);
        call("POST", rotate).session(agent).expect(403);
        call("POST", rotate).expect(401);

        String test = "/api/settings/webhooks/" + id + "/test" + entity;
        call("POST", test).session(owner.session()).expect(200);
        call("POST", "/api/settings/webhooks/nope/test" + entity).session(owner.session()).expect(400);
        call("POST", test).session(agent).expect(403);
        call("POST", test).expect(401);

        api.post("/api/helpdesk/tickets").bearer(owner.apiKey()).json(Map.of("subject", "Hooked")).send();
        String log = "/api/settings/webhooks/" + id + "/deliveries" + entity;
        HttpApi.Response deliveries = call("GET", log).session(owner.session()).expect(200);
        String deliveryId = deliveries.json().get(0).get("id").stringValue();
        call("GET", log + "&limit=500").session(owner.session()).expect(400);
        call("GET", "/api/settings/webhooks/" + UUID.randomUUID() + "/deliveries" + entity).session(owner.session()).expect(404);
        call("GET", log).session(agent).expect(403);
        call("GET", log).expect(401);

        String redeliver = "/api/settings/webhooks/" + id + "/deliveries/" + deliveryId + "/redeliver" + entity;
        call("POST", redeliver).session(owner.session()).expect(202);
        call("POST", "/api/settings/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/redeliver" + entity)
                .session(owner.session()).expect(404);
        call("POST", redeliver).session(agent).expect(403);
        call("POST", redeliver).expect(401);

        call("DELETE", path).session(agent).expect(403);
        call("DELETE", path).expect(401);
        call("DELETE", "/api/settings/webhooks/nope" + entity).session(owner.session()).expect(400);
        call("DELETE", path).session(owner.session()).expect(204);
        call("DELETE", path).session(owner.session()).expect(404);
    }

    @Test
    @Order(14)
    void ticketAndMessageRoutes() {
        HttpApi.Owner owner = api.newOwner();
        HttpApi.Owner stranger = api.newOwner();
        String readOnly = api.createKey(owner.session(), owner.entityId(), List.of("read:helpdesk"));
        String categoryId = api.post("/api/helpdesk/categories").bearer(owner.apiKey()).json(Map.of("name", "Hardware"))
                .send().json().get("id").stringValue();

        HttpApi.Response minimal = call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey())
                .json(Map.of("subject", "Printer on fire")).expect(201);
        String ticketId = minimal.json().get("id").stringValue();
        assertThat(minimal.header("Location")).isEqualTo("/api/helpdesk/tickets/" + ticketId);
        assertThat(minimal.json().propertyNames()).as("field order of a ticket")
                .containsExactlyElementsOf(contract.componentSchema("Ticket").get("properties").propertyNames());

        HttpApi.Response full = call("POST", "/api/helpdesk/tickets?entityId=" + owner.entity()).session(owner.session())
                .json(Map.of("subject", "Everything set", "description", "Long text", "status", "pending",
                        "priority", "urgent", "channel", "phone", "contactEmail", "pat@example.com",
                        "contactName", "Pat Contact", "categoryId", categoryId,
                        "assignedTo", owner.session().userId().toString()))
                .expect(201);
        String fullId = full.json().get("id").stringValue();
        call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey()).json(Map.of("description", "no subject")).expect(400);
        call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey()).json(Map.of("subject", 42)).expect(400);
        call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey()).raw("[]", "application/json").expect(400);
        call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey()).raw("{\"subject\":\"a\"} x", "application/json").expect(400);
        call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey())
                .json(Map.of("subject", "s", "categoryId", UUID.randomUUID().toString())).expect(400);
        call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey()).raw("subject=x", "text/plain").expect(415);
        call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey())
                .raw("{\"subject\":\"" + "x".repeat(1_100_000) + "\"}", "application/json").expect(413);
        call("POST", "/api/helpdesk/tickets").bearer(readOnly).json(Map.of("subject", "s")).expect(403);
        call("POST", "/api/helpdesk/tickets").session(owner.session()).json(Map.of("subject", "s")).expect(400);
        call("POST", "/api/helpdesk/tickets?entityId=" + owner.entity()).session(owner.session().withoutCsrf())
                .json(Map.of("subject", "s")).expect(403);
        call("POST", "/api/helpdesk/tickets").json(Map.of("subject", "s")).expect(401);

        // safe retries
        HttpApi.Response first = call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey())
                .header("Idempotency-Key", "retry-1").json(Map.of("subject", "Once")).expect(201);
        HttpApi.Response replay = call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey())
                .header("Idempotency-Key", "retry-1").json(Map.of("subject", "Once")).expect(201);
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey())
                .header("Idempotency-Key", "retry-1").json(Map.of("subject", "Other")).expect(409);
        call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey())
                .header("Idempotency-Key", "k".repeat(256)).json(Map.of("subject", "Too long a key")).expect(400);

        // list, filters, paging
        HttpApi.Response page1 = call("GET", "/api/helpdesk/tickets?limit=2").bearer(readOnly).expect(200);
        assertThat(page1.json()).hasSize(2);
        String link = page1.header("Link");
        assertThat(link).matches("<http://[^>]+/api/helpdesk/tickets\\?[^>]*cursor=[^>]+>; rel=\"next\"");
        String next = link.substring(link.indexOf("/api/"), link.indexOf('>'));
        HttpApi.Response page2 = call("GET", next).bearer(readOnly).expect(200);
        assertThat(page2.json()).isNotEmpty();
        call("GET", "/api/helpdesk/tickets?status=new,open,pending&priority=urgent,normal&channel=api,phone"
                + "&sort=updatedAt&q=HD-1&limit=200&updatedSince=2020-01-01T00:00:00Z&categoryId=" + categoryId
                + "&assignedTo=" + owner.session().userId()).bearer(readOnly).expect(200);
        call("GET", "/api/helpdesk/tickets?entityId=" + owner.entity()).session(owner.session()).expect(200);
        call("GET", "/api/helpdesk/tickets").header("x-entity-id", owner.entity()).session(owner.session()).expect(200);
        call("GET", "/api/helpdesk/tickets?status=bogus").bearer(readOnly).expect(400);
        call("GET", "/api/helpdesk/tickets?limit=0").bearer(readOnly).expect(400);
        call("GET", "/api/helpdesk/tickets?sort=subject").bearer(readOnly).expect(400);
        call("GET", "/api/helpdesk/tickets?cursor=garbage").bearer(readOnly).expect(400);
        call("GET", next.replace("limit=2", "limit=2&status=new")).bearer(readOnly).expect(400);
        call("GET", "/api/helpdesk/tickets?entityId=" + owner.entity()).header("x-entity-id", stranger.entity())
                .bearer(readOnly).expect(400);
        call("GET", "/api/helpdesk/tickets?entityId=" + stranger.entity()).bearer(readOnly).expect(403);
        call("GET", "/api/helpdesk/tickets?entityId=" + stranger.entity()).session(owner.session()).expect(403);
        call("GET", "/api/helpdesk/tickets").bearer("ak_" + "x".repeat(40)).expect(401);
        call("GET", "/api/helpdesk/tickets").bearer("not-a-key").expect(401);
        call("GET", "/api/helpdesk/tickets").header("Authorization", "Basic dXNlcjpwYXNz").expect(401);

        // messages
        call("POST", "/api/helpdesk/tickets/" + ticketId + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "We are on it")).expect(201);
        call("POST", "/api/helpdesk/tickets/" + ticketId + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "Still burning", "authorType", "contact")).expect(201);
        call("POST", "/api/helpdesk/tickets/" + fullId + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "Auto-closed soon", "authorType", "system", "authorName", "Robot")).expect(201);
        HttpApi.Response note = call("POST", "/api/helpdesk/tickets/" + fullId + "/messages?entityId=" + owner.entity())
                .session(owner.session()).json(Map.of("body", "Internal note", "isInternal", true)).expect(201);
        assertThat(note.header("Location")).startsWith("/api/helpdesk/tickets/" + fullId + "/messages/");
        assertThat(note.json().propertyNames()).as("field order of a message")
                .containsExactlyElementsOf(contract.componentSchema("Message").get("properties").propertyNames());
        call("POST", "/api/helpdesk/tickets/" + ticketId + "/messages").bearer(owner.apiKey())
                .header("Idempotency-Key", "msg-1").json(Map.of("body", "Once")).expect(201);
        call("POST", "/api/helpdesk/tickets/" + ticketId + "/messages").bearer(owner.apiKey())
                .header("Idempotency-Key", "msg-1").json(Map.of("body", "Once")).expect(201);
        call("POST", "/api/helpdesk/tickets/" + ticketId + "/messages").bearer(owner.apiKey())
                .header("Idempotency-Key", "msg-1").json(Map.of("body", "Twice")).expect(409);
        call("POST", "/api/helpdesk/tickets/" + ticketId + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "secret", "authorType", "contact", "isInternal", true)).expect(400);
        call("POST", "/api/helpdesk/tickets/" + ticketId + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "")).expect(400);
        call("POST", "/api/helpdesk/tickets/" + ticketId + "/messages").bearer(owner.apiKey())
                .raw("body", "text/plain").expect(415);
        call("POST", "/api/helpdesk/tickets/" + UUID.randomUUID() + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "Anyone?")).expect(404);
        call("POST", "/api/helpdesk/tickets/" + ticketId + "/messages").bearer(stranger.apiKey())
                .json(Map.of("body", "Not mine")).expect(404);
        call("POST", "/api/helpdesk/tickets/" + ticketId + "/messages").bearer(readOnly)
                .json(Map.of("body", "read only")).expect(403);
        call("POST", "/api/helpdesk/tickets/" + ticketId + "/messages").json(Map.of("body", "who")).expect(401);

        // one ticket with its messages
        HttpApi.Response withMessages = call("GET", "/api/helpdesk/tickets/" + ticketId).bearer(readOnly).expect(200);
        assertThat(withMessages.json().get("messages")).hasSize(3);
        call("GET", "/api/helpdesk/tickets/" + fullId + "?entityId=" + owner.entity()).session(owner.session()).expect(200);
        call("GET", "/api/helpdesk/tickets/" + UUID.randomUUID()).bearer(readOnly).expect(404);
        call("GET", "/api/helpdesk/tickets/" + ticketId).bearer(stranger.apiKey()).expect(404);
        call("GET", "/api/helpdesk/tickets/HD-1").bearer(readOnly).expect(400);
        call("GET", "/api/helpdesk/tickets/" + ticketId).expect(401);

        // merge-patch
        call("PATCH", "/api/helpdesk/tickets/" + fullId).bearer(owner.apiKey())
                .raw("{\"status\":\"closed\",\"description\":null,\"contactEmail\":null,\"contactName\":null,"
                        + "\"categoryId\":null,\"assignedTo\":null}", "application/json").expect(200);
        call("PATCH", "/api/helpdesk/tickets/" + fullId).bearer(owner.apiKey()).json(Map.of()).expect(200);
        call("PATCH", "/api/helpdesk/tickets/" + fullId + "?entityId=" + owner.entity()).session(owner.session())
                .json(Map.of("status", "open", "priority", "low")).expect(200);
        call("PATCH", "/api/helpdesk/tickets/" + fullId).bearer(owner.apiKey())
                .raw("{\"subject\":null}", "application/json").expect(400);
        call("PATCH", "/api/helpdesk/tickets/" + fullId).bearer(owner.apiKey())
                .json(Map.of("contactEmail", "nope")).expect(400);
        call("PATCH", "/api/helpdesk/tickets/" + fullId).bearer(owner.apiKey()).raw("x", "text/plain").expect(415);
        call("PATCH", "/api/helpdesk/tickets/" + fullId).bearer(readOnly).json(Map.of("priority", "high")).expect(403);
        call("PATCH", "/api/helpdesk/tickets/" + fullId).bearer(stranger.apiKey()).json(Map.of("priority", "high")).expect(404);
        call("PATCH", "/api/helpdesk/tickets/" + fullId).json(Map.of("priority", "high")).expect(401);

        // history
        HttpApi.Response events = call("GET", "/api/helpdesk/tickets/" + fullId + "/events?limit=2").bearer(readOnly)
                .expect(200);
        assertThat(events.json()).hasSize(2);
        assertThat(events.json().get(0).propertyNames()).as("field order of an event")
                .containsExactlyElementsOf(contract.componentSchema("TicketEvent").get("properties").propertyNames());
        String eventsLink = events.header("Link");
        String eventsNext = eventsLink.substring(eventsLink.indexOf("/api/"), eventsLink.indexOf('>'));
        call("GET", eventsNext).bearer(readOnly).expect(200);
        call("GET", "/api/helpdesk/tickets/" + fullId + "/events?entityId=" + owner.entity()).session(owner.session())
                .expect(200);
        call("GET", "/api/helpdesk/tickets/" + fullId + "/events?limit=501").bearer(readOnly).expect(400);
        call("GET", "/api/helpdesk/tickets/" + ticketId + "/events?" + eventsNext.substring(eventsNext.indexOf('?') + 1))
                .bearer(readOnly).expect(400);
        call("GET", "/api/helpdesk/tickets/" + fullId + "/events").bearer(stranger.apiKey()).expect(404);
        call("GET", "/api/helpdesk/tickets/" + UUID.randomUUID() + "/events").bearer(readOnly).expect(404);
        call("GET", "/api/helpdesk/tickets/" + fullId + "/events").expect(401);
    }

    @Test
    @Order(30)
    void reportRoutes() {
        HttpApi.Owner owner = api.newOwner();
        new org.helpdesk.support.TicketApi(api).create(owner, "Counted");
        String range = "?from=2026-01-01&to=2026-01-14";
        HttpApi.Response summary = call("GET", "/api/helpdesk/reports/summary" + range + "&interval=week&timezone=Europe/Berlin")
                .bearer(owner.apiKey()).expect(200);
        assertThat(summary.json().propertyNames()).as("field order of a report")
                .containsExactlyElementsOf(contract.componentSchema("ReportSummary").get("properties").propertyNames());
        call("GET", "/api/helpdesk/reports/summary" + range + "&entityId=" + owner.entity()).session(owner.session())
                .expect(200);
        call("GET", "/api/helpdesk/reports/summary?from=2026-01-02&to=2026-01-01").bearer(owner.apiKey()).expect(400);
        call("GET", "/api/helpdesk/reports/summary" + range).expect(401);
        call("GET", "/api/helpdesk/reports/summary.csv" + range).bearer(owner.apiKey()).expect(200);
        call("GET", "/api/helpdesk/reports/summary.csv?from=x&to=2026-01-01").bearer(owner.apiKey()).expect(400);
        call("GET", "/api/helpdesk/reports/summary.csv" + range).expect(401);
    }

    @Test
    @Order(20)
    void slaRoutes() {
        HttpApi.Owner owner = api.newOwner();
        String entity = "?entityId=" + owner.entity();
        Map<String, Object> calendar = Map.of("name", "Office", "timezone", "Europe/Berlin",
                "hours", List.of(Map.of("day", "mon", "from", "09:00", "to", "17:30"),
                        Map.of("day", "sat", "from", "20:00", "to", "24:00")),
                "holidays", List.of("2026-12-25"));
        HttpApi.Response created = call("POST", "/api/helpdesk/calendars" + entity).session(owner.session())
                .json(calendar).expect(201);
        String calendarPath = "/api/helpdesk/calendars/" + created.json().get("id").stringValue();
        call("POST", "/api/helpdesk/calendars").bearer(owner.apiKey()).json(calendar).expect(403);
        call("POST", "/api/helpdesk/calendars" + entity).session(owner.session())
                .json(Map.of("name", "Bad", "timezone", "Nowhere/Else", "hours", List.of())).expect(400);
        call("GET", "/api/helpdesk/calendars").bearer(owner.apiKey()).expect(200);
        call("GET", "/api/helpdesk/calendars").expect(401);
        call("GET", calendarPath).bearer(owner.apiKey()).expect(200);
        call("GET", "/api/helpdesk/calendars/" + UUID.randomUUID()).bearer(owner.apiKey()).expect(404);
        call("PATCH", calendarPath + entity).session(owner.session()).json(Map.of("name", "Berlin office")).expect(200);
        call("PATCH", calendarPath).bearer(owner.apiKey()).json(Map.of("name", "x")).expect(403);

        HttpApi.Response policy = call("POST", "/api/helpdesk/sla-policies" + entity).session(owner.session())
                .json(Map.of("name", "Standard", "match", Map.of("priority", List.of("urgent")),
                        "calendarId", created.json().get("id").stringValue(),
                        "targets", Map.of("urgent", Map.of("firstResponse", 30, "resolution", 240))))
                .expect(201);
        String policyPath = "/api/helpdesk/sla-policies/" + policy.json().get("id").stringValue();
        call("POST", "/api/helpdesk/sla-policies" + entity).session(owner.session())
                .json(Map.of("name", "Bad", "targets", Map.of("urgent", Map.of("firstResponse", 0)))).expect(400);
        call("GET", "/api/helpdesk/sla-policies").bearer(owner.apiKey()).expect(200);
        call("GET", "/api/helpdesk/sla-policies").expect(401);
        call("GET", policyPath).bearer(owner.apiKey()).expect(200);
        call("GET", "/api/helpdesk/sla-policies/nope").bearer(owner.apiKey()).expect(400);
        call("PATCH", policyPath + entity).session(owner.session()).json(Map.of("position", 3)).expect(200);
        call("PATCH", policyPath + entity).session(owner.session()).json(Map.of("position", -3)).expect(400);

        HttpApi.Response ticket = call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey())
                .json(Map.of("subject", "Urgent", "priority", "urgent")).expect(201);
        assertThat(ticket.json().get("sla").get("policyId").stringValue()).isEqualTo(policy.json().get("id").stringValue());
        call("GET", "/api/helpdesk/tickets?sla=due&sort=slaDueAt").bearer(owner.apiKey()).expect(200);
        call("GET", "/api/helpdesk/tickets?sla=soon").bearer(owner.apiKey()).expect(400);

        call("DELETE", calendarPath + entity).session(owner.session()).expect(409);
        call("DELETE", policyPath).bearer(owner.apiKey()).expect(403);
        call("DELETE", policyPath + entity).session(owner.session()).expect(204);
        call("DELETE", policyPath + entity).session(owner.session()).expect(404);
        call("DELETE", calendarPath + entity).session(owner.session()).expect(204);
    }

    @Test
    @Order(21)
    void contactAndOrganizationRoutes() {
        HttpApi.Owner owner = api.newOwner();
        String readOnly = api.createKey(owner.session(), owner.entityId(), List.of("read:helpdesk"));
        String stranger = api.newOwner().apiKey();
        String c = "/api/helpdesk/contacts";
        String o = "/api/helpdesk/organizations";

        String org = call("POST", o).bearer(owner.apiKey()).json(Map.of("name", "Acme", "domains", List.of("acme-corp.com")))
                .expect(201).json().get("id").stringValue();
        call("POST", o).bearer(owner.apiKey()).json(Map.of("name", "Free", "domains", List.of("gmail.com"))).expect(400);
        call("POST", o).bearer(owner.apiKey()).json(Map.of("name", "Again", "domains", List.of("acme-corp.com"))).expect(409);
        call("POST", o).bearer(readOnly).json(Map.of("name", "x")).expect(403);
        call("POST", o).bearer(owner.apiKey()).raw("name: x", "application/yaml").expect(415);
        call("GET", o).bearer(readOnly).expect(200);
        call("GET", o + "?limit=0").bearer(readOnly).expect(400);
        call("GET", o + "/" + org).bearer(readOnly).expect(200);
        call("GET", o + "/" + UUID.randomUUID()).bearer(readOnly).expect(404);
        call("PATCH", o + "/" + org).bearer(owner.apiKey()).json(Map.of("name", "Acme Inc")).expect(200);
        call("PATCH", o + "/" + org).bearer(owner.apiKey()).json(Map.of("domains", List.of("yahoo.com"))).expect(400);

        HttpApi.Response created = call("POST", c).bearer(owner.apiKey())
                .json(Map.of("name", "Ann", "emails", List.of("ann@acme-corp.com"))).expect(201);
        String ann = created.json().get("id").stringValue();
        assertThat(created.json().get("organizationId").stringValue()).isEqualTo(org);
        String bob = call("POST", c).bearer(owner.apiKey()).json(Map.of("emails", List.of("bob@example.com")))
                .expect(201).json().get("id").stringValue();
        call("POST", c).bearer(owner.apiKey()).json(Map.of("emails", List.of("ANN@acme-corp.com"))).expect(409);
        call("POST", c).bearer(owner.apiKey()).json(Map.of("emails", List.of())).expect(400);
        call("POST", c).bearer(readOnly).json(Map.of("emails", List.of("r@example.com"))).expect(403);
        call("POST", c).bearer(owner.apiKey()).raw("emails: x", "application/yaml").expect(415);
        call("GET", c + "?q=ann").bearer(readOnly).expect(200);
        call("GET", c + "?limit=1").bearer(readOnly).expect(200);
        call("GET", c + "?limit=500").bearer(readOnly).expect(400);
        call("GET", c + "/" + ann).bearer(readOnly).expect(200);
        call("GET", c + "/" + ann).bearer(stranger).expect(404);
        call("GET", c + "/42").bearer(readOnly).expect(400);
        call("PATCH", c + "/" + ann).bearer(owner.apiKey()).json(Map.of("phone", "+1 555")).expect(200);
        call("PATCH", c + "/" + bob).bearer(owner.apiKey()).json(Map.of("emails", List.of("ann@acme-corp.com"))).expect(409);
        call("PATCH", c + "/" + ann).bearer(owner.apiKey()).json(Map.of("phone", 5)).expect(400);
        call("PATCH", c + "/" + UUID.randomUUID()).bearer(owner.apiKey()).json(Map.of()).expect(404);
        call("PATCH", c + "/" + ann).bearer(owner.apiKey()).raw("x", "application/yaml").expect(415);

        call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey())
                .json(Map.of("subject", "Hello", "contactEmail", "bob@example.com")).expect(201);
        call("GET", c + "/" + bob + "/tickets").bearer(readOnly).expect(200);
        call("GET", c + "/" + bob + "/tickets?cursor=nope").bearer(readOnly).expect(400);
        call("GET", c + "/" + UUID.randomUUID() + "/tickets").bearer(readOnly).expect(404);
        call("GET", o + "/" + org + "/contacts").bearer(readOnly).expect(200);
        call("GET", o + "/" + UUID.randomUUID() + "/contacts").bearer(readOnly).expect(404);

        call("POST", c + "/" + ann + "/merge").bearer(owner.apiKey()).json(Map.of("sourceIds", List.of(ann))).expect(400);
        call("POST", c + "/" + ann + "/merge").bearer(owner.apiKey())
                .json(Map.of("sourceIds", List.of(UUID.randomUUID().toString()))).expect(404);
        call("POST", c + "/" + ann + "/merge").bearer(owner.apiKey()).raw("x", "application/yaml").expect(415);
        call("POST", c + "/" + ann + "/merge").bearer(owner.apiKey()).json(Map.of("sourceIds", List.of(bob))).expect(200);
        call("POST", c + "/" + bob + "/merge").bearer(owner.apiKey()).json(Map.of("sourceIds", List.of(ann))).expect(409);
        call("PATCH", c + "/" + bob).bearer(owner.apiKey()).json(Map.of("name", "x")).expect(409);
        call("POST", c + "/" + ann + "/unmerge").bearer(owner.apiKey()).json(Map.of()).expect(400);
        call("POST", c + "/" + ann + "/unmerge").bearer(owner.apiKey())
                .json(Map.of("sourceId", UUID.randomUUID().toString())).expect(404);
        call("POST", c + "/" + ann + "/unmerge").bearer(owner.apiKey()).raw("x", "application/yaml").expect(415);
        call("POST", c + "/" + ann + "/unmerge").bearer(owner.apiKey()).json(Map.of("sourceId", bob)).expect(200);
        call("POST", c + "/" + ann + "/unmerge").bearer(owner.apiKey()).json(Map.of("sourceId", bob)).expect(409);

        call("DELETE", c + "/" + bob).bearer(readOnly).expect(403);
        call("DELETE", c + "/" + bob).bearer(owner.apiKey()).expect(204);
        call("DELETE", c + "/" + bob).bearer(owner.apiKey()).expect(404);
        call("DELETE", o + "/" + org).bearer(readOnly).expect(403);
        call("DELETE", o + "/" + org).bearer(owner.apiKey()).expect(204);
        call("DELETE", o + "/" + org).bearer(owner.apiKey()).expect(404);
        call("PATCH", o + "/" + org).bearer(owner.apiKey()).json(Map.of("name", "x")).expect(404);
    }

    @Test
    @Order(22)
    void searchRoute() {
        HttpApi.Owner owner = api.newOwner();
        String ticket = api.post("/api/helpdesk/tickets").bearer(owner.apiKey())
                .json(Map.of("subject", "Printer on fire", "contactEmail", "ann@example.com")).send().json()
                .get("id").stringValue();
        api.post("/api/helpdesk/tickets/" + ticket + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "The printer smokes")).send();
        api.post("/api/helpdesk/tickets").bearer(owner.apiKey()).json(Map.of("subject", "Printer jammed")).send();

        HttpApi.Response hits = call("GET", "/api/helpdesk/search?q=print&limit=1").bearer(owner.apiKey()).expect(200);
        assertThat(hits.json().get(0).propertyNames()).as("field order of a hit")
                .containsExactlyElementsOf(contract.componentSchema("SearchHit").get("properties").propertyNames());
        String link = hits.header("Link");
        call("GET", link.substring(link.indexOf("/api/"), link.indexOf('>'))).bearer(owner.apiKey()).expect(200);
        call("GET", "/api/helpdesk/search?q=" + java.net.URLEncoder.encode("smokes ann@example.com status:new",
                java.nio.charset.StandardCharsets.UTF_8) + "&entityId=" + owner.entity()).session(owner.session())
                .expect(200);
        call("GET", "/api/helpdesk/search?q=nothing&sort=-updatedAt").bearer(owner.apiKey()).expect(200);
        call("GET", "/api/helpdesk/search?q=printer%20colour:red").bearer(owner.apiKey()).expect(400);
        call("GET", "/api/helpdesk/search?q=printer&limit=101").bearer(owner.apiKey()).expect(400);
        call("GET", "/api/helpdesk/search?q=printer").expect(401);
    }

    @Test
    @Order(23)
    void attachmentRoutes() {
        HttpApi.Owner owner = api.newOwner();
        HttpApi.Owner stranger = api.newOwner();
        String boundary = "contract-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"notes.txt\"\r\n\r\n"
                + "some notes\r\n--" + boundary + "--\r\n";
        String type = "multipart/form-data; boundary=" + boundary;
        String id = call("POST", "/api/helpdesk/uploads").bearer(owner.apiKey()).raw(body, type).expect(201)
                .json().get("id").stringValue();
        call("POST", "/api/helpdesk/uploads").raw(body, type).expect(401);
        call("POST", "/api/helpdesk/uploads").bearer(owner.apiKey()).raw("{}", "application/json").expect(415);
        call("POST", "/api/helpdesk/uploads").bearer(owner.apiKey()).raw(body.replace("some notes", ""), type).expect(400);
        String ticketId = call("POST", "/api/helpdesk/tickets").bearer(owner.apiKey())
                .json(Map.of("subject", "With a file", "attachments", List.of(id))).expect(201).json().get("id").stringValue();
        call("GET", "/api/helpdesk/tickets/" + ticketId).bearer(owner.apiKey()).expect(200);
        String second = call("POST", "/api/helpdesk/uploads").bearer(owner.apiKey()).raw(body, type).expect(201)
                .json().get("id").stringValue();
        call("POST", "/api/helpdesk/tickets/" + ticketId + "/messages").bearer(owner.apiKey())
                .json(Map.of("body", "and another", "attachments", List.of(second))).expect(201);
        call("GET", "/api/helpdesk/attachments/" + id + "/meta").bearer(owner.apiKey()).expect(200);
        call("GET", "/api/helpdesk/attachments/" + id + "/meta").bearer(stranger.apiKey()).expect(404);
        call("GET", "/api/helpdesk/attachments/" + id).bearer(owner.apiKey()).expect(200);
        call("GET", "/api/helpdesk/attachments/" + id).bearer(owner.apiKey()).header("Range", "bytes=0-3").expect(206);
        call("GET", "/api/helpdesk/attachments/" + id).bearer(owner.apiKey()).header("Range", "bytes=99-").expect(416);
        call("GET", "/api/helpdesk/attachments/" + id).bearer(stranger.apiKey()).expect(404);
    }

    @Test
    @Order(24)
    void agentSpeedRoutes() {
        HttpApi.Owner owner = api.newOwner();
        HttpApi.Owner stranger = api.newOwner();
        String key = owner.apiKey();
        String t1 = call("POST", "/api/helpdesk/tickets").bearer(key)
                .json(Map.of("subject", "Tagged", "tags", List.of("VIP", "billing"), "contactName", "Ann Lee"))
                .expect(201).json().get("id").stringValue();
        String t2 = call("POST", "/api/helpdesk/tickets").bearer(key).json(Map.of("subject", "Other")).expect(201)
                .json().get("id").stringValue();
        call("PATCH", "/api/helpdesk/tickets/" + t2).bearer(key).json(Map.of("tags", List.of("x"))).expect(200);
        call("GET", "/api/helpdesk/tickets?tag=vip,billing").bearer(key).expect(200);
        call("GET", "/api/helpdesk/tickets?tag=no%20space").bearer(key).expect(400);

        String canned = call("POST", "/api/helpdesk/canned-replies").bearer(key)
                .json(Map.of("title", "Hello", "body", "Hi {{contact.firstName | \"there\"}}", "shared", true))
                .expect(201).json().get("id").stringValue();
        call("POST", "/api/helpdesk/canned-replies").bearer(key).json(Map.of("title", "Bad", "body", "{{nope}}")).expect(400);
        call("GET", "/api/helpdesk/canned-replies").bearer(key).expect(200);
        call("GET", "/api/helpdesk/canned-replies").expect(401);
        call("GET", "/api/helpdesk/canned-replies/" + canned).bearer(key).expect(200);
        call("GET", "/api/helpdesk/canned-replies/" + canned).bearer(stranger.apiKey()).expect(404);
        call("PATCH", "/api/helpdesk/canned-replies/" + canned).bearer(key).json(Map.of("title", "Hello there")).expect(200);
        call("PATCH", "/api/helpdesk/canned-replies/" + canned).bearer(key).json(Map.of("title", " ")).expect(400);
        call("POST", "/api/helpdesk/tickets/" + t1 + "/render").bearer(key).json(Map.of("cannedReplyId", canned)).expect(200);
        call("POST", "/api/helpdesk/tickets/" + t1 + "/render").bearer(stranger.apiKey())
                .json(Map.of("cannedReplyId", canned)).expect(404);

        String macro = call("POST", "/api/helpdesk/macros").bearer(key)
                .json(Map.of("title", "Pending", "actions", Map.of("status", "pending", "addTags", List.of("waiting"),
                        "reply", Map.of("cannedReplyId", canned)))).expect(201).json().get("id").stringValue();
        call("POST", "/api/helpdesk/macros").bearer(key).json(Map.of("title", "Bad", "actions", Map.of())).expect(400);
        call("GET", "/api/helpdesk/macros").bearer(key).expect(200);
        call("GET", "/api/helpdesk/macros").expect(401);
        call("GET", "/api/helpdesk/macros/" + macro).bearer(key).expect(200);
        call("GET", "/api/helpdesk/macros/" + macro).bearer(stranger.apiKey()).expect(404);
        call("PATCH", "/api/helpdesk/macros/" + macro).bearer(key).json(Map.of("title", "Pending now")).expect(200);
        call("PATCH", "/api/helpdesk/macros/" + macro).bearer(key).json(Map.of("actions", Map.of("x", 1))).expect(400);
        call("POST", "/api/helpdesk/tickets/" + t1 + "/macros/" + macro).bearer(key).expect(200);
        call("POST", "/api/helpdesk/tickets/" + t1 + "/macros/" + macro).bearer(stranger.apiKey()).expect(404);
        call("POST", "/api/helpdesk/macros/" + macro + "/apply").bearer(key)
                .json(Map.of("ticketIds", List.of(t2, UUID.randomUUID().toString()))).expect(200);
        call("POST", "/api/helpdesk/macros/" + macro + "/apply").bearer(key).json(Map.of("ticketIds", List.of())).expect(400);

        call("POST", "/api/helpdesk/tickets/" + t1 + "/merge").bearer(key).json(Map.of("sourceIds", List.of(t1))).expect(400);
        call("POST", "/api/helpdesk/tickets/" + t1 + "/merge").bearer(key).json(Map.of("sourceIds", List.of(t2))).expect(200);
        call("POST", "/api/helpdesk/tickets/" + t1 + "/merge").bearer(key).json(Map.of("sourceIds", List.of(t2))).expect(409);
        call("GET", "/api/helpdesk/tickets/" + t1 + "/events").bearer(key).expect(200);
        call("GET", "/api/helpdesk/tickets/" + t2).bearer(key).expect(200);

        call("DELETE", "/api/helpdesk/macros/" + macro).bearer(key).expect(204);
        call("DELETE", "/api/helpdesk/macros/" + macro).bearer(key).expect(404);
        call("DELETE", "/api/helpdesk/canned-replies/" + canned).bearer(key).expect(204);
        call("DELETE", "/api/helpdesk/canned-replies/" + canned).bearer(key).expect(404);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void everyDocumentedOperationWasExercisedAndValidated() {
        Set<String> covered = contract.covered();
        for (String operation : contract.operations()) {
            assertThat(covered).as(operation + " with a success status")
                    .anyMatch(c -> c.startsWith(operation + " 2"));
            if (!PUBLIC_OPERATIONS.contains(operation)) {
                assertThat(covered).as(operation + " with an error status")
                        .anyMatch(c -> c.startsWith(operation + " 4"));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private Checked call(String method, String path) {
        return new Checked(method, path);
    }

    /** A request whose response is checked against the document, after its status. */
    private final class Checked {
        private final String method;
        private final String path;
        private final HttpApi.Call call;

        Checked(String method, String path) {
            this.method = method;
            this.path = path;
            this.call = api.method(method, path);
        }

        Checked bearer(String key) {
            call.bearer(key);
            return this;
        }

        Checked session(HttpApi.Session session) {
            call.session(session);
            return this;
        }

        Checked header(String name, String value) {
            call.header(name, value);
            return this;
        }

        Checked json(Object value) {
            call.json(value);
            return this;
        }

        Checked raw(String body, String contentType) {
            call.raw(body, contentType);
            return this;
        }

        HttpApi.Response expect(int status) {
            HttpApi.Response response = call.send();
            assertThat(response.status()).as(method + " " + abbreviate(path) + " -> " + abbreviate(response.body()))
                    .isEqualTo(status);
            contract.assertValid(method, path, response);
            return response;
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        return ref == null ? node : contract.document().at(ref.stringValue().substring(1));
    }

    private Set<String> pathParameters(JsonNode pathItem, JsonNode operation) {
        Set<String> names = new TreeSet<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                JsonNode p = resolve(parameter);
                if ("path".equals(p.path("in").stringValue(null))) {
                    assertThat(p.path("required").asBoolean(false)).as("path parameter " + p.get("name") + " required").isTrue();
                    names.add(p.get("name").stringValue());
                }
            }
        }
        return names;
    }

    private static boolean isTestCode(Class<?> type) {
        var source = type.getProtectionDomain().getCodeSource();
        return source != null && source.getLocation().toString().contains("test-classes");
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
