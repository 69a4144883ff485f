package org.helpdesk.ticket;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What the ticket core needs of contacts (API §9), provided by the contact module (which owns the contacts
 * tables): the contact of an address, made on the spot when there is none, and a contact by id. Called inside
 * the ticket's transaction, so a ticket and the contact it creates commit together.
 */
public interface ContactLinks {
    /** The entity's contact with this address (any case), created with {@code name} when none has it. */
    LinkedContact forAddress(UUID entityId, String email, String name);

    /**
     * {@link #forAddress} for many addresses at once (the backfill of old tickets): the known ones found in one
     * read, the others created together (without a {@code contact.created} webhook: they record customers the
     * entity already had). Keys are the addresses as given; addresses today's rules refuse are left out.
     */
    Map<String, UUID> forAddresses(UUID entityId, Map<String, String> nameByAddress);

    /** The entity's contact with this id; empty when the entity has none (another entity's id included). */
    Optional<LinkedContact> find(UUID entityId, UUID contactId);

    /** A contact as a ticket sees it: addresses lower-cased, the primary first; merged ones have none left. */
    record LinkedContact(UUID id, String name, List<String> emails, UUID mergedInto) {
        public LinkedContact {
            emails = List.copyOf(emails);
        }

        public String primaryEmail() {
            return emails.isEmpty() ? null : emails.get(0);
        }
    }
}
