package org.helpdesk.macro;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.helpdesk.canned.CannedReplyManagement;
import org.helpdesk.category.CategoryManagement;
import org.helpdesk.common.DomainException;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.Times;
import org.helpdesk.entity.Assignees;
import org.helpdesk.ticket.Actor;
import org.helpdesk.ticket.NewMessage;
import org.helpdesk.ticket.Ticket;
import org.helpdesk.ticket.TicketChange;
import org.helpdesk.ticket.TicketManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The macro use cases. Saving checks the actions and their references into the entity (category, assignee,
 * shared canned reply). Applying goes through the ticket core's own use cases ({@link TicketManagement#addMessage}
 * then {@link TicketManagement#change}) inside one transaction, so a macro is all or nothing and records the
 * same history as an agent doing it by hand. The reply comes first so that the macro's own status wins over the
 * status a reply moves (a public reply opens a new ticket).
 */
@Service
public class MacroManagement {
    public static final int MAX_BULK = 100;

    private final Macros macros;
    private final TicketManagement tickets;
    private final CannedReplyManagement canned;
    private final CategoryManagement categories;
    private final Assignees assignees;
    private final TransactionTemplate perTicket;
    private final Clock clock;

    MacroManagement(Macros macros, TicketManagement tickets, CannedReplyManagement canned,
                    CategoryManagement categories, Assignees assignees, PlatformTransactionManager transactions,
                    Clock clock) {
        this.macros = macros;
        this.tickets = tickets;
        this.canned = canned;
        this.categories = categories;
        this.assignees = assignees;
        this.perTicket = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** One ticket's outcome in a bulk apply: applied ({@code failure} null) or why not, as the single apply. */
    public record Outcome(UUID ticketId, DomainException failure) {
    }

    public List<Macro> list(UUID entityId) {
        return macros.list(entityId);
    }

    public Macro get(UUID entityId, UUID id) {
        return macros.find(entityId, id).orElseThrow(MacroNotFound::new);
    }

    @Transactional
    public Macro create(UUID entityId, String title, MacroActions actions) {
        String checked = title(title);
        checkReferences(entityId, actions);
        Instant now = Times.now(clock);
        Macro macro = new Macro(Ids.newId(), entityId, checked, actions, now, now);
        macros.insert(macro);
        return macro;
    }

    /** A merge-patch: {@code null} leaves the title or the actions as they are (actions are replaced whole). */
    @Transactional
    public Macro update(UUID entityId, UUID id, String title, MacroActions actions) {
        Macro current = get(entityId, id);
        String checked = title == null ? current.title() : title(title);
        MacroActions rules = actions == null ? current.rules() : actions;
        if (actions != null) {
            checkReferences(entityId, actions);
        }
        if (checked.equals(current.title()) && rules.equals(current.rules())) {
            return current;
        }
        Macro changed = new Macro(id, entityId, checked, rules, current.createdAt(), Times.now(clock));
        macros.update(changed);
        return changed;
    }

    @Transactional
    public void delete(UUID entityId, UUID id) {
        get(entityId, id);
        macros.delete(entityId, id);
    }

    /** Applies the macro to one ticket, all or nothing; the ticket after it. */
    @Transactional
    public Ticket apply(Actor actor, UUID ticketId, UUID macroId) {
        Macro macro = get(actor.entityId(), macroId);
        return applyTo(actor, ticketId, macro);
    }

    /**
     * Applies the macro to each ticket in its own transaction: one ticket's failure (unknown, merged, a rule)
     * leaves the others applied. The macro itself must exist ({@link MacroNotFound} otherwise).
     */
    public List<Outcome> applyToAll(Actor actor, List<UUID> ticketIds, UUID macroId) {
        if (ticketIds.isEmpty() || ticketIds.size() > MAX_BULK) {
            throw new InvalidInput("ticketIds must name 1 to " + MAX_BULK + " tickets");
        }
        Macro macro = get(actor.entityId(), macroId);
        List<Outcome> outcomes = new ArrayList<>();
        for (UUID ticketId : ticketIds) {
            try {
                perTicket.executeWithoutResult(tx -> applyTo(actor, ticketId, macro));
                outcomes.add(new Outcome(ticketId, null));
            } catch (DomainException e) {
                outcomes.add(new Outcome(ticketId, e));
            }
        }
        return outcomes;
    }

    private Ticket applyTo(Actor actor, UUID ticketId, Macro macro) {
        MacroActions rules = macro.rules();
        if (rules.reply() != null) {
            Ticket ticket = tickets.get(actor.entityId(), ticketId);
            String text;
            if (rules.reply().cannedReplyId() != null) {
                String body;
                try {
                    body = canned.shared(actor.entityId(), rules.reply().cannedReplyId()).body();
                } catch (NotFound e) {
                    throw new InvalidInput("The canned reply of macro \"" + macro.title()
                            + "\" no longer exists; edit the macro");
                }
                text = canned.fill(body, ticket, actor);
            } else {
                text = canned.fill(rules.reply().body(), ticket, actor);
            }
            if (text.isBlank()) {
                throw new InvalidInput("The macro's reply is empty for this ticket");
            }
            tickets.addMessage(actor, ticketId, new NewMessage(text.length() > NewMessage.MAX_BODY
                    ? text.substring(0, NewMessage.MAX_BODY) : text, rules.reply().internal()));
        }
        TicketChange change = rules.change(actor.userId());
        if (!change.isEmpty()) {
            return tickets.change(actor, ticketId, change);
        }
        return tickets.get(actor.entityId(), ticketId);
    }

    private void checkReferences(UUID entityId, MacroActions actions) {
        if (actions.category() != null && actions.category().id() != null
                && !categories.exists(entityId, actions.category().id())) {
            throw new InvalidInput("actions.categoryId is not a category of this entity");
        }
        if (actions.assignee() != null && actions.assignee().id() != null
                && !assignees.canHoldTickets(entityId, actions.assignee().id())) {
            throw new InvalidInput("actions.assignedTo must be \"me\" or an agent, admin or owner of this entity");
        }
        if (actions.reply() != null && actions.reply().cannedReplyId() != null) {
            try {
                canned.shared(entityId, actions.reply().cannedReplyId());
            } catch (NotFound e) {
                throw new InvalidInput("actions.reply.cannedReplyId must be a shared canned reply of this entity");
            }
        }
    }

    private static String title(String value) {
        return JsonInput.text(value, "title", Macro.MAX_TITLE);
    }
}
