package org.helpdesk.category;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.Ids;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.Times;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The category use cases: any member reads, admins and owners (or a write key) change. */
@Service
public class CategoryService {
    public static final int MAX_NAME = 100;

    private final Categories categories;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CategoryService(Categories categories, Clock clock, ApplicationEventPublisher events) {
        this.categories = categories;
        this.clock = clock;
        this.events = events;
    }

    public List<Categories.Category> list(Tenant tenant) {
        return categories.list(tenant.requireRead().entityId());
    }

    public Categories.Category get(Tenant tenant, UUID id) {
        return categories.find(tenant.requireRead().entityId(), id)
                .orElseThrow(() -> new NotFound("No such category in this entity"));
    }

    @Transactional
    public Categories.Category create(Tenant tenant, String name) {
        tenant.requireAdmin();
        if (categories.nameTaken(tenant.entityId(), name, null)) {
            throw duplicate();
        }
        var category = new Categories.Category(Ids.newId(), tenant.entityId(), name, Times.now(clock));
        try {
            categories.insert(category);
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        return category;
    }

    @Transactional
    public Categories.Category rename(Tenant tenant, UUID id, String name) {
        tenant.requireAdmin();
        Categories.Category category = get(tenant, id);
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

    @Transactional
    public void delete(Tenant tenant, UUID id) {
        tenant.requireAdmin();
        UUID categoryId = get(tenant, id).id();
        events.publishEvent(new CategoryDeleted(tenant.entityId(), categoryId, tenant.userId(), tenant.userName()));
        categories.delete(tenant.entityId(), categoryId);
    }

    private static Conflict duplicate() {
        return new Conflict("A category with this name already exists");
    }
}
