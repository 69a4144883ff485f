package org.helpdesk.entity;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.helpdesk.auth.Role;
import org.helpdesk.auth.SessionLogin;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Ids;
import org.helpdesk.common.JsonInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Creating entities and managing their members (admins and owners, signed in). */
@RestController
class EntityController {
    private final Memberships memberships;

    EntityController(Memberships memberships) {
        this.memberships = memberships;
    }

    @PostMapping("/api/entities")
    ResponseEntity<Entity> create(@RequestBody JsonNode body) {
        Entity entity = memberships.createEntity(SessionLogin.current().id(), JsonInput.of(body).requiredString("name"));
        return ResponseEntity.created(URI.create("/api/entities/" + entity.id())).body(entity);
    }

    @GetMapping("/api/settings/members")
    List<Member> members(Tenant tenant) {
        return memberships.list(tenant.requireAdmin().entityId());
    }

    @PostMapping("/api/settings/members")
    ResponseEntity<Member> add(Tenant tenant, @RequestBody JsonNode body) {
        MemberActor actor = SettingsCaller.admin(tenant);
        JsonInput in = JsonInput.of(body);
        String email = in.requiredString("email");
        NewMember command = new NewMember(email, Role.parse(in.requiredString("role"), "role"));
        return ResponseEntity.status(201).body(memberships.add(actor, command));
    }

    @PatchMapping("/api/settings/members/{userId}")
    Member changeRole(Tenant tenant, @PathVariable String userId, @RequestBody JsonNode body) {
        MemberActor actor = SettingsCaller.admin(tenant);
        UUID id = Ids.parse(userId, "userId");
        Role role = Role.parse(JsonInput.of(body).requiredString("role"), "role");
        return memberships.changeRole(actor, id, role);
    }

    @DeleteMapping("/api/settings/members/{userId}")
    ResponseEntity<Void> remove(Tenant tenant, @PathVariable String userId) {
        memberships.remove(SettingsCaller.admin(tenant), Ids.parse(userId, "userId"));
        return ResponseEntity.noContent().build();
    }

}
