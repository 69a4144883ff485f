package org.helpdesk.category;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Ids;
import org.helpdesk.common.JsonInput;
import org.helpdesk.entity.MemberActor;
import org.helpdesk.entity.SettingsCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Ticket categories: any member reads them, admins and owners (or a write key) change them. */
@RestController
@RequestMapping("/api/helpdesk/categories")
class CategoryController {
    private final CategoryManagement categories;

    CategoryController(CategoryManagement categories) {
        this.categories = categories;
    }

    @GetMapping
    List<Category> list(Tenant tenant) {
        return categories.list(tenant.requireRead().entityId());
    }

    @GetMapping("/{id}")
    Category get(Tenant tenant, @PathVariable String id) {
        return categories.get(tenant.requireRead().entityId(), Ids.parse(id, "id"));
    }

    @PostMapping
    ResponseEntity<Category> create(Tenant tenant, @RequestBody JsonNode body) {
        Category category = categories.create(SettingsCaller.admin(tenant), JsonInput.of(body).requiredString("name"));
        return ResponseEntity.created(URI.create("/api/helpdesk/categories/" + category.id())).body(category);
    }

    @PatchMapping("/{id}")
    Category rename(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        MemberActor actor = SettingsCaller.admin(tenant);
        UUID categoryId = Ids.parse(id, "id");
        JsonInput in = JsonInput.of(body);
        if (!in.has("name")) {
            return categories.get(actor.entityId(), categoryId);
        }
        return categories.rename(actor, categoryId, in.requiredString("name"));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Tenant tenant, @PathVariable String id) {
        categories.delete(SettingsCaller.admin(tenant), Ids.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }

}
