package org.helpdesk.category;

import java.net.URI;
import java.util.List;

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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Ticket categories over JSON; the rules are in {@link CategoryService}. */
@RestController
@RequestMapping("/api/helpdesk/categories")
class CategoryController {
    private final CategoryService service;

    CategoryController(CategoryService service) {
        this.service = service;
    }

    @GetMapping
    List<Categories.Category> list(Tenant tenant) {
        return service.list(tenant);
    }

    @GetMapping("/{id}")
    Categories.Category get(Tenant tenant, @PathVariable String id) {
        return service.get(tenant, Ids.parse(id, "id"));
    }

    @PostMapping
    ResponseEntity<Categories.Category> create(Tenant tenant, @RequestBody JsonNode body) {
        tenant.requireAdmin();
        String name = JsonInput.text(JsonInput.of(body).requiredString("name"), "name", CategoryService.MAX_NAME);
        Categories.Category category = service.create(tenant, name);
        return ResponseEntity.created(URI.create("/api/helpdesk/categories/" + category.id())).body(category);
    }

    @PatchMapping("/{id}")
    Categories.Category rename(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        tenant.requireAdmin();
        var categoryId = Ids.parse(id, "id");
        JsonInput in = JsonInput.of(body);
        if (!in.has("name")) {
            return service.get(tenant, categoryId);
        }
        String name = JsonInput.text(in.requiredString("name"), "name", CategoryService.MAX_NAME);
        return service.rename(tenant, categoryId, name);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Tenant tenant, @PathVariable String id) {
        tenant.requireAdmin();
        service.delete(tenant, Ids.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }
}
