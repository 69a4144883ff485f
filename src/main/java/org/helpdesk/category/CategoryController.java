package org.helpdesk.category;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.Ids;
import org.helpdesk.common.JsonInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
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
    static final int MAX_NAME = 100;

    private final Categories categories;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CategoryController(Categories categories, Clock clock, ApplicationEventPublisher events) {
        this.categories = categories;
        this.clock = clock;
        this.events = events;
    }

    @GetMapping
    List<Categories.Category> list(Tenant tenant) {
        return categories.list(tenant.requireRead().entityId());
    }

    @GetMapping("/{id}")
    Categories.Category get(Tenant tenant, @PathVariable String id) {
        return find(tenant.requireRead(), id);
    }

    @PostMapping
    @Transactional
    ResponseEntity<Categories.Category> create(Tenant tenant, @RequestBody JsonNode body) {
        tenant.requireAdmin();
        String name = JsonInput.text(JsonInput.of(body).requiredString("name"), "name", MAX_NAME);
        if (categories.nameTaken(tenant.entityId(), name, null)) {
            throw duplicate();
        }
        var category = new Categories.Category(Ids.newId(), tenant.entityId(), name, Times.now(clock));
        try {
            categories.insert(category);
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        return ResponseEntity.created(URI.create("/api/helpdesk/categories/" + category.id())).body(category);
    }

    @PatchMapping("/{id}")
    @Transactional
    Categories.Category rename(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        tenant.requireAdmin();
        Categories.Category category = find(tenant, id);
        JsonInput in = JsonInput.of(body);
        if (!in.has("name")) {
            return category;
        }
        String name = JsonInput.text(in.requiredString("name"), "name", MAX_NAME);
        if (categories.nameTaken(tenant.entityId(), name, category.id())) {
            throw duplicate();
        }
        try {
            categories.rename(tenant.entityId(), category.id(), name);
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        return new Categories.Category(category.id(), category.entityId(), name, category.createdAt());
    }

    @DeleteMapping("/{id}")
    @Transactional
    ResponseEntity<Void> delete(Tenant tenant, @PathVariable String id) {
        tenant.requireAdmin();
        UUID categoryId = find(tenant, id).id();
        events.publishEvent(new CategoryDeleted(tenant.entityId(), categoryId, tenant.userId(), tenant.userName()));
        categories.delete(tenant.entityId(), categoryId);
        return ResponseEntity.noContent().build();
    }

    private Categories.Category find(Tenant tenant, String id) {
        UUID categoryId = Ids.parse(id, "id");
        return categories.find(tenant.entityId(), categoryId)
                .orElseThrow(() -> new NotFound("No such category in this entity"));
    }

    private static Conflict duplicate() {
        return new Conflict("A category with this name already exists");
    }
}
