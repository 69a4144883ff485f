package org.helpdesk.contact;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
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
        Optional<Contact> owner = contacts.byAddress(entityId, address);
        if (owner.isPresent()) {
            return link(owner.get());
        }
        UUID organization = ContactRules.organizationByDomain(List.of(address),
                organizations.ownersOf(entityId, List.of(ContactRules.domainOf(address))));
        Contact created = insertNew(entityId, address, name, organization);
        if (created != null) {
            return link(created);
        }
        return link(contacts.byAddress(entityId, address).orElseThrow());
    }

    @Override
    public Map<String, UUID> forAddresses(UUID entityId, Map<String, String> nameByAddress) {
        Map<String, String> checked = new LinkedHashMap<>(); // address as given -> address as kept
        Map<String, String> names = new HashMap<>(); // address as kept -> the first name given with it
        for (Map.Entry<String, String> given : nameByAddress.entrySet()) {
            try {
                String address = ContactRules.email(given.getKey(), "contactEmail");
                checked.put(given.getKey(), address);
                if (given.getValue() != null && !given.getValue().isBlank()) {
                    names.putIfAbsent(address, given.getValue());
                }
            } catch (InvalidInput e) {
                // an address from before today's rules: its tickets stay without a contact
            }
        }
        Map<String, UUID> owners = new HashMap<>(contacts.ownersOf(entityId, new LinkedHashSet<>(checked.values())));
        Map<String, UUID> organizationByDomain = organizations.ownersOf(entityId, checked.values().stream()
                .filter(a -> !owners.containsKey(a)).map(ContactRules::domainOf).distinct().toList());
        Instant now = Times.now(clock);
        Map<String, Contact> fresh = new LinkedHashMap<>();
        for (String address : checked.values()) {
            if (!owners.containsKey(address) && !fresh.containsKey(address)) {
                fresh.put(address, newContact(entityId, address, names.get(address),
                        ContactRules.organizationByDomain(List.of(address), organizationByDomain), now));
            }
        }
        // no contact.created webhook for these: they are the records of customers the entity already had
        contacts.insertAllIfAddressFree(List.copyOf(fresh.values())).forEach(c -> owners.put(c.primaryEmail(), c.id()));
        Map<String, UUID> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : checked.entrySet()) {
            UUID owner = owners.get(e.getValue());
            if (owner == null) { // taken by another transaction since the read above
                owner = contacts.ownerOf(entityId, e.getValue()).orElseThrow();
                owners.put(e.getValue(), owner);
            }
            found.put(e.getKey(), owner);
        }
        return found;
    }

    /** A new contact with this one address; null when another transaction gave the address to a contact first. */
    private Contact insertNew(UUID entityId, String address, String name, UUID organization) {
        Instant now = Times.now(clock);
        Contact contact = newContact(entityId, address, name, organization, now);
        if (contacts.insertIfAddressFree(contact)) {
            events.publishEvent(new ContactEvent("created", entityId, contact, List.of(), now));
            return contact;
        }
        return null;
    }

    private static Contact newContact(UUID entityId, String address, String name, UUID organization, Instant now) {
        String checkedName = name == null || name.isBlank() ? null : name.strip();
        if (checkedName != null && checkedName.length() > ContactRules.MAX_NAME) {
            checkedName = checkedName.substring(0, ContactRules.MAX_NAME);
        }
        return new Contact(Ids.newId(), entityId, checkedName, List.of(address), null, organization, null, now, now);
    }

    @Override
    public Optional<LinkedContact> find(UUID entityId, UUID contactId) {
        return contacts.find(entityId, contactId).map(ContactLinksOnTable::link);
    }

    private static LinkedContact link(Contact c) {
        return new LinkedContact(c.id(), c.name(), c.emails(), c.mergedInto());
    }
}
