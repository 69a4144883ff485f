package org.helpdesk.ticket;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Emails;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The tickets API: list, create, get with messages, merge-patch, add message. */
@RestController
@RequestMapping("/api/helpdesk/tickets")
class TicketController {
    static final int MAX_SUBJECT = 255;
    static final int MAX_TEXT = 100_000;
    static final int MAX_NAME = 255;

    private final TicketService service;
    private final Idempotency idempotency;

    TicketController(TicketService service, Idempotency idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GetMapping
    ResponseEntity<List<Ticket>> list(Tenant tenant, @RequestParam MultiValueMap<String, String> params) {
        TicketQuery query = TicketQuery.parse(tenant.requireRead().entityId(), params);
        List<Ticket> rows = service.list(query, query.limit() + 1);
        if (rows.size() <= query.limit()) {
            return ResponseEntity.ok(rows);
        }
        List<Ticket> page = rows.subList(0, query.limit());
        String next = ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("cursor", query.encode(page.get(page.size() - 1)))
                .build().toUriString();
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(page);
    }

    @PostMapping
    ResponseEntity<?> create(Tenant tenant, @RequestBody JsonNode body,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
                             HttpServletRequest request) {
        tenant.requireWrite();
        TicketFields fields = newTicket(JsonInput.of(body), tenant.viaApiKey() ? Channel.API : Channel.WEB);
        return idempotency.create(tenant.entityId(), idempotencyKey, request, () -> {
            Ticket ticket = service.create(tenant, fields);
            return new Idempotency.Created(ticket, URI.create("/api/helpdesk/tickets/" + ticket.id()));
        });
    }

    /** A ticket with its conversation: the ticket's fields, then {@code messages}. */
    record TicketWithMessages(@JsonUnwrapped Ticket ticket, List<Message> messages) {
    }

    @GetMapping("/{id}")
    TicketWithMessages get(Tenant tenant, @PathVariable String id) {
        tenant.requireRead();
        Ticket ticket = service.get(tenant, Ids.parse(id, "id"));
        return new TicketWithMessages(ticket, service.messages(tenant, ticket.id()));
    }

    @PatchMapping("/{id}")
    Ticket update(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        tenant.requireWrite();
        UUID ticketId = Ids.parse(id, "id");
        JsonInput in = JsonInput.of(body);
        // Validate the whole patch before touching the ticket, so bad input changes nothing.
        Patch patch = Patch.read(in);
        return service.update(tenant, ticketId, patch::applyTo);
    }

    @PostMapping("/{id}/messages")
    ResponseEntity<?> addMessage(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body,
                                 @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey,
                                 HttpServletRequest request) {
        tenant.requireWrite();
        UUID ticketId = Ids.parse(id, "id");
        TicketService.NewMessage message = newMessage(JsonInput.of(body), tenant);
        return idempotency.create(tenant.entityId(), idempotencyKey, request, () -> {
            Message created = service.addMessage(tenant, ticketId, message);
            return new Idempotency.Created(created,
                    URI.create("/api/helpdesk/tickets/" + ticketId + "/messages/" + created.id()));
        });
    }

    private static TicketFields newTicket(JsonInput in, Channel defaultChannel) {
        String subject = JsonInput.text(in.requiredString("subject"), "subject", MAX_SUBJECT);
        String status = in.string("status");
        String priority = in.string("priority");
        String channel = in.string("channel");
        return new TicketFields(subject, checkedDescription(in.string("description")),
                status == null ? TicketStatus.NEW : TicketStatus.parse(status, "status"),
                priority == null ? Priority.NORMAL : Priority.parse(priority, "priority"),
                channel == null ? defaultChannel : Channel.parse(channel, "channel"),
                checkedContactEmail(in.string("contactEmail")),
                JsonInput.optionalText(in.string("contactName"), "contactName", MAX_NAME),
                in.uuid("categoryId"), in.uuid("assignedTo"));
    }

    /** Message author: a person signed in is always an agent; a key says who wrote it. */
    private static TicketService.NewMessage newMessage(JsonInput in, Tenant tenant) {
        String body = in.requiredString("body");
        if (body.isBlank()) {
            throw new InvalidInput("body must not be empty");
        }
        if (body.length() > MAX_TEXT) {
            throw new InvalidInput("body must be at most " + MAX_TEXT + " characters");
        }
        Boolean internal = in.bool("isInternal");
        AuthorType type = AuthorType.AGENT;
        String authorName = null;
        if (tenant.viaApiKey()) {
            String requested = in.string("authorType");
            type = requested == null ? AuthorType.AGENT : AuthorType.parse(requested, "authorType");
            authorName = JsonInput.optionalText(in.string("authorName"), "authorName", MAX_NAME);
        }
        boolean isInternal = internal != null && internal;
        if (isInternal && type == AuthorType.CONTACT) {
            throw new InvalidInput("A contact message cannot be internal");
        }
        return new TicketService.NewMessage(body, isInternal, type, authorName);
    }

    private static String checkedDescription(String value) {
        if (value != null && value.length() > MAX_TEXT) {
            throw new InvalidInput("description must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }

    private static String checkedContactEmail(String value) {
        return value == null ? null : Emails.normalize(value, "contactEmail");
    }

    /**
     * A validated merge-patch: absent fields stay, {@code null} clears the clearable ones
     * (description, contactEmail, contactName, categoryId, assignedTo).
     */
    private record Patch(JsonInput in, String subject, TicketStatus status, Priority priority, Channel channel,
                         String description, String contactEmail, String contactName, UUID categoryId,
                         UUID assignedTo) {

        static Patch read(JsonInput in) {
            for (String required : List.of("subject", "status", "priority", "channel")) {
                if (in.isNull(required)) {
                    throw new InvalidInput(required + " cannot be null");
                }
            }
            String subject = in.has("subject") ? JsonInput.text(in.requiredString("subject"), "subject", MAX_SUBJECT) : null;
            TicketStatus status = in.has("status") ? TicketStatus.parse(in.requiredString("status"), "status") : null;
            Priority priority = in.has("priority") ? Priority.parse(in.requiredString("priority"), "priority") : null;
            Channel channel = in.has("channel") ? Channel.parse(in.requiredString("channel"), "channel") : null;
            return new Patch(in, subject, status, priority, channel, checkedDescription(in.string("description")),
                    checkedContactEmail(in.string("contactEmail")),
                    JsonInput.optionalText(in.string("contactName"), "contactName", MAX_NAME),
                    in.uuid("categoryId"), in.uuid("assignedTo"));
        }

        TicketFields applyTo(TicketFields f) {
            return new TicketFields(
                    subject != null ? subject : f.subject(),
                    in.has("description") ? description : f.description(),
                    status != null ? status : f.status(),
                    priority != null ? priority : f.priority(),
                    channel != null ? channel : f.channel(),
                    in.has("contactEmail") ? contactEmail : f.contactEmail(),
                    in.has("contactName") ? contactName : f.contactName(),
                    in.has("categoryId") ? categoryId : f.categoryId(),
                    in.has("assignedTo") ? assignedTo : f.assignedTo());
        }
    }
}
