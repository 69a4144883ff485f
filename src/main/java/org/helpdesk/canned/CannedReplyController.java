package org.helpdesk.canned;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.ticket.Actor;
import org.helpdesk.ticket.Channel;
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
 * Canned replies (API §10): any member reads the shared ones and their own; writing a personal reply needs the
 * write permission (agents and up, keys with write:helpdesk), a shared one the admin permission.
 */
@RestController
class CannedReplyController {
    private static final String BASE = "/api/helpdesk/canned-replies";
    private final CannedReplyManagement replies;

    CannedReplyController(CannedReplyManagement replies) {
        this.replies = replies;
    }

    @GetMapping(BASE)
    List<CannedReply> list(Tenant tenant) {
        return replies.list(reader(tenant.requireRead()));
    }

    @GetMapping(BASE + "/{id}")
    CannedReply get(Tenant tenant, @PathVariable String id) {
        return replies.get(reader(tenant.requireRead()), Ids.parse(id, "id"));
    }

    @PostMapping(BASE)
    ResponseEntity<CannedReply> create(Tenant tenant, @RequestBody JsonNode body) {
        Writer who = writer(tenant);
        JsonInput in = JsonInput.of(body);
        Boolean shared = in.bool("shared");
        CannedReply reply = replies.create(who, new CannedReplyDraft(in.requiredString("title"),
                in.requiredString("body"), shared != null && shared));
        return ResponseEntity.created(URI.create(BASE + "/" + reply.id())).body(reply);
    }

    @PatchMapping(BASE + "/{id}")
    CannedReply update(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        Writer who = writer(tenant);
        UUID replyId = Ids.parse(id, "id");
        JsonInput in = JsonInput.of(body);
        for (String field : List.of("title", "body", "shared")) {
            if (in.isNull(field)) {
                throw new InvalidInput(field + " cannot be null");
            }
        }
        return replies.update(who, replyId, in.has("title") ? in.requiredString("title") : null,
                in.has("body") ? in.requiredString("body") : null, in.bool("shared"));
    }

    @DeleteMapping(BASE + "/{id}")
    ResponseEntity<Void> delete(Tenant tenant, @PathVariable String id) {
        Writer who = writer(tenant);
        replies.delete(who, Ids.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }

    /** A canned reply filled in for a ticket, for the composer: nothing is sent or stored. */
    @PostMapping("/api/helpdesk/tickets/{id}/render")
    Map<String, String> render(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        tenant.requireWrite();
        UUID ticketId = Ids.parse(id, "id");
        JsonInput in = JsonInput.of(body);
        UUID cannedReplyId = in.uuid("cannedReplyId");
        if (cannedReplyId == null) {
            throw new InvalidInput("cannedReplyId is required");
        }
        Actor agent = Actor.agent(tenant.entityId(), tenant.userId(), tenant.userName(),
                tenant.viaApiKey() ? Channel.API : Channel.WEB);
        return Map.of("body", replies.render(agent, ticketId, cannedReplyId));
    }

    private static Writer reader(Tenant tenant) {
        return new Writer(tenant.entityId(), tenant.userId(), false);
    }

    /** Writing needs the write permission; sharing also the admin one (checked by the use case). */
    static Writer writer(Tenant tenant) {
        tenant.requireWrite();
        boolean mayShare;
        try {
            tenant.requireAdmin();
            mayShare = true;
        } catch (org.helpdesk.common.Forbidden e) {
            mayShare = false;
        }
        return new Writer(tenant.entityId(), tenant.userId(), mayShare);
    }
}
