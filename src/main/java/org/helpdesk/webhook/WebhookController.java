package org.helpdesk.webhook;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.common.PageResponses;
import org.helpdesk.common.Paging;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Webhook settings (API §12): admins and owners, signed in (a key is refused before it gets here). */
@RestController
@RequestMapping("/api/settings/webhooks")
class WebhookController {
    private final WebhookManagement webhooks;

    WebhookController(WebhookManagement webhooks) {
        this.webhooks = webhooks;
    }

    @GetMapping
    List<Webhook> list(Tenant tenant) {
        return webhooks.list(caller(tenant));
    }

    @PostMapping
    ResponseEntity<WebhookManagement.WithSecret> create(Tenant tenant, @RequestBody JsonNode body) {
        Caller caller = caller(tenant);
        JsonInput in = JsonInput.of(body);
        Boolean enabled = in.bool("enabled");
        WebhookManagement.WithSecret created = webhooks.create(caller, new NewWebhook(in.requiredString("url"),
                in.stringList("events"), enabled == null || enabled, in.string("description")));
        return ResponseEntity.created(URI.create("/api/settings/webhooks/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    Webhook get(Tenant tenant, @PathVariable String id) {
        return webhooks.get(caller(tenant), Ids.parse(id, "id"));
    }

    @PatchMapping("/{id}")
    Webhook change(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        Caller caller = caller(tenant);
        UUID webhookId = Ids.parse(id, "id");
        JsonInput in = JsonInput.of(body);
        for (String field : List.of("url", "events", "enabled")) {
            if (in.isNull(field)) {
                throw new InvalidInput(field + " cannot be null");
            }
        }
        return webhooks.change(caller, webhookId, new WebhookChange(in.string("url"), in.stringList("events"),
                in.bool("enabled"), in.string("description"), in.isNull("description")));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Tenant tenant, @PathVariable String id) {
        webhooks.delete(caller(tenant), Ids.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/rotate-secret")
    WebhookManagement.WithSecret rotateSecret(Tenant tenant, @PathVariable String id) {
        return webhooks.rotateSecret(caller(tenant), Ids.parse(id, "id"));
    }

    @PostMapping("/{id}/test")
    WebhookManagement.TestResult test(Tenant tenant, @PathVariable String id) {
        return webhooks.test(caller(tenant), Ids.parse(id, "id"));
    }

    @GetMapping("/{id}/deliveries")
    ResponseEntity<List<WebhookDelivery>> deliveries(Tenant tenant, @PathVariable String id,
                                                     @RequestParam MultiValueMap<String, String> params) {
        Caller caller = caller(tenant);
        UUID webhookId = Ids.parse(id, "id");
        String cursor = params.getFirst("cursor");
        WebhookManagement.DeliveryPage page = webhooks.deliveries(caller, webhookId, limit(params.getFirst("limit")),
                Paging.cursor(cursor));
        return PageResponses.withNext(page.deliveries(), page.nextCursor());
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    ResponseEntity<WebhookDelivery> redeliver(Tenant tenant, @PathVariable String id,
                                              @PathVariable String deliveryId) {
        Caller caller = caller(tenant);
        return ResponseEntity.accepted().body(webhooks.redeliver(caller, Ids.parse(id, "id"),
                Ids.parse(deliveryId, "deliveryId")));
    }

    private static Caller caller(Tenant tenant) {
        tenant.requireAdmin();
        return new Caller(tenant.entityId(), tenant.userId());
    }

    private static int limit(String value) {
        return Paging.limit(value, WebhookManagement.DEFAULT_LIMIT, WebhookManagement.MAX_LIMIT);
    }
}
