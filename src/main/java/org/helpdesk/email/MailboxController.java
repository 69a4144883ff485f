package org.helpdesk.email;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.Emails;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.Times;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Mailbox settings (admins and owners, signed in): API.md §6. Passwords go in, never out. */
@RestController
class MailboxController {
    static final int DEFAULT_POLL_SECONDS = 60;

    private final Mailboxes mailboxes;
    private final PasswordBox passwords;
    private final MailConnections connections;
    private final Clock clock;

    MailboxController(Mailboxes mailboxes, PasswordBox passwords, MailConnections connections, Clock clock) {
        this.mailboxes = mailboxes;
        this.passwords = passwords;
        this.connections = connections;
        this.clock = clock;
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
        tenant.requireAdmin();
        return mailboxes.list(tenant.entityId()).stream().map(MailboxView::of).toList();
    }

    @PostMapping("/api/settings/mailboxes")
    ResponseEntity<MailboxView> create(Tenant tenant, @RequestBody JsonNode body) {
        tenant.requireAdmin();
        JsonInput in = JsonInput.of(body);
        if (!passwords.available()) {
            throw new MailboxesOff();
        }
        String address = Emails.normalize(in.requiredString("address"), "address");
        Security imapSecurity = security(in, "imapSecurity", Security.TLS);
        Security smtpSecurity = security(in, "smtpSecurity", Security.STARTTLS);
        String imapUsername = optionalText(in, "imapUsername", 320, address);
        String imapPassword = password(in.requiredString("imapPassword"), "imapPassword");
        String smtpPassword = in.string("smtpPassword") == null ? imapPassword
                : password(in.string("smtpPassword"), "smtpPassword");
        Mailbox mailbox = new Mailbox(tenant.entityId(), Ids.newId(),
                JsonInput.text(in.requiredString("name"), "name", 255), address,
                new Mailbox.Server(host(in.requiredString("imapHost"), "imapHost"),
                        port(body, "imapPort", imapSecurity.defaultImapPort()), imapSecurity, imapUsername,
                        passwords.seal(imapPassword)),
                new Mailbox.Server(host(in.requiredString("smtpHost"), "smtpHost"),
                        port(body, "smtpPort", smtpSecurity.defaultSmtpPort()), smtpSecurity,
                        optionalText(in, "smtpUsername", 320, imapUsername), passwords.seal(smtpPassword)),
                pollSeconds(body, DEFAULT_POLL_SECONDS), enabled(in, true), null, null, Times.now(clock));
        if (mailboxes.addressTaken(address, mailbox.id())) {
            throw addressTaken(address);
        }
        try {
            mailboxes.insert(mailbox);
        } catch (DuplicateKeyException e) {
            throw addressTaken(address);
        }
        return ResponseEntity.created(URI.create("/api/settings/mailboxes/" + mailbox.id()))
                .body(MailboxView.of(mailbox));
    }

    @PatchMapping("/api/settings/mailboxes/{id}")
    MailboxView change(Tenant tenant, @PathVariable String id, @RequestBody JsonNode body) {
        tenant.requireAdmin();
        JsonInput in = JsonInput.of(body);
        Mailbox old = mailboxes.find(tenant.entityId(), Ids.parse(id, "id"))
                .orElseThrow(MailboxController::notFound);
        for (String field : List.of("name", "address", "imapHost", "imapPort", "imapSecurity", "imapUsername",
                "imapPassword", "smtpHost", "smtpPort", "smtpSecurity", "smtpUsername", "smtpPassword",
                "pollSeconds", "enabled")) {
            if (in.isNull(field)) {
                throw new InvalidInput(field + " cannot be cleared");
            }
        }
        if ((in.has("imapPassword") || in.has("smtpPassword")) && !passwords.available()) {
            throw new MailboxesOff();
        }
        Mailbox.Server imap = old.imap();
        Mailbox.Server smtp = old.smtp();
        String address = in.has("address") ? Emails.normalize(in.string("address"), "address") : old.address();
        imap = new Mailbox.Server(
                in.has("imapHost") ? host(in.string("imapHost"), "imapHost") : imap.host(),
                port(body, "imapPort", imap.port()), security(in, "imapSecurity", imap.security()),
                optionalText(in, "imapUsername", 320, imap.username()),
                in.has("imapPassword") ? passwords.seal(password(in.string("imapPassword"), "imapPassword"))
                        : imap.sealedPassword());
        smtp = new Mailbox.Server(
                in.has("smtpHost") ? host(in.string("smtpHost"), "smtpHost") : smtp.host(),
                port(body, "smtpPort", smtp.port()), security(in, "smtpSecurity", smtp.security()),
                optionalText(in, "smtpUsername", 320, smtp.username()),
                in.has("smtpPassword") ? passwords.seal(password(in.string("smtpPassword"), "smtpPassword"))
                        : smtp.sealedPassword());
        Mailbox changed = new Mailbox(old.entityId(), old.id(),
                in.has("name") ? JsonInput.text(in.string("name"), "name", 255) : old.name(), address, imap, smtp,
                pollSeconds(body, old.pollSeconds()), enabled(in, old.enabled()), old.lastPolledAt(),
                old.lastError(), old.createdAt());
        if (!address.equalsIgnoreCase(old.address()) && mailboxes.addressTaken(address, old.id())) {
            throw addressTaken(address);
        }
        try {
            mailboxes.update(changed, Times.now(clock));
        } catch (DuplicateKeyException e) {
            throw addressTaken(address);
        }
        return MailboxView.of(changed);
    }

    @DeleteMapping("/api/settings/mailboxes/{id}")
    ResponseEntity<Void> delete(Tenant tenant, @PathVariable String id) {
        tenant.requireAdmin();
        if (!mailboxes.delete(tenant.entityId(), Ids.parse(id, "id"))) {
            throw notFound();
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/settings/mailboxes/{id}/test")
    TestResult test(Tenant tenant, @PathVariable String id) {
        tenant.requireAdmin();
        Mailbox mailbox = mailboxes.find(tenant.entityId(), Ids.parse(id, "id"))
                .orElseThrow(MailboxController::notFound);
        return new TestResult(Check.of(connections.testImap(mailbox)), Check.of(connections.testSmtp(mailbox)));
    }

    private static NotFound notFound() {
        return new NotFound("No such mailbox in this entity");
    }

    private static Conflict addressTaken(String address) {
        return new Conflict(address + " is already the address of a mailbox");
    }

    private static Security security(JsonInput in, String field, Security fallback) {
        String value = in.string(field);
        return value == null ? fallback : Security.parse(value, field);
    }

    private static String host(String value, String field) {
        String host = JsonInput.text(value, field, 255);
        if (!host.matches("[A-Za-z0-9._:\\[\\]-]+")) {
            throw new InvalidInput(field + " must be a host name or IP address");
        }
        return host;
    }

    private static String optionalText(JsonInput in, String field, int max, String fallback) {
        String value = in.string(field);
        return value == null ? fallback : JsonInput.text(value, field, max);
    }

    private static String password(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInput(field + " must not be empty");
        }
        if (value.length() > 500) {
            throw new InvalidInput(field + " must be at most 500 characters");
        }
        return value;
    }

    private static boolean enabled(JsonInput in, boolean fallback) {
        Boolean value = in.bool("enabled");
        return value == null ? fallback : value;
    }

    private static int port(JsonNode body, String field, int fallback) {
        return integer(body, field, 1, 65535, fallback);
    }

    private static int pollSeconds(JsonNode body, int fallback) {
        return integer(body, "pollSeconds", 5, 3600, fallback);
    }

    private static int integer(JsonNode body, String field, int min, int max, int fallback) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min
                || value.intValue() > max) {
            throw new InvalidInput(field + " must be a whole number from " + min + " to " + max);
        }
        return value.intValue();
    }
}
