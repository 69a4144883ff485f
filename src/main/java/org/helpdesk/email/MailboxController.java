package org.helpdesk.email;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Mailbox settings over HTTP (admins and owners, signed in): API.md §6, and the suspended mail of each mailbox
 * (issue 28). A thin adapter: it checks the caller's role,
 * parses the JSON into commands for {@link MailboxManagement} and renders the result. Passwords go in, never out.
 */
@RestController
class MailboxController {
    private final MailboxManagement management;

    MailboxController(MailboxManagement management) {
        this.management = management;
    }

    @JsonPropertyOrder({"id", "entityId", "name", "address", "imapHost", "imapPort", "imapSecurity", "imapUsername",
            "smtpHost", "smtpPort", "smtpSecurity", "smtpUsername", "pollSeconds", "enabled", "lastPolledAt",
            "lastError", "createdAt"})
    record MailboxView(UUID id, UUID entityId, String name, String address, String imapHost, int imapPort,
                       Security imapSecurity, String imapUsername, String smtpHost, int smtpPort,
                       Security smtpSecurity, String smtpUsername, int pollSeconds, boolean enabled,
                       Instant lastPolledAt, String lastError, Instant createdAt) {
        static MailboxView of(Mailbox m) {
            return new MailboxView(m.id(), m.entityId(), m.name(), m.address(), m.imap().host(), m.imap().port(),
                    m.imap().security(), m.imap().username(), m.smtp().host(), m.smtp().port(), m.smtp().security(),
                    m.smtp().username(), m.pollSeconds(), m.enabled(), m.lastPolledAt(), m.lastError(),
                    m.createdAt());
        }
    }

    record Check(boolean ok, String error) {
        static Check of(String error) {
            return new Check(error == null, error);
        }
    }

    record TestResult(Check imap, Check smtp) {
    }

    @GetMapping("/api/settings/mailboxes")
    List<MailboxView> list(Tenant tenant) {
        return management.list(admin(tenant)).stream().map(MailboxView::of).toList();
    }

    @PostMapping("/api/settings/mailboxes")
    ResponseEntity<MailboxView> create(Tenant tenant, @RequestBody JsonNode body) {
        MailboxManagement.Admin admin = admin(tenant);
        JsonInput in = JsonInput.of(body);
        Mailbox mailbox = management.create(admin, new MailboxManagement.NewMailbox(in.requiredString("name"),
                in.requiredString("address"),
                new MailboxManagement.NewServer(in.requiredString("imapHost"), integer(body, "imapPort", 1, 65535),
                        security(in, "imapSecurity"), in.string("imapUsername"), in.requiredString("imapPassword")),
                new MailboxManagement.NewServer(in.requiredString("smtpHost"), integer(body, "smtpPort", 1, 65535),
                        security(in, "smtpSecurity"), in.string("smtpUsername"), in.string("smtpPassword")),
                integer(body, "pollSeconds", 5, 3600), in.bool("enabled")));
        return ResponseEntity.created(URI.create("/api/settings/mailboxes/" + mailbox.id()))
                .body(MailboxView.of(mailbox));
    }

    @PatchMapping("/api/settings/mailboxes/{id}")
    MailboxView change(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        MailboxManagement.Admin admin = admin(tenant);
        JsonInput in = JsonInput.of(body);
        UUID mailboxId = Ids.parse(id, "id");
        for (String field : List.of("name", "address", "imapHost", "imapPort", "imapSecurity", "imapUsername",
                "imapPassword", "smtpHost", "smtpPort", "smtpSecurity", "smtpUsername", "smtpPassword",
                "pollSeconds", "enabled")) {
            if (in.isNull(field)) {
                throw new InvalidInput(field + " cannot be cleared");
            }
        }
        return MailboxView.of(management.change(admin, mailboxId, new MailboxManagement.MailboxChange(
                in.string("name"), in.string("address"),
                new MailboxManagement.ServerChange(in.string("imapHost"), integer(body, "imapPort", 1, 65535),
                        security(in, "imapSecurity"), in.string("imapUsername"), in.string("imapPassword")),
                new MailboxManagement.ServerChange(in.string("smtpHost"), integer(body, "smtpPort", 1, 65535),
                        security(in, "smtpSecurity"), in.string("smtpUsername"), in.string("smtpPassword")),
                integer(body, "pollSeconds", 5, 3600), in.bool("enabled"))));
    }

    @DeleteMapping("/api/settings/mailboxes/{id}")
    ResponseEntity<Void> delete(Tenant tenant, @PathVariable String id) {
        management.delete(admin(tenant), Ids.parse(id, "id"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/settings/mailboxes/{id}/test")
    TestResult test(Tenant tenant, @PathVariable String id) {
        MailboxManagement.TestResult result = management.test(admin(tenant), Ids.parse(id, "id"));
        return new TestResult(Check.of(result.imapError()), Check.of(result.smtpError()));
    }

    @JsonPropertyOrder({"id", "mailboxId", "receivedAt", "fromAddress", "subject", "reason", "reasonText",
            "expiresAt"})
    record SuspendedView(UUID id, UUID mailboxId, Instant receivedAt, String fromAddress, String subject,
                         String reason, String reasonText, Instant expiresAt) {
        static SuspendedView of(SuspendedMail m) {
            return new SuspendedView(m.id(), m.mailboxId(), m.receivedAt(), m.fromAddress(), m.subject(),
                    m.reason().wire(), m.reasonText(), m.expiresAt());
        }
    }

    @JsonPropertyOrder({"ticketId", "ticketNumber", "messageId"})
    record ReleasedView(UUID ticketId, String ticketNumber, UUID messageId) {
    }

    @GetMapping("/api/settings/mailboxes/{id}/suspended")
    List<SuspendedView> suspended(Tenant tenant, @PathVariable String id) {
        return management.suspended(admin(tenant), Ids.parse(id, "id")).stream().map(SuspendedView::of).toList();
    }

    @PostMapping("/api/settings/mailboxes/{id}/suspended/{suspendedId}/release")
    ReleasedView release(Tenant tenant, @PathVariable String id, @PathVariable String suspendedId) {
        MailboxManagement.Released released = management.release(admin(tenant), Ids.parse(id, "id"),
                Ids.parse(suspendedId, "suspendedId"));
        return new ReleasedView(released.ticketId(), released.ticketNumber(), released.messageId());
    }

    @DeleteMapping("/api/settings/mailboxes/{id}/suspended/{suspendedId}")
    ResponseEntity<Void> deleteSuspended(Tenant tenant, @PathVariable String id, @PathVariable String suspendedId) {
        management.deleteSuspended(admin(tenant), Ids.parse(id, "id"), Ids.parse(suspendedId, "suspendedId"));
        return ResponseEntity.noContent().build();
    }

    static MailboxManagement.Admin admin(Tenant tenant) {
        tenant.requireAdmin();
        return new MailboxManagement.Admin(tenant.entityId(), tenant.userId());
    }

    private static Security security(JsonInput in, String field) {
        String value = in.string(field);
        return value == null ? null : Security.parse(value, field);
    }

    /** A whole number in range, {@code null} when absent; a string or fraction is 400 (no coercion). */
    private static Integer integer(JsonNode body, String field, int min, int max) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                || value.intValue() > max) {
            throw new InvalidInput(field + " must be a whole number from " + min + " to " + max);
        }
        return value.intValue();
    }
}
