package org.helpdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.ChildApp;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** HELPDESK_LOG_FORMAT=ecs: every line is one JSON object; the access line carries the request id and its fields. */
class StructuredLogsIT {

    @TempDir
    Path dir;

    @Test
    void withEcsEveryLineIsJsonAndTheAccessLineHasTheRequestIdAndFields() throws Exception {
        try (ChildApp app = ChildApp.start(dir.resolve("app.log"), 18033, Map.of("HELPDESK_LOG_FORMAT", "ecs"))) {
            String id = "ecs-" + UUID.randomUUID();
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(app.base() + "/api/helpdesk/tickets")).header("X-Request-Id", id).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(401);
            Thread.sleep(500);

            List<String> lines = app.output().lines().filter(l -> l.startsWith("{")).toList();
            assertThat(lines).hasSizeGreaterThan(5);
            List<JsonNode> json = lines.stream().map(HttpApi.JSON::readTree).toList();
            assertThat(json).allSatisfy(line -> assertThat(line.has("@timestamp")).isTrue());
            JsonNode access = json.stream()
                    .filter(line -> "org.helpdesk.access".equals(line.path("log").path("logger").asString(null))
                            || "org.helpdesk.access".equals(line.path("log.logger").asString(null)))
                    .filter(line -> line.toString().contains(id))
                    .findFirst().orElseThrow(() -> new AssertionError("no access line with " + id + " in\n" + lines));
            assertThat(access.toString()).contains("\"requestId\":\"" + id + "\"")
                    .contains("\"route\":\"/api/helpdesk/tickets\"").containsPattern("\"status\":\"?401");
        }
    }
}
