package org.helpdesk.apikey;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.helpdesk.auth.Scope;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Ids;
import org.helpdesk.common.JsonInput;
import org.helpdesk.common.Times;
import org.helpdesk.entity.MemberActor;
import org.helpdesk.entity.SettingsCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Creating, listing and revoking API keys (admins and owners, signed in). */
@RestController
class ApiKeyController {
    private final ApiKeyManagement keys;

    ApiKeyController(ApiKeyManagement keys) {
        this.keys = keys;
    }

    @GetMapping("/api/settings/api-keys")
    List<ApiKeyManagement.KeyView> list(Tenant tenant) {
        return keys.list(tenant.requireAdmin().entityId());
    }

    @PostMapping("/api/settings/api-keys")
    ResponseEntity<ApiKeyManagement.CreatedKey> create(Tenant tenant, @RequestBody JsonNode body) {
        MemberActor actor = SettingsCaller.admin(tenant);
        JsonInput in = JsonInput.of(body);
        String name = in.requiredString("name");
        List<String> requested = in.stringList("scopes");
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        if (requested != null) {
            requested.forEach(s -> scopes.add(Scope.parse(s)));
        }
        ApiKeyManagement.CreatedKey created = keys.create(actor,
                new NewApiKey(name, scopes, Times.parse(in.string("expiresAt"), "expiresAt", false)));
        return ResponseEntity.created(URI.create("/api/settings/api-keys/" + created.id())).body(created);
    }

    @DeleteMapping("/api/settings/api-keys/{id}")
    ResponseEntity<Void> revoke(Tenant tenant, @PathVariable String id) {
        keys.revoke(SettingsCaller.admin(tenant), Ids.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }
}
