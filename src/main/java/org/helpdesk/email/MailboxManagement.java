package org.helpdesk.email;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.helpdesk.common.Conflict;
import org.helpdesk.common.Emails;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.common.OutboundTargets;
import org.helpdesk.common.Times;
import org.helpdesk.ticket.TicketNumber;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mailbox settings use cases (API.md §6): an entity's administrator lists, creates, changes, removes and tests
 * its mailboxes. Every rule about a mailbox is checked here, whoever calls: hosts must not point into the server's
 * network ({@link OutboundTargets}), a stored password never follows a new server, an address belongs to one
 * mailbox of the installation, an entity has at most {@value #MAX_PER_ENTITY} mailboxes.
 */
@Service
public class MailboxManagement {
    public static final int DEFAULT_POLL_SECONDS = 60;
    public static final int MAX_PER_ENTITY = 10;
    /** The most suspended mails one list shows (newest first); older ones expire by themselves. */
    public static final int SUSPENDED_LIST_LIMIT = 500;

    /** Who manages the mailboxes: an administrator (admin or owner, signed in) of the entity. */
    public record Admin(UUID entityId, UUID userId) {
        public Admin {
            Objects.requireNonNull(entityId, "entityId");
        }
    }

    /** One server of a new mailbox; {@code null} fields take defaults (port from security, username the address). */
    public record NewServer(String host, Integer port, Security security, String username, String password) {
    }

    public record NewMailbox(String name, String address, NewServer imap, NewServer smtp, Integer pollSeconds,
                      Boolean enabled) {
        public NewMailbox {
            name = JsonInput.text(required(name, "name"), "name", 255);
            address = Emails.normalize(required(address, "address"), "address");
            Objects.requireNonNull(imap, "imap");
            Objects.requireNonNull(smtp, "smtp");
            checkPollSeconds(pollSeconds);
        }
    }

    /** A merge-patch of one server: {@code null} = unchanged. */
    public record ServerChange(String host, Integer port, Security security, String username, String password) {
        boolean movesServer(Mailbox.Server old) {
            return host != null && !host.equalsIgnoreCase(old.host()) || port != null && port != old.port()
                    || security != null && security != old.security()
                    || username != null && !username.equals(old.username());
        }
    }

    /** A merge-patch of a mailbox: {@code null} = unchanged (clearing is refused by the caller's parser). */
    public record MailboxChange(String name, String address, ServerChange imap, ServerChange smtp, Integer pollSeconds,
                         Boolean enabled) {
        public MailboxChange {
            name = name == null ? null : JsonInput.text(name, "name", 255);
            address = address == null ? null : Emails.normalize(address, "address");
            Objects.requireNonNull(imap, "imap");
            Objects.requireNonNull(smtp, "smtp");
            checkPollSeconds(pollSeconds);
        }
    }

    public record TestResult(String imapError, String smtpError) {
    }

    /** What a released mail became: its ticket and, when it was added to an existing ticket, the message. */
    public record Released(UUID ticketId, String ticketNumber, UUID messageId) {
    }

    private final Mailboxes mailboxes;
    private final PasswordBox passwords;
    private final MailConnections connections;
    private final MailSettings settings;
    private final SuspendedMails suspended;
    private final MailImporter importer;
    private final TransactionTemplate tx;
    private final Clock clock;

    MailboxManagement(Mailboxes mailboxes, PasswordBox passwords, MailConnections connections, MailSettings settings,
                      SuspendedMails suspended, MailImporter importer, TransactionTemplate tx, Clock clock) {
        this.mailboxes = mailboxes;
        this.suspended = suspended;
        this.importer = importer;
        this.passwords = passwords;
        this.connections = connections;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    public List<Mailbox> list(Admin admin) {
        return mailboxes.list(admin.entityId());
    }

    public Mailbox create(Admin admin, NewMailbox command) {
        if (!passwords.available()) {
            throw new MailboxesOff();
        }
        NewServer in = command.imap();
        NewServer out = command.smtp();
        Security imapSecurity = in.security() == null ? Security.TLS : in.security();
        Security smtpSecurity = out.security() == null ? Security.STARTTLS : out.security();
        String imapUsername = in.username() == null ? command.address() : text(in.username(), "imapUsername");
        String imapPassword = password(required(in.password(), "imapPassword"), "imapPassword");
        String smtpPassword = out.password() == null ? imapPassword : password(out.password(), "smtpPassword");
        Mailbox.Server imap = new Mailbox.Server(host(in.host(), "imapHost"),
                port(in.port(), imapSecurity.defaultImapPort(), "imapPort"), imapSecurity, imapUsername,
                passwords.seal(imapPassword));
        Mailbox.Server smtp = new Mailbox.Server(host(out.host(), "smtpHost"),
                port(out.port(), smtpSecurity.defaultSmtpPort(), "smtpPort"), smtpSecurity,
                out.username() == null ? imapUsername : text(out.username(), "smtpUsername"),
                passwords.seal(smtpPassword));
        checkReachable(imap, "imap");
        checkReachable(smtp, "smtp");
        Mailbox mailbox = new Mailbox(admin.entityId(), Ids.newId(), command.name(), command.address(), imap, smtp,
                command.pollSeconds() == null ? DEFAULT_POLL_SECONDS : command.pollSeconds(),
                command.enabled() == null || command.enabled(), null, null, Times.now(clock));
        return tx.execute(status -> {
            if (mailboxes.count(admin.entityId()) >= MAX_PER_ENTITY) {
                throw new Conflict("An entity can have at most " + MAX_PER_ENTITY + " mailboxes; remove one first");
            }
            if (mailboxes.addressTaken(mailbox.address(), mailbox.id())) {
                throw addressTaken(mailbox.address());
            }
            try {
                mailboxes.insert(mailbox);
            } catch (DuplicateKeyException e) {
                throw addressTaken(mailbox.address());
            }
            return mailbox;
        });
    }

    public Mailbox change(Admin admin, UUID id, MailboxChange command) {
        Mailbox old = find(admin, id);
        if ((command.imap().password() != null || command.smtp().password() != null) && !passwords.available()) {
            throw new MailboxesOff();
        }
        Mailbox.Server imap = changed(old.imap(), command.imap(), "imap");
        Mailbox.Server smtp = changed(old.smtp(), command.smtp(), "smtp");
        if (!imap.equals(old.imap())) {
            checkReachable(imap, "imap");
        }
        if (!smtp.equals(old.smtp())) {
            checkReachable(smtp, "smtp");
        }
        String address = command.address() == null ? old.address() : command.address();
        Mailbox changed = new Mailbox(old.entityId(), old.id(), command.name() == null ? old.name() : command.name(),
                address, imap, smtp, command.pollSeconds() == null ? old.pollSeconds() : command.pollSeconds(),
                command.enabled() == null ? old.enabled() : command.enabled(), old.lastPolledAt(), old.lastError(),
                old.createdAt());
        return tx.execute(status -> {
            if (!address.equalsIgnoreCase(old.address()) && mailboxes.addressTaken(address, old.id())) {
                throw addressTaken(address);
            }
            try {
                mailboxes.update(changed, Times.now(clock));
            } catch (DuplicateKeyException e) {
                throw addressTaken(address);
            }
            return changed;
        });
    }

    public void delete(Admin admin, UUID id) {
        if (!mailboxes.delete(admin.entityId(), id)) {
            throw notFound();
        }
    }

    public TestResult test(Admin admin, UUID id) {
        Mailbox mailbox = find(admin, id);
        return new TestResult(connections.testImap(mailbox), connections.testSmtp(mailbox));
    }

    /** One mailbox of the entity (for the settings page's edit form). */
    public Mailbox get(Admin admin, UUID id) {
        return find(admin, id);
    }

    /** The mailbox's suspended mail (issue 28), newest first, without the bytes; expired entries are not listed. */
    public List<SuspendedMail> suspended(Admin admin, UUID mailboxId) {
        find(admin, mailboxId);
        return suspended.list(admin.entityId(), mailboxId, Times.now(clock), SUSPENDED_LIST_LIMIT);
    }

    /**
     * Imports a suspended mail exactly once, as if it had just arrived, past the guard that stopped it. A second
     * release (or one racing it) finds nothing: {@link SuspendedMailNotFound}.
     */
    public Released release(Admin admin, UUID mailboxId, UUID suspendedId) {
        Mailbox mailbox = find(admin, mailboxId);
        MailImporter.Delivered delivered = importer.release(mailbox, suspendedId);
        return new Released(delivered.ticketId(), TicketNumber.format(delivered.ticketNumber()),
                delivered.messageId());
    }

    public void deleteSuspended(Admin admin, UUID mailboxId, UUID suspendedId) {
        find(admin, mailboxId);
        if (!suspended.delete(admin.entityId(), mailboxId, suspendedId)) {
            throw new SuspendedMailNotFound();
        }
    }

    private Mailbox find(Admin admin, UUID id) {
        return mailboxes.find(admin.entityId(), id).orElseThrow(MailboxManagement::notFound);
    }

    /**
     * A server after a merge-patch. A stored password never follows a new server: changing the host, port, security
     * or username needs the password in the same request, else the stored one would be handed to whoever runs the
     * new host (an administrator could read the owner's mailbox password with a server of their own).
     */
    private Mailbox.Server changed(Mailbox.Server old, ServerChange change, String side) {
        if (change.movesServer(old) && change.password() == null) {
            throw new InvalidInput(side + "Password must be given again when " + side + "Host, " + side + "Port, "
                    + side + "Security or " + side + "Username changes: a stored password never follows a new"
                    + " server");
        }
        Security security = change.security() == null ? old.security() : change.security();
        return new Mailbox.Server(change.host() == null ? old.host() : host(change.host(), side + "Host"),
                change.port() == null ? old.port() : port(change.port(), old.port(), side + "Port"), security,
                change.username() == null ? old.username() : text(change.username(), side + "Username"),
                change.password() == null ? old.sealedPassword()
                        : passwords.seal(password(change.password(), side + "Password")));
    }

    /** At save: the host must resolve to an address the server may connect to; no password in clear. */
    private void checkReachable(Mailbox.Server server, String side) {
        if (server.security() == Security.NONE && !settings.allowPrivate()) {
            throw new InvalidInput(side + "Security none would send the password in clear; use tls or starttls"
                    + " (none is only allowed when the operator allows private mail hosts)");
        }
        OutboundTargets.check(server.host(), settings.allowPrivate(), side + "Host");
    }

    private static NotFound notFound() {
        return new NotFound("No such mailbox in this entity");
    }

    private static Conflict addressTaken(String address) {
        return new Conflict(address + " is already the address of a mailbox");
    }

    private static String required(String value, String field) {
        if (value == null) {
            throw new InvalidInput(field + " is required");
        }
        return value;
    }

    private static String host(String value, String field) {
        String host = JsonInput.text(required(value, field), field, 255);
        if (!host.matches("[A-Za-z0-9._:\\[\\]-]+")) {
            throw new InvalidInput(field + " must be a host name or IP address");
        }
        return host;
    }

    private static String text(String value, String field) {
        return JsonInput.text(value, field, 320);
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

    private static int port(Integer value, int fallback, String field) {
        if (value == null) {
            return fallback;
        }
        if (value < 1 || value > 65535) {
            throw new InvalidInput(field + " must be a whole number from 1 to 65535");
        }
        return value;
    }

    private static void checkPollSeconds(Integer value) {
        if (value != null && (value < 5 || value > 3600)) {
            throw new InvalidInput("pollSeconds must be a whole number from 5 to 3600");
        }
    }
}
