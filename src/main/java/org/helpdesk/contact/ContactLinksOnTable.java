package org.helpdesk.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Ids;
import org.helpdesk.common.Times;
import org.helpdesk.ticket.ContactLinks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The ticket core's view of contacts: the contact of an address, made on the spot (joining the organization of
 * its domain) when the entity has none. Runs in the ticket's transaction. Two tickets from the same new address
 * at the same moment get the same contact: the address row decides, and the loser reads the winner's.
 */
@Component
class ContactLinksOnTable implements ContactLinks {
    private final Contacts contacts;
    private final Organizations organizations;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ContactLinksOnTable(Contacts contacts, Organizations organizations, Clock clock,
                        ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.organizations = organizations;
        this.clock = clock;
        this.events = events;
    }

    @Override
    public LinkedContact forAddress(UUID entityId, String email, String name) {
        String address = ContactRules.email(email, "contactEmail");
        Optional<UUID> owner = contacts.ownerOf(entityId, address);
        if (owner.isPresent()) {
            return link(contacts.find(entityId, owner.get()).orElseThrow());
        }
        UUID organization = ContactRules.organizationByDomain(List.of(address),
                organizations.ownersOf(entityId, List.of(ContactRules.domainOf(address))));
        Instant now = Times.now(clock);
        String checkedName = name == null || name.isBlank() ? null : name.strip();
        if (checkedName != null && checkedName.length() > ContactRules.MAX_NAME) {
            checkedName = checkedName.substring(0, ContactRules.MAX_NAME);
        }
        Contact contact = new Contact(Ids.newId(), entityId, checkedName, List.of(address), null, organization, null,
                now, now);
        if (contacts.insertIfAddressFree(contact)) {
            events.publishEvent(new ContactEvent("created", entityId, contact, java.util.List.of(), now));
            return link(contact);
        }
        UUID winner = contacts.ownerOf(entityId, address).orElseThrow();
        return link(contacts.find(entityId, winner).orElseThrow());
    }

    @Override
    public Optional<LinkedContact> find(UUID entityId, UUID contactId) {
        return contacts.find(entityId, contactId).map(ContactLinksOnTable::link);
    }

    private static LinkedContact link(Contact c) {
        return new LinkedContact(c.id(), c.name(), c.emails(), c.mergedInto());
    }
}
