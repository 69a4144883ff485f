package org.helpdesk.macro;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.ticket.Actor;
import org.helpdesk.ticket.TenantActor;
import org.helpdesk.ticket.Ticket;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Macros (API §10): every member reads them, admins and owners (or a write key) write them, and anyone who may
 * change tickets applies them.
 */
@RestController
class MacroController {
    private static final String BASE = "/api/helpdesk/macros";
    private final MacroManagement macros;

    MacroController(MacroManagement macros) {
        this.macros = macros;
    }

    @GetMapping(BASE)
    List<Macro> list(Tenant tenant) {
        return macros.list(tenant.requireRead().entityId());
    }

    @GetMapping(BASE + "/{id}")
    Macro get(Tenant tenant, @PathVariable String id) {
        return macros.get(tenant.requireRead().entityId(), Ids.parse(id, "id"));
    }

    @PostMapping(BASE)
    ResponseEntity<Macro> create(Tenant tenant, @RequestBody JsonNode body) {
        tenant.requireAdmin();
        JsonInput in = JsonInput.of(body);
        String title = in.requiredString("title");
        Macro macro = macros.create(tenant.entityId(), title, MacroActions.parse(body.get("actions")));
        return ResponseEntity.created(URI.create(BASE + "/" + macro.id())).body(macro);
    }

    @PatchMapping(BASE + "/{id}")
    Macro update(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        tenant.requireAdmin();
        UUID macroId = Ids.parse(id, "id");
        JsonInput in = JsonInput.of(body);
        if (in.isNull("title") || in.isNull("actions")) {
            throw new InvalidInput("title and actions cannot be null");
        }
        return macros.update(tenant.entityId(), macroId, in.has("title") ? in.requiredString("title") : null,
                in.has("actions") ? MacroActions.parse(body.get("actions")) : null);
    }

    @DeleteMapping(BASE + "/{id}")
    ResponseEntity<Void> delete(Tenant tenant, @PathVariable String id) {
        tenant.requireAdmin();
        macros.delete(tenant.entityId(), Ids.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/helpdesk/tickets/{id}/macros/{macroId}")
    Ticket apply(Tenant tenant, @PathVariable String id, @PathVariable String macroId) {
        Actor actor = TenantActor.of(tenant.requireWrite());
        return macros.apply(actor, Ids.parse(id, "id"), Ids.parse(macroId, "macroId"));
    }

    /** One ticket's line in the bulk answer: {@code status} 200 or the 4xx the single apply would answer. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"ticketId", "status", "error"})
    record Applied(UUID ticketId, int status, String error) {
    }

    @PostMapping(BASE + "/{macroId}/apply")
    List<Applied> applyToAll(Tenant tenant, @PathVariable String macroId,
                                             @RequestBody JsonNode body) {
        Actor actor = TenantActor.of(tenant.requireWrite());
        UUID macro = Ids.parse(macroId, "macroId");
        List<String> raw = JsonInput.of(body).stringList("ticketIds");
        if (raw == null) {
            throw new InvalidInput("ticketIds must be an array of 1 to " + MacroManagement.MAX_BULK + " ticket ids");
        }
        List<UUID> ticketIds = new ArrayList<>();
        for (String value : raw) {
            ticketIds.add(Ids.parse(value, "ticketIds"));
        }
        return macros.applyToAll(actor, ticketIds, macro).stream()
                .map(o -> o.failure() == null ? new Applied(o.ticketId(), 200, null)
                        : new Applied(o.ticketId(), org.helpdesk.common.ErrorResponses.status(o.failure()).value(),
                        o.failure().getMessage()))
                .toList();
    }
}
