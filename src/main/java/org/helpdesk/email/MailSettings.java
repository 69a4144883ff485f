package org.helpdesk.email;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Operator settings of the email channel under {@code helpdesk.mail.*} (environment: HELPDESK_MAIL_*).
 *
 * @param secret         the key mailbox passwords are encrypted with (HELPDESK_MAIL_SECRET); without it no mailbox
 *                       can be stored. Changing it makes stored passwords unreadable: enter them again.
 * @param secretSalt     hex salt of the key derivation (not secret; change it with the secret, or never)
 * @param maxPerPoll     mails taken from a mailbox in one poll; more are taken by the next, immediate poll
 * @param floodPerMinute mails one sender may open or add per minute; more are suspended (a mail loop or a flood)
 * @param lease          how long a node's claim on a mailbox poll or a send lasts if the node dies
 * @param timeout        connect and read timeout for IMAP and SMTP servers
 * @param sendAttempts   SMTP attempts per outgoing mail before it is shown as failed
 * @param sendBackoff    the wait after the first failed attempt; it doubles after each further failure
 * @param pollingEnabled whether this node polls mailboxes and sends mail (switch off on nodes that must not)
 * @param allowPrivate   whether mail hosts may be loopback or private addresses (HELPDESK_MAIL_ALLOW_PRIVATE), and
 *                       security {@code none} may carry a password; link-local and metadata addresses stay refused
 * @param pollConcurrency how many mailboxes one node polls at once (at most one per entity at a time)
 * @param pollBudget     how long one poll may take mails before it stops (the rest follow in the next poll)
 * @param suspendedRetention how long mail a guard stopped is kept for release (default 14 days)
 * @param suspendedMaxBytes  the largest suspended mail kept whole; a larger one is listed without its bytes (it
 *                           stays on the mail server) and cannot be released
 * @param tick           how often a node looks for mailboxes due a poll and mail due a send (default 1 s)
 * @param suspendedPurgeEvery how often a node deletes suspended mail whose retention is over (default 1 h)
 */
@ConfigurationProperties("helpdesk.mail")
record MailSettings(String secret, String secretSalt, int maxPerPoll, int floodPerMinute, Duration lease,
                    Duration timeout, int sendAttempts, Duration sendBackoff, boolean pollingEnabled,
                    boolean allowPrivate, int pollConcurrency, Duration pollBudget,
                    Duration suspendedRetention, long suspendedMaxBytes, Duration tick,
                    Duration suspendedPurgeEvery) {

    MailSettings {
        if (secretSalt == null || !secretSalt.matches("([0-9a-fA-F]{2}){8,}")) {
            throw new IllegalStateException("helpdesk.mail.secret-salt (HELPDESK_MAIL_SECRET_SALT) must be at least"
                    + " 16 hexadecimal digits, e.g. the output of: openssl rand -hex 16");
        }
        if (secret != null && !secret.isBlank() && secret.length() < 16) {
            throw new IllegalStateException("HELPDESK_MAIL_SECRET must be at least 16 characters long"
                    + " (e.g. the output of: openssl rand -base64 32)");
        }
        pollConcurrency = pollConcurrency < 1 ? 4 : pollConcurrency;
        pollBudget = pollBudget == null || !pollBudget.isPositive() ? Duration.ofSeconds(60)
                : pollBudget;
        suspendedRetention = suspendedRetention == null ? Duration.ofDays(14) : suspendedRetention;
        if (!suspendedRetention.isPositive()) {
            throw new IllegalStateException("helpdesk.mail.suspended-retention (HELPDESK_MAIL_SUSPENDED_RETENTION)"
                    + " must be a positive duration, e.g. 14d");
        }
        suspendedMaxBytes = suspendedMaxBytes <= 0 ? 64L << 20 : suspendedMaxBytes;
        tick = tick == null ? Duration.ofSeconds(1) : tick;
        suspendedPurgeEvery = suspendedPurgeEvery == null ? Duration.ofHours(1) : suspendedPurgeEvery;
        if (!positive(tick) || !positive(suspendedPurgeEvery)) {
            throw new IllegalStateException("helpdesk.mail.tick (HELPDESK_MAIL_TICK) and suspended-purge-every"
                    + " (HELPDESK_MAIL_SUSPENDED_PURGE_EVERY) must be positive durations, e.g. PT1S");
        }
        if (maxPerPoll < 1 || floodPerMinute < 1 || sendAttempts < 1) {
            throw new IllegalStateException(
                    "helpdesk.mail.max-per-poll, flood-per-minute and send-attempts must be at least 1");
        }
        if (lease == null || timeout == null || sendBackoff == null) {
            throw new IllegalStateException("helpdesk.mail.lease, timeout and send-backoff must be set");
        }
    }

    private static boolean positive(Duration d) {
        return d.isPositive();
    }

    boolean hasSecret() {
        return secret != null && !secret.isBlank();
    }
}
