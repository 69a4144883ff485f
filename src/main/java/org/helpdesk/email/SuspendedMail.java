package org.helpdesk.email;

import java.time.Instant;
import java.util.UUID;

/**
 * A received mail that a guard stopped, kept until {@code expiresAt} for an administrator to release or delete
 * (the raw bytes are read only on release, see {@link SuspendedMails#raw}).
 *
 * @param fromAddress the sender's address, or {@code null} when the mail named none
 * @param reason      which guard stopped it
 * @param reasonText  why, in a sentence for the administrator
 */
public record SuspendedMail(UUID entityId, UUID id, UUID mailboxId, Instant receivedAt, String fromAddress,
                            String subject, Reason reason, String reasonText, Instant expiresAt) {

    /** The guard that stopped a mail; {@code wire} is the API's and the table's code. */
    public enum Reason {
        /** More mails from one sender in a minute than the flood limit. */
        FLOOD("flood"),
        /** An auto-reply, bounce or list mail (or a mail without a sender): never a ticket by itself. */
        AUTOMATIC("automatic"),
        /** Sent by a support mailbox of this installation: a mail loop. */
        LOOP("loop"),
        /** The core refused the mail (invalid input or an unexpected error). */
        REFUSED("refused");

        private final String wire;

        Reason(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        static Reason parse(String wire) {
            for (Reason r : values()) {
                if (r.wire.equals(wire)) {
                    return r;
                }
            }
            throw new IllegalStateException("Unknown suspension reason " + wire);
        }
    }
}
