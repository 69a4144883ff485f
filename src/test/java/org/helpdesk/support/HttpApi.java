package org.helpdesk.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests: real requests, JSON helpers, and helpers that set up a signed-up user,
 * an entity and an API key through the public API.
 */
public final class HttpApi {
    public static final JsonMapper JSON = JsonMapper.builder().build();
    /** A test-only /api/helpdesk route that echoes the resolved caller (see TenantProbe). */
    public static final String PROBE = "/api/helpdesk/test-probe";
    public static final String PASSWORD = "correct horse";

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HttpApi(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    /** A response with its body parsed as JSON when it is JSON. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().isEmpty() ? null : e.getValue().get(0);
                }
            }
            return null;
        }

        public List<String> headers(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return List.of();
        }

        /** The {@code error} message of an error body. */
        public String error() {
            return json().get("error").stringValue();
        }
    }

    /** A request under construction: method, path, headers, body. */
    public final class Call {
        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String body;
        private boolean chunked;

        Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call bearer(String key) {
            return header("Authorization", "Bearer " + key);
        }

        public Call session(Session session) {
            header("Cookie", session.cookieHeader());
            if (session.csrf() != null) {
                header("X-XSRF-TOKEN", session.csrf());
            }
            return this;
        }

        /** A JSON body from a Java value (Map, List, String...). */
        public Call json(Object value) {
            return raw(JSON.writeValueAsString(value), "application/json");
        }

        public Call raw(String body, String contentType) {
            this.body = body;
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return this;
        }

        public Call withoutHeader(String name) {
            headers.keySet().removeIf(h -> h.equalsIgnoreCase(name));
            return this;
        }

        /** Sends the body without Content-Length (chunked transfer encoding). */
        public Call chunked() {
            this.chunked = true;
            return this;
        }

        public Response send() {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            headers.forEach(builder::header);
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
            if (chunked) {
                publisher = HttpRequest.BodyPublishers.fromPublisher(publisher);
            }
            builder.method(method, publisher);
            try {
                HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response.headers().map(), response.body());
            } catch (IOException e) {
                throw new IllegalStateException(method + " " + path + " failed", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call patch(String path) {
        return new Call("PATCH", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public Call method(String method, String path) {
        return new Call(method, path);
    }

    /** A browser-like session: the SESSION and XSRF-TOKEN cookies from signup or login. */
    public record Session(String sessionCookie, String csrf, UUID userId, String email) {
        String cookieHeader() {
            return "SESSION=" + sessionCookie + (csrf == null ? "" : "; XSRF-TOKEN=" + csrf);
        }

        public Session withoutCsrf() {
            return new Session(sessionCookie, null, userId, email);
        }
    }

    /** A user signed up with a fresh entity they own, plus an API key with both scopes. */
    public record Owner(Session session, UUID entityId, String apiKey) {
        public String entity() {
            return entityId.toString();
        }
    }

    public static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }

    public Session signup(String email, String password, String name, String entityName) {
        Response r = post("/api/auth/signup").json(Map.of("email", email, "password", password, "name", name,
                "entityName", entityName)).send();
        if (r.status() != 201) {
            throw new IllegalStateException("signup failed: " + r.status() + " " + r.body());
        }
        return sessionFrom(r, UUID.fromString(r.json().get("user").get("id").stringValue()), email);
    }

    public Session login(String email, String password) {
        Response r = post("/api/auth/login").json(Map.of("email", email, "password", password)).send();
        if (r.status() != 200) {
            throw new IllegalStateException("login failed: " + r.status() + " " + r.body());
        }
        return sessionFrom(r, UUID.fromString(r.json().get("user").get("id").stringValue()), email);
    }

    /** Signs up a new owner of a new entity and creates an API key with read and write scopes. */
    public Owner newOwner() {
        String email = uniqueEmail("owner");
        Session session = signup(email, PASSWORD, "Olive Owner", "Acme " + UUID.randomUUID());
        UUID entityId = UUID.fromString(get("/api/me").session(session).send().json()
                .get("memberships").get(0).get("entity").get("id").stringValue());
        String key = createKey(session, entityId, List.of("read:helpdesk", "write:helpdesk"));
        return new Owner(session, entityId, key);
    }

    /**
     * Signs up a new owner whose requests come through a trusted proxy for {@code clientAddress} (X-Forwarded-For):
     * on an install with tight per-address limits each test then has a budget of its own. No API key.
     */
    public Owner newOwnerFrom(String clientAddress) {
        String email = uniqueEmail("owner");
        Response r = post("/api/auth/signup").header("X-Forwarded-For", clientAddress).json(Map.of("email", email,
                "password", PASSWORD, "name", "Olive Owner", "entityName", "Acme " + UUID.randomUUID())).send();
        if (r.status() != 201) {
            throw new IllegalStateException("signup failed: " + r.status() + " " + r.body());
        }
        Session session = sessionFrom(r, UUID.fromString(r.json().get("user").get("id").stringValue()), email);
        return new Owner(session, UUID.fromString(r.json().get("entity").get("id").stringValue()), null);
    }

    /** Signs up a new user (who also gets an entity of their own). */
    public Session newUser(String name) {
        return signup(uniqueEmail(name.toLowerCase(java.util.Locale.ROOT)), PASSWORD, name, name + "'s own " + UUID.randomUUID());
    }

    /** Signs up a new user and adds them to the owner's entity with this role. */
    public Session newMember(Owner owner, String role) {
        Session member = newUser(role.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + role.substring(1));
        Response r = post("/api/settings/members?entityId=" + owner.entity()).session(owner.session())
                .json(Map.of("email", member.email(), "role", role)).send();
        if (r.status() != 201) {
            throw new IllegalStateException("adding member failed: " + r.status() + " " + r.body());
        }
        return member;
    }

    public String createKey(Session session, UUID entityId, List<String> scopes) {
        Response r = post("/api/settings/api-keys?entityId=" + entityId).session(session)
                .json(Map.of("name", "test key", "scopes", scopes)).send();
        if (r.status() != 201) {
            throw new IllegalStateException("key creation failed: " + r.status() + " " + r.body());
        }
        return r.json().get("key").stringValue();
    }

    private static Session sessionFrom(Response r, UUID userId, String email) {
        String session = null;
        String csrf = null;
        for (String cookie : r.headers("Set-Cookie")) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            if (name.equals("SESSION")) {
                session = value;
            } else if (name.equals("XSRF-TOKEN")) {
                csrf = value;
            }
        }
        if (session == null || csrf == null) {
            throw new IllegalStateException("expected SESSION and XSRF-TOKEN cookies, got " + r.headers("Set-Cookie"));
        }
        return new Session(session, csrf, userId, email);
    }
}
