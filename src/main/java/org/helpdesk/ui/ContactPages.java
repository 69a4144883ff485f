package org.helpdesk.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.helpdesk.common.Conflict;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.contact.Contact;
import org.helpdesk.contact.ContactChange;
import org.helpdesk.contact.ContactManagement;
import org.helpdesk.contact.ContactPage;
import org.helpdesk.contact.Organization;
import org.helpdesk.contact.OrganizationManagement;
import org.helpdesk.ticket.Actor;
import org.helpdesk.ticket.Channel;
import org.helpdesk.ticket.Ticket;
import org.helpdesk.ticket.TicketPage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contacts pages (API §9 in the agents' UI): the searchable list, a contact with its addresses, organization
 * and every ticket, editing, merging (pick the duplicate, preview what moves, confirm), undoing a merge, erasing
 * (a confirmation that says what stays), and an organization with its contacts and their tickets. Everything
 * goes through the contact use cases, as the API does.
 */
@Controller
class ContactPages {
    static final int PAGE_SIZE = 50;
    private static final int TICKETS_SHOWN = 200;

    private final Desks desks;
    private final ContactManagement contacts;
    private final OrganizationManagement organizations;

    ContactPages(Desks desks, ContactManagement contacts, OrganizationManagement organizations) {
        this.desks = desks;
        this.contacts = contacts;
        this.organizations = organizations;
    }

    private Desk desk(UUID entityId, Model model) {
        Desk desk = desks.open(entityId);
        model.addAttribute("desk", desk);
        model.addAttribute("activeView", "contacts");
        return desk;
    }

    private static Actor actor(Desk desk) {
        desk.tenant().requireWrite();
        return Actor.agent(desk.entityId(), desk.user().id(), desk.user().name(), Channel.WEB);
    }

    private static String page(UUID entityId, UUID contactId) {
        return "/e/" + entityId + "/contacts/" + contactId;
    }

    /** A contact with the tickets shown beside it on the organization page. */
    public record ContactTickets(Contact contact, List<Ticket> tickets) {
    }

    @GetMapping("/e/{entityId}/contacts")
    String list(@PathVariable UUID entityId, @RequestParam(required = false) String q,
                @RequestParam(required = false) String cursor, Model model) {
        desk(entityId, model);
        ContactPage<Contact> page = contacts.list(entityId, q, null, PAGE_SIZE, cursor);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("contacts", page.items());
        model.addAttribute("organizationNames", organizationNames(entityId, page.items()));
        model.addAttribute("nextPage", page.nextCursor() == null ? null
                : org.springframework.web.util.UriComponentsBuilder.fromPath("/e/" + entityId + "/contacts")
                .queryParamIfPresent("q", java.util.Optional.ofNullable(q == null || q.isBlank() ? null : q))
                .queryParam("cursor", page.nextCursor()).encode().build().toUriString());
        return "contacts/list";
    }

    @GetMapping("/e/{entityId}/contacts/{id}")
    String contact(@PathVariable UUID entityId, @PathVariable UUID id, Model model) {
        desk(entityId, model);
        Contact contact = contacts.get(entityId, id);
        model.addAttribute("contact", contact);
        model.addAttribute("organization", contact.organizationId() == null ? null
                : organizations.get(entityId, contact.organizationId()));
        model.addAttribute("mergedInto", contact.mergedInto() == null ? null : contacts.get(entityId, contact.mergedInto()));
        TicketPage tickets = contacts.tickets(entityId, id, TICKETS_SHOWN, null);
        model.addAttribute("tickets", tickets.items());
        model.addAttribute("moreTickets", tickets.nextCursor() != null);
        List<MergeView> merges = new ArrayList<>();
        for (ContactManagement.MergeInfo m : contacts.undoableMerges(entityId, id)) {
            merges.add(new MergeView(contacts.get(entityId, m.sourceId()), m));
        }
        model.addAttribute("merges", merges);
        return "contacts/contact";
    }

    /** A merge that can be undone, with the contact that was merged. */
    public record MergeView(Contact source, ContactManagement.MergeInfo merge) {
    }

    // --- edit

    @GetMapping("/e/{entityId}/contacts/{id}/edit")
    String edit(@PathVariable UUID entityId, @PathVariable UUID id, Model model) {
        Desk desk = desk(entityId, model);
        actor(desk);
        Contact contact = contacts.get(entityId, id);
        model.addAttribute("contact", contact);
        model.addAttribute("form", new ContactForm(contact.name() == null ? "" : contact.name(),
                String.join("\n", contact.emails()), contact.phone() == null ? "" : contact.phone(),
                contact.organizationId() == null ? "" : contact.organizationId().toString()));
        model.addAttribute("organizations", organizations.list(entityId, 200, null).items());
        return "contacts/edit";
    }

    public record ContactForm(String name, String emails, String phone, String organizationId) {
    }

    @PostMapping("/e/{entityId}/contacts/{id}/edit")
    String save(@PathVariable UUID entityId, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
                @RequestParam(defaultValue = "") String emails, @RequestParam(defaultValue = "") String phone,
                @RequestParam(defaultValue = "") String organizationId, Model model, RedirectAttributes flash) {
        Desk desk = desk(entityId, model);
        Actor actor = actor(desk);
        try {
            List<String> addresses = Arrays.stream(emails.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
            UUID organization = organizationId.isBlank() ? null
                    : org.helpdesk.common.Ids.parse(organizationId, "Organization");
            contacts.change(actor, id, new ContactChange(true, name, true, addresses, true, phone, true, organization));
            flash.addFlashAttribute("notice", "Contact saved");
            return "redirect:" + page(entityId, id);
        } catch (InvalidInput | Conflict e) {
            model.addAttribute("contact", contacts.get(entityId, id));
            model.addAttribute("form", new ContactForm(name, emails, phone, organizationId));
            model.addAttribute("organizations", organizations.list(entityId, 200, null).items());
            model.addAttribute("alert", FormErrors.sentence(e.getMessage()));
            return "contacts/edit";
        }
    }

    // --- merge

    @GetMapping("/e/{entityId}/contacts/{id}/merge")
    String merge(@PathVariable UUID entityId, @PathVariable UUID id, @RequestParam(required = false) String q,
                 @RequestParam(required = false) UUID source, Model model) {
        Desk desk = desk(entityId, model);
        actor(desk);
        Contact target = contacts.get(entityId, id);
        model.addAttribute("contact", target);
        model.addAttribute("q", q == null ? "" : q);
        List<Contact> candidates = contacts.list(entityId, q, null, PAGE_SIZE, null).items().stream()
                .filter(c -> !c.id().equals(id)).toList();
        model.addAttribute("candidates", candidates);
        if (source != null) {
            Contact duplicate = contacts.get(entityId, source);
            model.addAttribute("source", duplicate);
            TicketPage moving = contacts.tickets(entityId, source, TICKETS_SHOWN, null);
            model.addAttribute("movingTickets", moving.items());
            model.addAttribute("moreMoving", moving.nextCursor() != null);
        }
        return "contacts/merge";
    }

    @PostMapping("/e/{entityId}/contacts/{id}/merge")
    String doMerge(@PathVariable UUID entityId, @PathVariable UUID id, @RequestParam UUID source, Model model,
                   RedirectAttributes flash) {
        Desk desk = desk(entityId, model);
        Actor actor = actor(desk);
        try {
            contacts.merge(actor, id, List.of(source));
            flash.addFlashAttribute("notice", "Contacts merged");
        } catch (InvalidInput | Conflict e) {
            flash.addFlashAttribute("alert", FormErrors.sentence(e.getMessage()));
        }
        return "redirect:" + page(entityId, id);
    }

    @PostMapping("/e/{entityId}/contacts/{id}/unmerge")
    String unmerge(@PathVariable UUID entityId, @PathVariable UUID id, @RequestParam UUID source, Model model,
                   RedirectAttributes flash) {
        Desk desk = desk(entityId, model);
        Actor actor = actor(desk);
        try {
            contacts.unmerge(actor, id, source);
            flash.addFlashAttribute("notice", "Merge undone: the contact has its addresses and tickets back");
            return "redirect:" + page(entityId, source);
        } catch (InvalidInput | Conflict e) {
            flash.addFlashAttribute("alert", FormErrors.sentence(e.getMessage()));
            return "redirect:" + page(entityId, id);
        }
    }

    // --- erase

    @GetMapping("/e/{entityId}/contacts/{id}/erase")
    String erase(@PathVariable UUID entityId, @PathVariable UUID id, Model model) {
        Desk desk = desk(entityId, model);
        actor(desk);
        model.addAttribute("contact", contacts.get(entityId, id));
        model.addAttribute("ticketCount", contacts.tickets(entityId, id, TICKETS_SHOWN, null).items().size());
        return "contacts/erase";
    }

    @PostMapping("/e/{entityId}/contacts/{id}/erase")
    String doErase(@PathVariable UUID entityId, @PathVariable UUID id, Model model, RedirectAttributes flash) {
        Desk desk = desk(entityId, model);
        Actor actor = actor(desk);
        try {
            contacts.erase(actor, id);
            flash.addFlashAttribute("notice", "Contact erased; the tickets stay, without the contact's details");
            return "redirect:/e/" + entityId + "/contacts";
        } catch (Conflict e) {
            flash.addFlashAttribute("alert", FormErrors.sentence(e.getMessage()));
            return "redirect:" + page(entityId, id);
        }
    }

    // --- organizations

    @GetMapping("/e/{entityId}/organizations/{id}")
    String organization(@PathVariable UUID entityId, @PathVariable UUID id, Model model) {
        desk(entityId, model);
        Organization organization = organizations.get(entityId, id);
        model.addAttribute("organization", organization);
        ContactPage<Contact> members = contacts.list(entityId, null, id, ListLimits.MEMBERS, null);
        List<ContactTickets> rows = new ArrayList<>();
        for (Contact c : members.items()) {
            rows.add(new ContactTickets(c, contacts.tickets(entityId, c.id(), ListLimits.TICKETS_PER_MEMBER, null).items()));
        }
        model.addAttribute("members", rows);
        model.addAttribute("moreMembers", members.nextCursor() != null);
        return "contacts/organization";
    }

    private java.util.Map<UUID, String> organizationNames(UUID entityId, List<Contact> shown) {
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        for (Contact c : shown) {
            if (c.organizationId() != null && !names.containsKey(c.organizationId())) {
                names.put(c.organizationId(), organizations.get(entityId, c.organizationId()).name());
            }
        }
        return names;
    }

    /** How much the organization page shows at once. */
    private static final class ListLimits {
        static final int MEMBERS = 100;
        static final int TICKETS_PER_MEMBER = 20;
    }
}
