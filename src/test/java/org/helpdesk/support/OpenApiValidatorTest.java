package org.helpdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** The validator catches what it is there to catch (no app needed). */
class OpenApiValidatorTest {
    private static final String TICKET = """
            {"id":"01a2135a-79a2-7d27-b6c2-3d8000035c78","entityId":"01a2135a-7898-769b-8aae-ba821eb7f9a8",
             "ticketNumber":"HD-7","subject":"Printer","description":null,"status":"new","priority":"normal",
             "channel":"api","contactEmail":null,"contactName":null,"contactId":null,"categoryId":null,
             "createdBy":"01a2135a-7898-769b-8aae-ba821eb7f9a9","assignedTo":null,
             "createdAt":"2026-11-25T15:37:06.210Z","updatedAt":"2026-11-25T15:37:06.210Z",
             "firstResponseAt":null,"resolvedAt":null,"closedAt":null,"tags":[],"mergedInto":null,"sla":null}""";
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    private final OpenApiValidator contract = OpenApiValidator.get();

    @Test
    void theDocumentHasNoProblems() {
        assertThat(contract.documentProblems()).isEmpty();
    }

    @Test
    void aBrokenDocumentHasProblems() {
        OpenApiValidator broken = OpenApiValidator.of("""
                openapi: 3.0.3
                info: { title: t }
                paths:
                  /things/{id}:
                    get:
                      parameters:
                        - { name: id, in: path, schema: { type: string } }
                      security: [ { nobody: [] } ]
                      responses:
                        '200':
                          content:
                            application/json:
                              schema: { type: nullable, required: name }
                        '404': { $ref: '#/components/responses/Missing' }
                components: { securitySchemes: {} }
                """);
        assertThat(broken.documentProblems()).anySatisfy(p -> assertThat(p).contains("3.1.0"))
                .anySatisfy(p -> assertThat(p).contains("info"))
                .anySatisfy(p -> assertThat(p).contains("must be required"))
                .anySatisfy(p -> assertThat(p).contains("operationId"))
                .anySatisfy(p -> assertThat(p).contains("nobody"))
                .anySatisfy(p -> assertThat(p).contains("description"))
                .anySatisfy(p -> assertThat(p).contains("/schema"))
                .anySatisfy(p -> assertThat(p).contains("#/components/responses/Missing"));
    }

    @Test
    void aValidTicketPasses() {
        assertThat(contract.validateAgainst("Ticket", HttpApi.JSON.readTree(TICKET))).isEmpty();
        var created = new HttpApi.Response(201, Map.of("Content-Type", List.of("application/json"),
                "Location", List.of("/api/helpdesk/tickets/01a2135a-79a2-7d27-b6c2-3d8000035c78")), TICKET);
        assertThat(contract.problems("POST", "/api/helpdesk/tickets?entityId=x", created)).isEmpty();
    }

    @Test
    void wrongTicketsFail() {
        assertThat(problems(t -> t.put("extra", 1))).anyMatch(p -> p.contains("extra"));
        assertThat(problems(t -> t.remove("closedAt"))).anyMatch(p -> p.contains("closedAt"));
        assertThat(problems(t -> t.put("status", "done"))).isNotEmpty();
        assertThat(problems(t -> t.put("subject", (String) null))).isNotEmpty();
        assertThat(problems(t -> t.put("createdAt", "2026-11-25T15:37:06Z"))).isNotEmpty();
        assertThat(problems(t -> t.put("updatedAt", "yesterday"))).isNotEmpty();
        assertThat(problems(t -> t.put("categoryId", "not-a-uuid"))).isNotEmpty();
        assertThat(problems(t -> t.put("contactEmail", "no email"))).isNotEmpty();
        assertThat(problems(t -> t.put("ticketNumber", "7"))).isNotEmpty();
    }

    @Test
    void undocumentedPathsMethodsStatusesAndShapesFail() {
        var error = new HttpApi.Response(418, JSON, "{\"error\":\"teapot\"}");
        assertThat(contract.problems("GET", "/api/helpdesk/tickets", error)).anyMatch(p -> p.contains("418"));
        assertThat(contract.problems("GET", "/api/nowhere", error)).anyMatch(p -> p.contains("not documented"));
        assertThat(contract.problems("PUT", "/api/helpdesk/tickets/1", error)).anyMatch(p -> p.contains("PUT"));

        var notAnError = new HttpApi.Response(404, JSON, "{\"message\":\"gone\"}");
        assertThat(contract.problems("GET", "/api/helpdesk/tickets/1", notAnError)).isNotEmpty();

        var noContentWithBody = new HttpApi.Response(204, JSON, "{}");
        assertThat(contract.problems("DELETE", "/api/helpdesk/categories/1", noContentWithBody)).isNotEmpty();

        var createdWithoutLocation = new HttpApi.Response(201, JSON, TICKET);
        assertThat(contract.problems("POST", "/api/helpdesk/tickets", createdWithoutLocation))
                .anyMatch(p -> p.contains("Location"));

        var html = new HttpApi.Response(400, Map.of("Content-Type", List.of("text/html")), "<p>bad</p>");
        assertThat(contract.problems("GET", "/api/helpdesk/tickets", html)).anyMatch(p -> p.contains("text/html"));

        var tooMany = new HttpApi.Response(429, Map.of("Content-Type", List.of("application/json"),
                "Retry-After", List.of("soon")), "{\"error\":\"slow down\"}");
        assertThat(contract.problems("GET", "/api/helpdesk/tickets", tooMany)).anyMatch(p -> p.contains("Retry-After"));

        assertThatThrownBy(() -> contract.assertValid("GET", "/api/helpdesk/tickets", error))
                .isInstanceOf(AssertionError.class).hasMessageContaining("418");
    }

    @Test
    void pathTemplatesMatchConcretePaths() {
        assertThat(contract.template("/api/helpdesk/tickets/abc/messages?x=1")).contains("/api/helpdesk/tickets/{id}/messages");
        assertThat(contract.template("/api/helpdesk/tickets/abc")).contains("/api/helpdesk/tickets/{id}");
        assertThat(contract.template("/api/helpdesk/tickets")).contains("/api/helpdesk/tickets");
        assertThat(contract.template("/api/helpdesk/tickets/a/b")).isEmpty();
    }

    private List<String> problems(java.util.function.Consumer<ObjectNode> change) {
        ObjectNode ticket = (ObjectNode) HttpApi.JSON.readTree(TICKET);
        change.accept(ticket);
        return contract.validateAgainst("Ticket", ticket);
    }
}
