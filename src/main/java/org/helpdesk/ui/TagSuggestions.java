package org.helpdesk.ui;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.helpdesk.ticket.TicketManagement;
import org.springframework.stereotype.Component;

/**
 * The tag field's suggestions on the ticket page: the entity's most used tags, kept for a minute per entity.
 * Counting them groups every tag of the entity (millions of rows in a large one), which must not be paid on
 * every ticket page; a suggestion a minute old is as good.
 */
@Component
class TagSuggestions {
    static final int SHOWN = 200;

    private final TicketManagement tickets;
    private final Cache<UUID, List<String>> byEntity = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

    TagSuggestions(TicketManagement tickets) {
        this.tickets = tickets;
    }

    List<String> of(UUID entityId) {
        return byEntity.get(entityId, id -> List.copyOf(tickets.tagsInUse(id, SHOWN)));
    }
}
