package org.helpdesk.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** POST /api/helpdesk/tickets/{id}/merge (API §10). HTTP only: the rules live in {@link TicketManagement#merge}. */
@RestController
class TicketMergeController {
    private final TicketManagement tickets;

    TicketMergeController(TicketManagement tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/api/helpdesk/tickets/{id}/merge")
    Ticket merge(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        Actor actor = TenantActor.of(tenant.requireWrite());
        UUID targetId = Ids.parse(id, "id");
        List<String> raw = JsonInput.of(body).stringList("sourceIds");
        if (raw == null) {
            throw new InvalidInput("sourceIds must be an array of 1 to " + MergeTickets.MAX_SOURCES + " ticket ids");
        }
        List<UUID> sourceIds = new ArrayList<>();
        for (String value : raw) {
            sourceIds.add(Ids.parse(value, "sourceIds"));
        }
        return tickets.merge(actor, targetId, new MergeTickets(sourceIds));
    }
}
