package org.helpdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Call;
import org.helpdesk.support.HttpApi.Owner;
import org.helpdesk.support.HttpApi.Response;
import org.helpdesk.support.HttpApi.Session;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Seeded random requests over every route, by every kind of caller: valid and broken bodies, headers and
 * encodings, ids of another entity. Every answer must be below 500, every error in the contract's shape,
 * nothing of the other entity may appear in any response, and the other entity's data must be unchanged.
 * The short form runs in the suite; a longer run: {@code -Dhelpdesk.random.requests=20000
 * -Dhelpdesk.random.seeds=11,12,13}. A failure names its seed and request number, so it can be replayed.
 */
class RandomRequestsIT extends ApiTest {
    private static final int REQUESTS = Integer.getInteger("helpdesk.random.requests", 1500);
    private static final String SEEDS = System.getProperty("helpdesk.random.seeds", "20261202");

    private static final String[] ROUTES = {
            "GET /api/helpdesk/tickets", "POST /api/helpdesk/tickets", "GET /api/helpdesk/tickets/{ticket}",
            "PATCH /api/helpdesk/tickets/{ticket}", "POST /api/helpdesk/tickets/{ticket}/messages",
            "GET /api/helpdesk/tickets/{ticket}/events",
            "GET /api/helpdesk/categories", "POST /api/helpdesk/categories", "GET /api/helpdesk/categories/{category}",
            "PATCH /api/helpdesk/categories/{category}", "DELETE /api/helpdesk/categories/{category}",
            "POST /api/auth/signup", "POST /api/auth/login", "POST /api/auth/logout", "GET /api/me", "POST /api/entities",
            "GET /api/settings/api-keys", "POST /api/settings/api-keys", "DELETE /api/settings/api-keys/{key}",
            "GET /api/settings/members", "POST /api/settings/members", "PATCH /api/settings/members/{user}",
            "DELETE /api/settings/members/{user}", "PUT /api/helpdesk/tickets", "DELETE /api/helpdesk/tickets/{ticket}",
            "GET /error", "POST /error", "GET /api/nothing-here", "GET /", "GET /api/openapi.yaml"};
    private static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json",
            "application/json; charset=utf-8", "*/*", "application/*", "text/plain", "application/x-www-form-urlencoded",
            "application/json; charset=latin1", "application/json; charset=bogus", "multipart/form-data; boundary=x",
            "application/merge-patch+json", ";", "application/xml", null};
    private static final String[] ACCEPTS = {null, "application/json", "*/*", "text/html", "application/xml", "image/png"};

    private record Victim(Owner owner, String secret, List<String> ticketIds, String categoryId, Session session) {
    }

    @Test
    void randomRequestsNeverFailTheServerNorLeakOrChangeAnotherEntity() {
        // Given: an entity full of data nobody else may see or change, and an attacker with every kind of credential
        Victim victim = victim();
        Owner attacker = api.newOwner();
        Session viewer = api.newMember(attacker, "viewer");
        Session agent = api.newMember(attacker, "agent");
        String readOnlyKey = api.createKey(attacker.session(), attacker.entityId(), List.of("read:helpdesk"));
        String attackerTicket = api.post("/api/helpdesk/tickets").bearer(attacker.apiKey()).json(Map.of("subject", "mine"))
                .send().json().get("id").stringValue();
        String before = snapshot(victim);

        // When
        Map<Integer, Integer> statuses = new TreeMap<>();
        int total = 0;
        for (String seedText : SEEDS.split(",")) {
            long seed = Long.parseLong(seedText.strip());
            Random random = new Random(seed);
            for (int i = 0; i < REQUESTS; i++) {
                Request request = request(random, victim, attacker, viewer, agent, readOnlyKey, attackerTicket);
                Response r;
                try {
                    r = request.call().send();
                } catch (IllegalStateException e) {
                    throw new AssertionError("seed " + seed + " request " + i + " " + request.describe() + ": " + e.getCause(), e);
                }
                statuses.merge(r.status(), 1, Integer::sum);
                check(seed, i, request, r, victim);
                total++;
            }
        }

        // Then
        int serverErrors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500).mapToInt(Map.Entry::getValue).sum();
        System.out.printf("RandomRequestsIT: %d requests, seeds %s, statuses %s, 5xx %d%n", total, SEEDS, statuses, serverErrors);
        assertThat(serverErrors).isZero();
        assertThat(snapshot(victim)).as("the other entity's data").isEqualTo(before);
    }

    private Victim victim() {
        Owner owner = api.newOwner();
        String secret = "S3CR3T" + UUID.randomUUID().toString().replace("-", "");
        List<String> tickets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            JsonNode t = api.post("/api/helpdesk/tickets").bearer(owner.apiKey()).json(Map.of("subject", secret + " subject " + i,
                    "description", secret + " description", "contactEmail", "contact-" + secret.toLowerCase() + "@example.com")).send().json();
            tickets.add(t.get("id").stringValue());
            api.post("/api/helpdesk/tickets/" + t.get("id").stringValue() + "/messages").bearer(owner.apiKey())
                    .json(Map.of("body", secret + " message")).send();
        }
        String category = api.post("/api/helpdesk/categories").bearer(owner.apiKey()).json(Map.of("name", secret + " category"))
                .send().json().get("id").stringValue();
        return new Victim(owner, secret, tickets, category, owner.session());
    }

    /** Everything the victim's entity holds, as its owner sees it. */
    private String snapshot(Victim v) {
        StringBuilder out = new StringBuilder();
        out.append(api.get("/api/helpdesk/tickets?limit=200").bearer(v.owner().apiKey()).send().body());
        for (String id : v.ticketIds()) {
            out.append(api.get("/api/helpdesk/tickets/" + id).bearer(v.owner().apiKey()).send().body());
            out.append(api.get("/api/helpdesk/tickets/" + id + "/events?limit=500").bearer(v.owner().apiKey()).send().body());
        }
        out.append(api.get("/api/helpdesk/categories").bearer(v.owner().apiKey()).send().body());
        out.append(api.get("/api/settings/members?entityId=" + v.owner().entity()).session(v.session()).send().body());
        String keys = api.get("/api/settings/api-keys?entityId=" + v.owner().entity()).session(v.session()).send().body();
        out.append(keys.replaceAll("\"lastUsedAt\":\"[^\"]*\"", "")); // the owner's own reads move lastUsedAt
        return out.toString();
    }

    private record Request(String method, String path, Map<String, String> headers, String body, String contentType,
                           Supplier<Call> factory) {
        Call call() {
            return factory.get();
        }

        String describe() {
            String shown = body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
            return method + " " + path + " " + headers + " [" + contentType + "] " + shown;
        }
    }

    private Request request(Random random, Victim victim, Owner attacker, Session viewer, Session agent, String readOnlyKey,
                            String attackerTicket) {
        String route = ROUTES[random.nextInt(ROUTES.length)];
        String method = route.substring(0, route.indexOf(' '));
        String path = route.substring(route.indexOf(' ') + 1)
                .replace("{ticket}", pick(random, victim.ticketIds().get(0), attackerTicket, UUID.randomUUID().toString(), "not-a-uuid", "1"))
                .replace("{category}", pick(random, victim.categoryId(), UUID.randomUUID().toString(), "x"))
                .replace("{key}", pick(random, UUID.randomUUID().toString(), "zzz"))
                .replace("{user}", pick(random, victim.session().userId().toString(), UUID.randomUUID().toString(), "-1"));
        path = encode(random, path);
        List<String> query = new ArrayList<>();
        if (random.nextInt(3) > 0) {
            query.add("entityId=" + pick(random, attacker.entity(), attacker.entity(), victim.owner().entity(),
                    UUID.randomUUID().toString(), "nope", attacker.entity() + "&entityId=" + victim.owner().entity()));
        }
        if (random.nextInt(3) == 0) {
            query.add(pick(random, "limit=" + pick(random, "0", "1", "200", "201", "500", "501", "-5", "x", "999999999999"),
                    "status=" + pick(random, "open", "open,closed", "bogus", ""), "priority=urgent,low", "q=" + pick(random, "HD-1", "%25", "_", "%5C", "%00", "S3CR3T"),
                    "search=" + pick(random, "a", "%C3%A9", "%FF"), "sort=" + pick(random, "createdAt", "-updatedAt", "name"),
                    "cursor=" + pick(random, "abc", "eyJ4IjoxfQ", ""), "updatedSince=" + pick(random, "2020-01-01", "yesterday", "2020-01-01T00:00:00Z", "9999-99-99"),
                    "assignedTo=" + pick(random, victim.session().userId().toString(), "x"), "categoryId=" + victim.categoryId(),
                    "channel=" + pick(random, "email", "fax")));
        }
        String fullPath = query.isEmpty() ? path : path + "?" + String.join("&", query);
        String body = body(random, victim, attacker);
        String contentType = body == null ? null : CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
        Map<String, String> headers = new TreeMap<>();
        String picked = pick(random, "none", "key", "key", "read-only key", "session", "session", "session without csrf",
                "viewer", "agent", "bogus key", "malformed authorization", "key and victim session");
        // the attacker's own sessions must live on for the rest of the run
        String caller = route.equals("POST /api/auth/logout") && List.of("session", "viewer", "agent").contains(picked)
                ? "none" : picked;
        if (random.nextInt(5) == 0) {
            headers.put("x-entity-id", pick(random, attacker.entity(), victim.owner().entity(), "bad"));
        }
        if (random.nextInt(6) == 0) {
            headers.put("Idempotency-Key", pick(random, "k-" + random.nextInt(5), "", "x".repeat(300)));
        }
        String accept = ACCEPTS[random.nextInt(ACCEPTS.length)];
        if (accept != null) {
            headers.put("Accept", accept);
        }
        if (random.nextInt(10) == 0) {
            headers.put("X-Forwarded-For", pick(random, "203.0.113.7", "garbage", "::1, 10.0.0.1"));
        }
        String finalBody = body;
        String finalContentType = contentType;
        Supplier<Call> factory = () -> {
            Call call = api.method(method, fullPath);
            headers.forEach(call::header);
            switch (caller) {
                case "key" -> call.bearer(attacker.apiKey());
                case "read-only key" -> call.bearer(readOnlyKey);
                case "session" -> call.session(attacker.session());
                case "session without csrf" -> call.session(attacker.session().withoutCsrf());
                case "viewer" -> call.session(viewer);
                case "agent" -> call.session(agent);
                case "bogus key" -> call.bearer("ak_" + "0".repeat(40));
                case "malformed authorization" -> call.header("Authorization", "Basic Zm9vOmJhcg==");
                case "key and victim session" -> call.session(victim.session()).bearer(attacker.apiKey());
                default -> { }
            }
            if (finalBody != null) {
                call.raw(finalBody, finalContentType);
            }
            return call;
        };
        headers.put("caller", caller);
        return new Request(method, fullPath, headers, body, contentType, factory);
    }

    /** The path as sent: mostly plain, sometimes percent-encoded letters, path parameters or a trailing slash. */
    private static String encode(Random random, String path) {
        return switch (random.nextInt(10)) {
            case 0 -> path.replaceFirst("a", "%61");
            case 1 -> path.replaceFirst("t", "%74");
            case 2 -> path + "/";
            case 3 -> path.replaceFirst("/api", "/api;v=1");
            case 4 -> path.replaceFirst("/helpdesk", "/./helpdesk");
            default -> path;
        };
    }

    private static String body(Random random, Victim victim, Owner attacker) {
        return switch (random.nextInt(12)) {
            case 0 -> null;
            case 1 -> pick(random, "", "{", "[]", "null", "123", "\"text\"", "{}x", "{\"a\":1}{\"b\":2}", "[[[[[[[[[[]]]]]]]]]]");
            case 2 -> "[".repeat(2000) + "]".repeat(2000);
            case 3 -> "{\"subject\":\"" + "x".repeat(random.nextInt(300_000)) + "\"}";
            case 4 -> "a=%zz&b=%";
            default -> HttpApi.JSON.writeValueAsString(fields(random, victim, attacker));
        };
    }

    /** A JSON object mixing the fields of every route, with valid and wrong values. */
    private static Map<String, Object> fields(Random random, Victim victim, Owner attacker) {
        Map<String, Object> m = new TreeMap<>();
        Object[][] candidates = {
                {"subject", "Help", "", " ", 42, true, "a\u0000b", "x".repeat(300), List.of("x")},
                {"description", "text", "", "\u0000", 1.5},
                {"status", "open", "closed", "resolved", "pending", "new", "bogus", 3},
                {"priority", "urgent", "low", "HIGH", false},
                {"channel", "email", "fax"},
                {"contactEmail", "pat@example.com", "not-an-email", "", 7},
                {"contactName", "Pat", "\u0000"},
                {"categoryId", victim.categoryId(), UUID.randomUUID().toString(), "x", 9},
                {"assignedTo", victim.session().userId().toString(), attacker.session().userId().toString(), "x"},
                {"entityId", attacker.entity(), victim.owner().entity(), "bad", 5},
                {"body", "reply", "", "\u0000", 12},
                {"isInternal", true, false, "yes"},
                {"authorType", "agent", "contact", "system", "robot"},
                {"authorName", "Robo", 1},
                {"name", "Name", "", "n\u0000"},
                {"email", victim.session().email(), HttpApi.uniqueEmail("fuzz"), "bad", 0},
                {"password", "wrong password", HttpApi.PASSWORD, "short", "x".repeat(100)},
                {"entityName", "Fuzz Inc", ""},
                {"role", "owner", "admin", "agent", "viewer", "god"},
                {"scopes", List.of("read:helpdesk"), List.of("write:helpdesk", "read:helpdesk"), List.of(), List.of("root"), "read:helpdesk"},
                {"expiresAt", "2020-01-01T00:00:00Z", "2999-01-01T00:00:00Z", "never"},
                {"id", UUID.randomUUID().toString()}, {"ticketNumber", "HD-999"}, {"createdAt", "2020-01-01T00:00:00Z"}};
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            Object[] field = candidates[random.nextInt(candidates.length)];
            m.put((String) field[0], random.nextInt(12) == 0 ? null : field[1 + random.nextInt(field.length - 1)]);
        }
        return m;
    }

    private static void check(long seed, int i, Request request, Response r, Victim victim) {
        String where = "seed " + seed + " request " + i + ": " + request.describe() + " -> " + r.status() + " " + r.body();
        assertThat(r.status()).as(where).isLessThan(500);
        assertThat(r.body()).as(where).doesNotContain(victim.secret()).doesNotContain(victim.owner().apiKey());
        if (r.status() >= 400 && !isApi(request.path()) && r.header("Content-Type").startsWith("text/html")) {
            // off /api an error is an HTML page in the layout (the agents' UI): never a trace or internals
            assertThat(r.body()).as(where).doesNotContain("Exception", "\tat ", "org.springframework", "SQL");
        } else if (r.status() >= 400) {
            assertThat(r.header("Content-Type")).as(where).startsWith("application/json");
            JsonNode error = r.json();
            assertThat(error.isObject() && error.size() == 1 && error.has("error") && error.get("error").isString()
                    && !error.get("error").stringValue().isBlank()).as(where).isTrue();
            assertThat(r.body()).as(where).doesNotContain("Exception", "\tat ", "org.springframework", "<html", "SQL");
        }
    }

    /** Whether the server routes this raw path to the API (path parameters dropped, percent-encoding decoded). */
    private static boolean isApi(String rawPath) {
        String path = rawPath.split("\\?", 2)[0].replaceAll(";[^/]*", "");
        try {
            path = java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return true; // undecodable: the container answers, in the API's shape
        }
        return path.equals("/api") || path.startsWith("/api/") || path.equals("/error");
    }

    @SafeVarargs
    private static <T> T pick(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }
}
