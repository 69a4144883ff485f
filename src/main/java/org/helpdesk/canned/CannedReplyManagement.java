package org.helpdesk.canned;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.common.Forbidden;
import org.helpdesk.common.Ids;
import org.helpdesk.common.Times;
import org.helpdesk.entity.Membership;
import org.helpdesk.entity.Memberships;
import org.helpdesk.ticket.Actor;
import org.helpdesk.ticket.Ticket;
import org.helpdesk.ticket.TicketManagement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The canned reply use cases, for the API, the pages and the macros. A member sees the entity's shared replies
 * and their own personal ones; anything else is {@link CannedReplyNotFound}, exactly like an unknown id. Shared
 * replies are written only by a {@link Writer} that may share (admins and owners).
 */
@Service
public class CannedReplyManagement {
    private final CannedReplies replies;
    private final TicketManagement tickets;
    private final Memberships memberships;
    private final Clock clock;

    CannedReplyManagement(CannedReplies replies, TicketManagement tickets, Memberships memberships, Clock clock) {
        this.replies = replies;
        this.tickets = tickets;
        this.memberships = memberships;
        this.clock = clock;
    }

    /** The replies the writer sees, by title. */
    public List<CannedReply> list(Writer who) {
        return replies.visible(who.entityId(), who.userId());
    }

    public CannedReply get(Writer who, UUID id) {
        return replies.findVisible(who.entityId(), who.userId(), id).orElseThrow(CannedReplyNotFound::new);
    }

    @Transactional
    public CannedReply create(Writer who, CannedReplyDraft draft) {
        requireMayWrite(who, draft.shared());
        Instant now = Times.now(clock);
        CannedReply reply = new CannedReply(Ids.newId(), who.entityId(), draft.title(), draft.body(), draft.shared(),
                who.userId(), now, now);
        replies.insert(reply);
        return reply;
    }

    /** A merge-patch: {@code null} leaves the field as it is. */
    @Transactional
    public CannedReply update(Writer who, UUID id, String title, String body, Boolean shared) {
        CannedReply current = get(who, id);
        CannedReplyDraft draft = new CannedReplyDraft(title == null ? current.title() : title,
                body == null ? current.body() : body, shared == null ? current.shared() : shared);
        requireMayWrite(who, current.shared() || draft.shared());
        if (draft.title().equals(current.title()) && draft.body().equals(current.body())
                && draft.shared() == current.shared()) {
            return current;
        }
        CannedReply changed = new CannedReply(current.id(), current.entityId(), draft.title(), draft.body(),
                draft.shared(), current.createdBy(), current.createdAt(), Times.now(clock));
        replies.update(changed);
        return changed;
    }

    @Transactional
    public void delete(Writer who, UUID id) {
        CannedReply current = get(who, id);
        requireMayWrite(who, current.shared());
        replies.delete(who.entityId(), id);
    }

    /** The reply's body with the variables filled from the ticket and the agent (API §10). */
    public String render(Actor agent, UUID ticketId, UUID cannedReplyId) {
        Ticket ticket = tickets.get(agent.entityId(), ticketId);
        CannedReply reply = get(new Writer(agent.entityId(), agent.userId(), false), cannedReplyId);
        return fill(reply.body(), ticket, agent);
    }

    /** A shared reply of the entity (macros may use only those: every member applies them). */
    public CannedReply shared(UUID entityId, UUID id) {
        return replies.findShared(entityId, id).orElseThrow(CannedReplyNotFound::new);
    }

    /** Any text in the variable language, filled from the ticket and the agent (a macro's reply body). */
    public String fill(String body, Ticket ticket, Actor agent) {
        Map<String, String> values = new HashMap<>();
        values.put("ticket.number", ticket.ticketNumber());
        values.put("ticket.subject", ticket.subject());
        values.put("contact.name", ticket.contactName());
        values.put("contact.firstName", Template.firstName(ticket.contactName()));
        values.put("contact.email", ticket.contactEmail());
        values.put("agent.name", agent.name());
        values.put("agent.firstName", Template.firstName(agent.name()));
        values.put("entity.name", entityName(agent));
        return Template.parse(body, "body").render(values);
    }

    private String entityName(Actor agent) {
        if (agent.userId() == null) {
            return null;
        }
        return memberships.of(agent.userId()).stream()
                .filter(m -> m.entityId().equals(agent.entityId())).map(Membership::entityName)
                .findFirst().orElse(null);
    }

    private static void requireMayWrite(Writer who, boolean shared) {
        if (shared && !who.mayShare()) {
            throw new Forbidden("Only admins and owners may write shared canned replies; agents write personal ones");
        }
    }
}
