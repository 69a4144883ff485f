package org.helpdesk.email;

import java.util.Locale;
import java.util.Set;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Loop and noise guards that need only the mail itself: auto-replies, bounces and list mail (RFC 3834's
 * Auto-Submitted, Precedence, the X-Autoreply family, mailer-daemon/postmaster senders). Answering them would
 * start a mail loop with another robot, or open a ticket nobody asked for.
 */
final class MailGuards {
    private static final Set<String> BULK = Set.of("bulk", "junk", "list");
    private static final Set<String> ROBOTS = Set.of("mailer-daemon", "postmaster");

    private MailGuards() {
    }

    /** Why the mail is automatic, or {@code null} when a person wrote it. */
    static String automatic(MimeMessage mail, String fromAddress) {
        try {
            String autoSubmitted = first(mail, "Auto-Submitted");
            if (autoSubmitted != null && !token(autoSubmitted).equals("no")) {
                return "Auto-Submitted: " + autoSubmitted;
            }
            String precedence = first(mail, "Precedence");
            if (precedence != null && BULK.contains(token(precedence))) {
                return "Precedence: " + precedence;
            }
            if (first(mail, "X-Autoreply") != null) {
                return "X-Autoreply header";
            }
            if (first(mail, "X-Autorespond") != null) {
                return "X-Autorespond header";
            }
        } catch (MessagingException e) {
            return "unreadable headers";
        }
        if (fromAddress != null && isRobot(fromAddress)) {
            return "sent by " + fromAddress;
        }
        return null;
    }

    static boolean isRobot(String address) {
        int at = address.indexOf('@');
        String local = (at < 0 ? address : address.substring(0, at)).strip().toLowerCase(Locale.ROOT);
        return ROBOTS.contains(local);
    }

    private static String first(MimeMessage mail, String name) throws MessagingException {
        String[] values = mail.getHeader(name);
        return values == null || values.length == 0 ? null : values[0].strip();
    }

    /** The first token of a header value: "auto-replied; owner=..." is "auto-replied". */
    private static String token(String value) {
        return value.split("[;\\s]", 2)[0].toLowerCase(Locale.ROOT);
    }
}
