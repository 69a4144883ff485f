package org.helpdesk.contact;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.common.PageResponses;
import org.helpdesk.common.Paging;
import org.helpdesk.ticket.Actor;
import org.helpdesk.ticket.TenantActor;
import org.helpdesk.ticket.Ticket;
import org.helpdesk.ticket.TicketPage;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The contacts and organizations API (§9). HTTP only: the rules live in the commands and the use cases. */
@RestController
class ContactController {
    private static final String CONTACTS = "/api/helpdesk/contacts";
    private static final String ORGANIZATIONS = "/api/helpdesk/organizations";

    private final ContactManagement contacts;
    private final OrganizationManagement organizations;

    ContactController(ContactManagement contacts, OrganizationManagement organizations) {
        this.contacts = contacts;
        this.organizations = organizations;
    }

    // ------------------------------------------------------------------ contacts

    @GetMapping(CONTACTS)
    ResponseEntity<List<Contact>> list(Tenant tenant, @RequestParam MultiValueMap<String, String> params) {
        tenant.requireRead();
        String organization = Paging.single(params, "organizationId");
        ContactPage<Contact> page = contacts.list(tenant.entityId(), Paging.single(params, "q"),
                organization == null ? null : Ids.parse(organization.strip(), "organizationId"),
                ListCursor.limit(Paging.single(params, "limit")), Paging.single(params, "cursor"));
        return PageResponses.withNext(page.items(), page.nextCursor());
    }

    @PostMapping(CONTACTS)
    ResponseEntity<Contact> create(Tenant tenant, @RequestBody JsonNode body) {
        Actor actor = TenantActor.of(tenant.requireWrite());
        JsonInput in = JsonInput.of(body);
        if (!in.has("emails") || in.isNull("emails")) {
            throw new InvalidInput("emails is required: at least one address");
        }
        NewContact command = new NewContact(in.string("name"), in.stringList("emails"), in.string("phone"),
                in.uuid("organizationId"), in.has("organizationId"));
        Contact contact = contacts.create(actor, command);
        return ResponseEntity.created(URI.create(CONTACTS + "/" + contact.id())).body(contact);
    }

    @GetMapping(CONTACTS + "/{id}")
    Contact get(Tenant tenant, @PathVariable String id) {
        tenant.requireRead();
        return contacts.get(tenant.entityId(), Ids.parse(id, "id"));
    }

    @PatchMapping(CONTACTS + "/{id}")
    Contact change(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        Actor actor = TenantActor.of(tenant.requireWrite());
        UUID contactId = Ids.parse(id, "id");
        JsonInput in = JsonInput.of(body);
        if (in.isNull("emails")) {
            throw new InvalidInput("emails cannot be null: a contact has at least one address");
        }
        ContactChange change = new ContactChange(in.has("name"), in.string("name"), in.has("emails"),
                in.stringList("emails"), in.has("phone"), in.string("phone"), in.has("organizationId"),
                in.uuid("organizationId"));
        return contacts.change(actor, contactId, change);
    }

    @DeleteMapping(CONTACTS + "/{id}")
    ResponseEntity<Void> erase(Tenant tenant, @PathVariable String id) {
        Actor actor = TenantActor.of(tenant.requireWrite());
        contacts.erase(actor, Ids.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(CONTACTS + "/{id}/tickets")
    ResponseEntity<List<Ticket>> tickets(Tenant tenant, @PathVariable String id,
                                         @RequestParam MultiValueMap<String, String> params) {
        tenant.requireRead();
        String cursor = Paging.single(params, "cursor");
        TicketPage page = contacts.tickets(tenant.entityId(), Ids.parse(id, "id"),
                ListCursor.limit(Paging.single(params, "limit")), Paging.cursor(cursor));
        return PageResponses.withNext(page.items(), page.nextCursor());
    }

    @PostMapping(CONTACTS + "/{id}/merge")
    Contact merge(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        Actor actor = TenantActor.of(tenant.requireWrite());
        UUID target = Ids.parse(id, "id");
        JsonInput in = JsonInput.of(body);
        List<String> raw = in.stringList("sourceIds");
        if (raw == null) {
            throw new InvalidInput("sourceIds is required: the contacts to merge into this one");
        }
        List<UUID> sources = new ArrayList<>();
        for (String value : raw) {
            sources.add(Ids.parse(value, "sourceIds"));
        }
        return contacts.merge(actor, target, sources);
    }

    @PostMapping(CONTACTS + "/{id}/unmerge")
    Contact unmerge(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        Actor actor = TenantActor.of(tenant.requireWrite());
        UUID target = Ids.parse(id, "id");
        JsonInput in = JsonInput.of(body);
        UUID source = in.uuid("sourceId");
        if (source == null) {
            throw new InvalidInput("sourceId is required: the contact whose merge to undo");
        }
        return contacts.unmerge(actor, target, source);
    }

    // ------------------------------------------------------------------ organizations

    @GetMapping(ORGANIZATIONS)
    ResponseEntity<List<Organization>> organizations(Tenant tenant, @RequestParam MultiValueMap<String, String> params) {
        tenant.requireRead();
        ContactPage<Organization> page = organizations.list(tenant.entityId(), ListCursor.limit(Paging.single(params, "limit")),
                Paging.single(params, "cursor"));
        return PageResponses.withNext(page.items(), page.nextCursor());
    }

    @PostMapping(ORGANIZATIONS)
    ResponseEntity<Organization> createOrganization(Tenant tenant, @RequestBody JsonNode body) {
        Actor actor = TenantActor.of(tenant.requireWrite());
        JsonInput in = JsonInput.of(body);
        Organization organization = organizations.create(actor,
                new NewOrganization(in.requiredString("name"), in.stringList("domains")));
        return ResponseEntity.created(URI.create(ORGANIZATIONS + "/" + organization.id())).body(organization);
    }

    @GetMapping(ORGANIZATIONS + "/{id}")
    Organization organization(Tenant tenant, @PathVariable String id) {
        tenant.requireRead();
        return organizations.get(tenant.entityId(), Ids.parse(id, "id"));
    }

    @PatchMapping(ORGANIZATIONS + "/{id}")
    Organization changeOrganization(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        Actor actor = TenantActor.of(tenant.requireWrite());
        UUID organizationId = Ids.parse(id, "id");
        JsonInput in = JsonInput.of(body);
        if (in.isNull("name")) {
            throw new InvalidInput("name cannot be null");
        }
        OrganizationChange change = new OrganizationChange(in.has("name"), in.string("name"), in.has("domains"),
                in.isNull("domains") ? List.of() : in.stringList("domains"));
        return organizations.change(actor, organizationId, change);
    }

    @DeleteMapping(ORGANIZATIONS + "/{id}")
    ResponseEntity<Void> deleteOrganization(Tenant tenant, @PathVariable String id) {
        Actor actor = TenantActor.of(tenant.requireWrite());
        organizations.delete(actor, Ids.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping(ORGANIZATIONS + "/{id}/contacts")
    ResponseEntity<List<Contact>> organizationContacts(Tenant tenant, @PathVariable String id,
                                                       @RequestParam MultiValueMap<String, String> params) {
        tenant.requireRead();
        UUID organizationId = Ids.parse(id, "id");
        organizations.get(tenant.entityId(), organizationId);
        ContactPage<Contact> page = contacts.list(tenant.entityId(), null, organizationId,
                ListCursor.limit(Paging.single(params, "limit")), Paging.single(params, "cursor"));
        return PageResponses.withNext(page.items(), page.nextCursor());
    }
}
