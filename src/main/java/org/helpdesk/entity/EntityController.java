package org.helpdesk.entity;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.helpdesk.auth.Role;
import org.helpdesk.auth.SessionLogin;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Emails;
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

    record MemberView(UUID userId, String email, String name, Role role, Instant createdAt) {
        static MemberView of(Entities.MemberRow row) {
            return new MemberView(row.userId(), row.email(), row.name(), row.role(), row.createdAt());
        }
    }

    @PostMapping("/api/entities")
    ResponseEntity<Entities.EntityRow> create(@RequestBody JsonNode body) {
        String name = JsonInput.text(JsonInput.of(body).requiredString("name"), "name", 255);
        Entities.EntityRow entity = memberships.createEntity(SessionLogin.current().id(), name);
        return ResponseEntity.created(URI.create("/api/entities/" + entity.id()))
                .body(entity);
    }

    @GetMapping("/api/settings/members")
    List<MemberView> members(Tenant tenant) {
        tenant.requireAdmin();
        return memberships.list(tenant).stream().map(MemberView::of).toList();
    }

    @PostMapping("/api/settings/members")
    ResponseEntity<MemberView> add(Tenant tenant, @RequestBody JsonNode body) {
        tenant.requireAdmin();
        JsonInput in = JsonInput.of(body);
        String email = Emails.accountKey(in.requiredString("email"), "email");
        Role role = Role.parse(in.requiredString("role"), "role");
        MemberView member = MemberView.of(memberships.add(tenant, email, role));
        return ResponseEntity.status(201).body(member);
    }

    @PatchMapping("/api/settings/members/{userId}")
    MemberView changeRole(Tenant tenant, @PathVariable String userId, @RequestBody JsonNode body) {
        tenant.requireAdmin();
        UUID id = Ids.parse(userId, "userId");
        Role role = Role.parse(JsonInput.of(body).requiredString("role"), "role");
        return MemberView.of(memberships.changeRole(tenant, id, role));
    }

    @DeleteMapping("/api/settings/members/{userId}")
    ResponseEntity<Void> remove(Tenant tenant, @PathVariable String userId) {
        tenant.requireAdmin();
        memberships.remove(tenant, Ids.parse(userId, "userId"));
        return ResponseEntity.noContent().build();
    }

}
