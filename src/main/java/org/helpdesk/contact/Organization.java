package org.helpdesk.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** A company the entity's contacts work for; contacts created with an address in one of its domains join it. */
@JsonPropertyOrder({"id", "entityId", "name", "domains", "createdAt"})
public record Organization(UUID id, UUID entityId, String name, List<String> domains, Instant createdAt) {
    public Organization {
        domains = List.copyOf(domains);
    }
}
