package org.helpdesk.email;

import java.time.Instant;
import java.util.UUID;

/**
 * A support mailbox of an entity: where mail is fetched (IMAP) and sent (SMTP). The passwords are sealed
 * (see {@link PasswordBox}) and never leave the server.
 */
public record Mailbox(UUID entityId, UUID id, String name, String address, Server imap, Server smtp, int pollSeconds,
               boolean enabled, Instant lastPolledAt, String lastError, Instant createdAt) {

    /** One server's settings; {@code sealedPassword} is the encrypted password. */
    public record Server(String host, int port, Security security, String username, String sealedPassword) {
    }
}
