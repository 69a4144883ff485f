package org.helpdesk.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A contact was created, changed or had others merged into it. Published inside the transaction of the change, so
 * listeners that record something (webhooks' {@code contact.*}) commit with it.
 *
 * @param type       {@code created}, {@code updated} or {@code merged}
 * @param contact    the contact right after the change
 * @param mergedFrom for {@code merged}: the contacts merged into it; else empty
 */
public record ContactEvent(String type, UUID entityId, Contact contact, List<UUID> mergedFrom, Instant at) {
    public ContactEvent {
        mergedFrom = List.copyOf(mergedFrom);
    }
}
