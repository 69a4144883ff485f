package org.helpdesk.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A customer of an entity (API §9): addresses lower-cased, the primary first; a merged contact keeps existing,
 * with {@code mergedInto} naming the contact that took its addresses and tickets (and no addresses left).
 */
@JsonPropertyOrder({"id", "entityId", "name", "emails", "phone", "organizationId", "mergedInto", "createdAt",
        "updatedAt"})
public record Contact(UUID id, UUID entityId, String name, List<String> emails, String phone, UUID organizationId,
                      UUID mergedInto, Instant createdAt, Instant updatedAt) {
    public Contact {
        emails = List.copyOf(emails);
    }

    /** The primary address; {@code null} for a merged contact. */
    public String primaryEmail() {
        return emails.isEmpty() ? null : emails.get(0);
    }

    /** How the contact is shown: the name, else the primary address. */
    public String displayName() {
        return name != null ? name : primaryEmail() != null ? primaryEmail() : "Contact";
    }

    public boolean merged() {
        return mergedInto != null;
    }
}
