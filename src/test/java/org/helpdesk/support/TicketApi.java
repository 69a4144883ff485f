package org.helpdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import tools.jackson.databind.JsonNode;

/**
 * Helpers for the tickets, messages and categories routes (API.md §3 and the categories row of §4), on top of
 * {@link HttpApi}: set-up calls that must succeed, members with a role, and the common assertions.
 */
public final class TicketApi {
    public static final String TICKETS = "/api/helpdesk/tickets";
    public static final String CATEGORIES = "/api/helpdesk/categories";
    /** ISO-8601 UTC with exactly millisecond precision, e.g. 2019-08-24T14:15:22.123Z. */
    public static final String TIMESTAMP = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    public static final List<String> TICKET_FIELDS = List.of("id", "entityId", "ticketNumber", "subject",
            "description", "status", "priority", "channel", "contactEmail", "contactName", "contactId", "categoryId", "createdBy",
            "assignedTo", "createdAt", "updatedAt", "firstResponseAt", "resolvedAt", "closedAt", "tags", "mergedInto", "sla");
    public static final List<String> MESSAGE_FIELDS = List.of("id", "ticketId", "authorType", "authorId",
            "authorName", "body", "isInternal", "channel", "delivery", "createdAt", "fromAddress", "attachments");
    public static final String OWNER_NAME = "Olive Owner";

    private final HttpApi api;

    public TicketApi(HttpApi api) {
        this.api = api;
    }

    /** A JSON object from name/value pairs; unlike Map.of it keeps {@code null} values. */
    public static Map<String, Object> body(Object... namesAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A user signed up on their own, then added to the owner's entity with this role; their session. */
    public HttpApi.Session member(HttpApi.Owner owner, String role, String name) {
        String email = HttpApi.uniqueEmail(role);
        HttpApi.Session session = api.signup(email, "correct horse", name, "Own " + UUID.randomUUID());
        HttpApi.Response added = api.post("/api/settings/members?entityId=" + owner.entity()).session(owner.session())
                .json(body("email", email, "role", role)).send();
        assertThat(added.status()).as("adding a member: %s", added.body()).isIn(200, 201);
        return session;
    }

    /** Creates a ticket with the owner's key; the created ticket. */
    public JsonNode create(HttpApi.Owner owner, Map<String, ?> ticket) {
        return created(api.post(TICKETS).bearer(owner.apiKey()).json(ticket).send());
    }

    public JsonNode create(HttpApi.Owner owner, String subject) {
        return create(owner, body("subject", subject));
    }

    /** Creates {@code count} tickets at once (virtual threads), subjects prefix + " " + i; the created tickets. */
    public List<JsonNode> createConcurrently(HttpApi.Owner owner, int count, String prefix) {
        List<JsonNode> created = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<HttpApi.Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String subject = prefix + " " + i;
                futures.add(pool.submit(() -> api.post(TICKETS).bearer(owner.apiKey())
                        .json(Map.of("subject", subject)).send()));
            }
            for (Future<HttpApi.Response> f : futures) {
                created.add(created(f.get()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return created;
    }

    public static JsonNode created(HttpApi.Response r) {
        assertThat(r.status()).as("create: %s", r.body()).isEqualTo(201);
        return r.json();
    }

    public JsonNode get(HttpApi.Owner owner, String ticketId) {
        HttpApi.Response r = api.get(TICKETS + "/" + ticketId).bearer(owner.apiKey()).send();
        assertThat(r.status()).as("get: %s", r.body()).isEqualTo(200);
        return r.json();
    }

    public HttpApi.Response patch(HttpApi.Owner owner, String ticketId, Map<String, ?> patch) {
        return api.patch(TICKETS + "/" + ticketId).bearer(owner.apiKey()).json(patch).send();
    }

    public JsonNode patched(HttpApi.Owner owner, String ticketId, Map<String, ?> patch) {
        HttpApi.Response r = patch(owner, ticketId, patch);
        assertThat(r.status()).as("patch: %s", r.body()).isEqualTo(200);
        return r.json();
    }

    public HttpApi.Response message(HttpApi.Owner owner, String ticketId, Map<String, ?> message) {
        return api.post(TICKETS + "/" + ticketId + "/messages").bearer(owner.apiKey()).json(message).send();
    }

    public JsonNode messaged(HttpApi.Owner owner, String ticketId, Map<String, ?> message) {
        HttpApi.Response r = message(owner, ticketId, message);
        assertThat(r.status()).as("message: %s", r.body()).isEqualTo(201);
        return r.json();
    }

    /** GET of the list with this query string (without '?'), by the owner's key. */
    public HttpApi.Response list(HttpApi.Owner owner, String query) {
        return api.get(TICKETS + (query.isEmpty() ? "" : "?" + query)).bearer(owner.apiKey()).send();
    }

    /** The ids of a successful list response, in order. */
    public static List<String> ids(HttpApi.Response r) {
        assertThat(r.status()).as("list: %s", r.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        r.json().forEach(t -> ids.add(t.get("id").stringValue()));
        return ids;
    }

    public List<String> listIds(HttpApi.Owner owner, String query) {
        return ids(list(owner, query));
    }

    /** Path and query of the rel="next" URL of the Link header, or {@code null} when there is none. */
    public static String nextLink(HttpApi.Response r) {
        String link = r.header("Link");
        if (link == null) {
            return null;
        }
        assertThat(link).matches("<[^>]+>; *rel=\"next\"");
        URI uri = URI.create(link.substring(link.indexOf('<') + 1, link.indexOf('>')));
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    public JsonNode createCategory(HttpApi.Owner owner, String name) {
        HttpApi.Response r = api.post(CATEGORIES).bearer(owner.apiKey()).json(body("name", name)).send();
        assertThat(r.status()).as("category: %s", r.body()).isEqualTo(201);
        return r.json();
    }

    /** Status plus exactly {@code {"error": "<sentence>"}}, JSON, with nothing internal in it. */
    public static void assertError(HttpApi.Response r, int status) {
        assertThat(r.status()).as("status of %s", r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).as("Content-Type").isNotNull().startsWith("application/json");
        JsonNode json = r.json();
        assertThat(json.isObject()).as("error body is an object: %s", r.body()).isTrue();
        assertThat(new ArrayList<>(json.propertyNames())).containsExactly("error");
        assertThat(json.get("error").isString()).isTrue();
        assertThat(json.get("error").stringValue()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception", "\tat ", "org.springframework", "<html", "SQL");
    }

    /** The object has exactly these fields, each present even when null. */
    public static void assertFields(JsonNode node, List<String> fields) {
        assertThat(new ArrayList<>(node.propertyNames())).as("fields of %s", node)
                .containsExactlyInAnyOrderElementsOf(fields);
    }

    /** Makes sure the next server timestamp differs from every earlier one (they have millisecond precision). */
    public static void nextMillisecond() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
