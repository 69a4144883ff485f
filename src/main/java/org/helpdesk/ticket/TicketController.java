package org.helpdesk.ticket;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.servlet.http.HttpServletRequest;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.common.PageResponses;
import org.helpdesk.common.Paging;
import org.helpdesk.ticket.web.Idempotency;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The tickets API: list, create, get with messages, merge-patch, add message, history. HTTP only: the rules
 * live in the commands and {@link TicketManagement}. */
@RestController
@RequestMapping("/api/helpdesk/tickets")
class TicketController {
    private final TicketManagement tickets;
    private final Idempotency idempotency;
    private final TicketAttachments attachments;

    TicketController(TicketManagement tickets, Idempotency idempotency, TicketAttachments attachments) {
        this.tickets = tickets;
        this.idempotency = idempotency;
        this.attachments = attachments;
    }

    @GetMapping
    ResponseEntity<List<Ticket>> list(Tenant tenant, @RequestParam MultiValueMap<String, String> params) {
        TicketQuery query = TicketQuery.parse(tenant.requireRead().entityId(), params);
        TicketPage page = tickets.list(query);
        return PageResponses.withNext(page.items(), page.nextCursor());
    }

    @PostMapping
    ResponseEntity<?> create(Tenant tenant, @RequestBody JsonNode body,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
                             HttpServletRequest request) {
        Actor actor = TenantActor.of(tenant.requireWrite());
        NewTicket command = newTicket(JsonInput.of(body));
        List<UUID> files = uploads(JsonInput.of(body));
        return idempotency.create(tenant.entityId(), idempotencyKey, request, () -> {
            Ticket ticket = attachments.create(actor, command, files);
            return new Idempotency.Created(ticket, URI.create("/api/helpdesk/tickets/" + ticket.id()));
        });
    }

    /** A ticket with its conversation: the ticket's fields, the files of its description, then {@code messages}. */
    record TicketWithMessages(@JsonUnwrapped Ticket ticket, List<AttachedFile> attachments,
                              List<MessageWithFiles> messages) {
    }

    /** A message with its files (API §8: {@code []} when it has none). */
    record MessageWithFiles(@JsonUnwrapped Message message, List<AttachedFile> attachments) {
    }

    @GetMapping("/{id}")
    TicketWithMessages get(Tenant tenant, @PathVariable String id) {
        tenant.requireRead();
        Ticket ticket = tickets.get(tenant.entityId(), Ids.parse(id, "id"));
        List<AttachedFile> files = attachments.files(tenant.entityId(), ticket.id());
        Map<UUID, List<AttachedFile>> byMessage = TicketAttachments.byMessage(files);
        return new TicketWithMessages(ticket, TicketAttachments.ofDescription(files),
                tickets.messages(tenant.entityId(), ticket.id()).stream()
                        .map(m -> new MessageWithFiles(m, byMessage.getOrDefault(m.id(), List.of()))).toList());
    }

    @PatchMapping("/{id}")
    Ticket update(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        Actor actor = TenantActor.of(tenant.requireWrite());
        UUID ticketId = Ids.parse(id, "id");
        // The whole patch is validated before the ticket is touched, so bad input changes nothing.
        return tickets.change(actor, ticketId, change(JsonInput.of(body)));
    }

    @PostMapping("/{id}/messages")
    ResponseEntity<?> addMessage(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body,
                                 @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
                                 HttpServletRequest request) {
        tenant.requireWrite();
        UUID ticketId = Ids.parse(id, "id");
        JsonInput in = JsonInput.of(body);
        Actor author = author(tenant, in);
        Boolean internal = in.bool("isInternal");
        NewMessage command = new NewMessage(in.requiredString("body"), internal != null && internal);
        List<UUID> files = uploads(in);
        return idempotency.create(tenant.entityId(), idempotencyKey, request, () -> {
            Message created = attachments.addMessage(author, ticketId, command, files);
            return new Idempotency.Created(new MessageWithFiles(created, files.isEmpty() ? List.of()
                    : TicketAttachments.byMessage(attachments.files(tenant.entityId(), ticketId))
                            .getOrDefault(created.id(), List.of())),
                    URI.create("/api/helpdesk/tickets/" + ticketId + "/messages/" + created.id()));
        });
    }

    /** A history entry as the API shows it (§5): the entity is the caller's own, so it is left out. */
    @JsonPropertyOrder({"id", "ticketId", "type", "actorType", "actorId", "actorName", "changes", "messageId",
            "createdAt"})
    record EventView(UUID id, UUID ticketId, EventType type, AuthorType actorType, UUID actorId, String actorName,
                     Map<String, FieldChange> changes, UUID messageId, Instant createdAt) {
        static EventView of(TicketEvent e) {
            return new EventView(e.id(), e.ticketId(), e.type(), e.actorType(), e.actorId(), e.actorName(),
                    e.changes(), e.messageId(), e.createdAt());
        }
    }

    @GetMapping("/{id}/events")
    ResponseEntity<List<EventView>> history(Tenant tenant, @PathVariable String id,
                                            @RequestParam MultiValueMap<String, String> params) {
        tenant.requireRead();
        UUID ticketId = Ids.parse(id, "id");
        int limit = limit(params.getFirst("limit"));
        String cursor = params.getFirst("cursor");
        EventPage page = tickets.history(tenant.entityId(), ticketId, limit,
                Paging.cursor(cursor));
        return PageResponses.withNext(page.items().stream().map(EventView::of).toList(), page.nextCursor());
    }

    private static int limit(String value) {
        return Paging.limit(value, TicketManagement.DEFAULT_HISTORY_LIMIT, TicketManagement.MAX_HISTORY_LIMIT);
    }


    /** Message author: a person signed in is always an agent; a key says who wrote it (§3). */
    private static Actor author(Tenant tenant, JsonInput in) {
        if (!tenant.viaApiKey()) {
            return TenantActor.of(tenant);
        }
        String requested = in.string("authorType");
        AuthorType type = requested == null ? AuthorType.AGENT : AuthorType.parse(requested, "authorType");
        String name = TextRules.name(in.string("authorName"), "authorName");
        return switch (type) {
            case AGENT -> TenantActor.of(tenant).named(name);
            case CONTACT -> Actor.contact(tenant.entityId(), name, Channel.API);
            case SYSTEM -> Actor.system(tenant.entityId(), name);
        };
    }

    /** {@code attachments}: the ids of uploads to attach (API §8), at most {@value TicketAttachments#MAX_FILES}. */
    private static List<UUID> uploads(JsonInput in) {
        List<String> ids = in.stringList("attachments");
        if (ids == null) {
            return List.of();
        }
        if (ids.size() > TicketAttachments.MAX_FILES) {
            throw new InvalidInput("attachments may list at most " + TicketAttachments.MAX_FILES + " upload ids");
        }
        return ids.stream().map(v -> Ids.parse(v, "attachments")).toList();
    }

    private static NewTicket newTicket(JsonInput in) {
        String status = in.string("status");
        String priority = in.string("priority");
        String channel = in.string("channel");
        return new NewTicket(in.requiredString("subject"), in.string("description"),
                status == null ? null : TicketStatus.parse(status, "status"),
                priority == null ? null : Priority.parse(priority, "priority"),
                channel == null ? null : Channel.parse(channel, "channel"),
                in.string("contactEmail"), in.string("contactName"), in.uuid("categoryId"), in.uuid("assignedTo"),
                in.uuid("contactId"), in.has("tags") ? tags(in) : List.of());
    }

    /** {@code tags}: an array of strings; {@code null} is refused ({@code []} removes every tag). */
    private static List<String> tags(JsonInput in) {
        List<String> tags = in.stringList("tags");
        if (tags == null) {
            throw new InvalidInput("tags must be an array of tags; send [] to remove every tag");
        }
        return tags;
    }

    /** A JSON merge-patch as a {@link TicketChange}: absent stays, {@code null} clears the clearable fields. */
    private static TicketChange change(JsonInput in) {
        for (String required : List.of("subject", "status", "priority", "channel")) {
            if (in.isNull(required)) {
                throw new InvalidInput(required + " cannot be null");
            }
        }
        TicketChange change = TicketChange.none();
        if (in.has("subject")) {
            change = change.subject(in.requiredString("subject"));
        }
        if (in.has("description")) {
            change = change.description(in.string("description"));
        }
        if (in.has("status")) {
            change = change.status(TicketStatus.parse(in.requiredString("status"), "status"));
        }
        if (in.has("priority")) {
            change = change.priority(Priority.parse(in.requiredString("priority"), "priority"));
        }
        if (in.has("channel")) {
            change = change.channel(Channel.parse(in.requiredString("channel"), "channel"));
        }
        if (in.has("contactEmail")) {
            change = change.contactEmail(in.string("contactEmail"));
        }
        if (in.has("contactName")) {
            change = change.contactName(in.string("contactName"));
        }
        if (in.has("categoryId")) {
            change = change.categoryId(in.uuid("categoryId"));
        }
        if (in.has("assignedTo")) {
            change = change.assignedTo(in.uuid("assignedTo"));
        }
        if (in.has("contactId")) {
            change = change.contactId(in.uuid("contactId"));
        }
        if (in.has("tags")) {
            change = change.tags(tags(in));
        }
        return change;
    }
}
