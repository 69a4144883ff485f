package org.helpdesk.attachment;

import java.io.ByteArrayOutputStream;
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

import org.helpdesk.support.HttpApi;
import tools.jackson.databind.JsonNode;

/** Multipart uploads and binary downloads over real HTTP (the JSON client speaks text only). */
final class FileApi {
    static final String UPLOADS = "/api/helpdesk/uploads";
    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    FileApi(String base) {
        this.base = base;
    }

    record Download(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            return HttpApi.JSON.readTree(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** A multipart/form-data body with one part {@code partName}. */
    static byte[] multipart(String boundary, String partName, String filename, String partType, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + partName + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"") + "\r\n"
                + (partType == null ? "" : "Content-Type: " + partType + "\r\n") + "\r\n";
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    Download upload(String key, String filename, byte[] content) {
        return upload(Map.of("Authorization", "Bearer " + key), filename, "application/octet-stream", content);
    }

    Download upload(Map<String, String> headers, String filename, String partType, byte[] content) {
        String boundary = "----helpdesk" + UUID.randomUUID();
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putIfAbsent("Content-Type", "multipart/form-data; boundary=" + boundary);
        return send("POST", UPLOADS, all, multipart(boundary, "file", filename, partType, content));
    }

    /** Uploads and returns the attachment's id (asserting a 201). */
    String uploadId(String key, String filename, byte[] content) {
        Download r = upload(key, filename, content);
        if (r.status() != 201) {
            throw new IllegalStateException("upload failed: " + r.status() + " " + new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.json().get("id").stringValue();
    }

    Download get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null);
    }

    Download send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> bearer(String key) {
        return Map.of("Authorization", "Bearer " + key);
    }

    /** The headers of a signed-in browser for an unsafe request (session cookie and CSRF token). */
    static Map<String, String> session(HttpApi.Session s) {
        return Map.of("Cookie", "SESSION=" + s.sessionCookie() + "; XSRF-TOKEN=" + s.csrf(), "X-XSRF-TOKEN", s.csrf());
    }

    /** The smallest valid PNG (1x1). */
    static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] HTML = "<!DOCTYPE html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>"
            .getBytes(StandardCharsets.UTF_8);
    static final byte[] SVG = ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")
            .getBytes(StandardCharsets.UTF_8);
}
