package org.helpdesk.category;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.helpdesk.common.Conflict;
import org.helpdesk.common.Ids;
import org.helpdesk.common.JsonInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.Times;
import org.helpdesk.entity.MemberActor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The category use cases, for the API and the pages alike. Permission (admins and owners, or a write key) is
 * checked by the web adapter, which knows how the caller came in; everything here is scoped by the entity.
 */
@Service
public class CategoryManagement {
    private final Categories categories;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CategoryManagement(Categories categories, Clock clock, ApplicationEventPublisher events) {
        this.categories = categories;
        this.clock = clock;
        this.events = events;
    }

    public List<Category> list(UUID entityId) {
        return categories.list(entityId);
    }

    public Category get(UUID entityId, UUID id) {
        return categories.find(entityId, id).orElseThrow(() -> new NotFound("No such category in this entity"));
    }

    /** Whether the id names a category of this entity (tickets refuse a category of another one). */
    public boolean exists(UUID entityId, UUID id) {
        return categories.exists(entityId, id);
    }

    @Transactional
    public Category create(MemberActor actor, String name) {
        UUID entityId = actor.entityId();
        String checked = name(name);
        if (categories.nameTaken(entityId, checked, null)) {
            throw duplicate();
        }
        Category category = new Category(Ids.newId(), entityId, checked, Times.now(clock));
        try {
            categories.insert(category);
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        return category;
    }

    @Transactional
    public Category rename(MemberActor actor, UUID id, String name) {
        UUID entityId = actor.entityId();
        Category category = get(entityId, id);
        String checked = name(name);
        if (categories.nameTaken(entityId, checked, id)) {
            throw duplicate();
        }
        try {
            categories.rename(entityId, id, checked);
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        return new Category(id, entityId, checked, category.createdAt());
    }

    /** Deletes the category; its tickets become uncategorised, recorded in the actor's name. */
    @Transactional
    public void delete(MemberActor actor, UUID id) {
        get(actor.entityId(), id);
        events.publishEvent(new CategoryDeleted(actor.entityId(), id, actor.userId(), actor.name()));
        categories.delete(actor.entityId(), id);
    }

    private static String name(String value) {
        return JsonInput.text(value, "name", Category.MAX_NAME);
    }

    private static Conflict duplicate() {
        return new Conflict("A category with this name already exists");
    }
}
