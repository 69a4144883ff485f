package org.helpdesk.email;

import java.net.InetAddress;
import java.util.Properties;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.SendFailedException;
import jakarta.mail.Store;
import org.helpdesk.common.OutboundTargets;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Opens IMAP stores and SMTP senders for a mailbox with the operator's timeouts, and says in words why a
 * connection failed. Passwords are decrypted only here, just before they are handed to the server.
 *
 * <p>Every connection first checks the host with {@link OutboundTargets} (a mailbox host must not be a window into
 * the server's network) and then connects to exactly the address that was checked ({@link PinnedSocketFactory}).
 * What goes back to a user (the test action, {@code lastError}, a failed delivery) is in our words only: could not
 * connect, the TLS handshake failed, the username or password was refused. Never the remote server's text, and
 * never a difference a port scanner could read (refused, timed out and "not a mail server" all read alike).
 */
@Component
class MailConnections {
    private final PasswordBox passwords;
    private final MailSettings settings;

    MailConnections(PasswordBox passwords, MailSettings settings) {
        this.passwords = passwords;
        this.settings = settings;
    }

    /** A connected IMAP store; the caller closes it. Throws {@link MailFailure} with the reason in words. */
    Store openImap(Mailbox mailbox) {
        Mailbox.Server imap = mailbox.imap();
        String protocol = imap.security() == Security.TLS ? "imaps" : "imap";
        Properties props = properties(protocol, imap, "imapHost");
        // reading a body must not mark the mail \Seen: only a committed import does (a crash in between re-reads it)
        props.put("mail." + protocol + ".peek", "true");
        // files of mail (MailFiles) are read in 1 MiB pieces: few round trips, never a whole 25 MiB part in memory
        props.put("mail." + protocol + ".fetchsize", String.valueOf(1024 * 1024));
        if (imap.security() == Security.STARTTLS) {
            props.put("mail.imap.starttls.enable", "true");
            props.put("mail.imap.starttls.required", "true");
        }
        String password = passwords.open(imap.sealedPassword());
        try {
            Store store = Session.getInstance(props).getStore(protocol);
            store.connect(imap.host(), imap.port(), imap.username(), password);
            return store;
        } catch (MessagingException e) {
            throw new MailFailure(describe("IMAP", imap, e));
        }
    }

    /** A sender through the mailbox's SMTP server (it connects when sending). */
    JavaMailSenderImpl smtp(Mailbox mailbox) {
        Mailbox.Server smtp = mailbox.smtp();
        String protocol = smtp.security() == Security.TLS ? "smtps" : "smtp";
        Properties props = properties(protocol, smtp, "smtpHost");
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setUsername(smtp.username());
        sender.setPassword(passwords.open(smtp.sealedPassword()));
        sender.setDefaultEncoding("UTF-8");
        sender.setProtocol(protocol);
        props.put("mail." + protocol + ".auth", "true");
        if (smtp.security() == Security.STARTTLS) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        sender.setJavaMailProperties(props);
        return sender;
    }

    /**
     * Checks the server's host again (it may resolve elsewhere since it was saved, or the operator closed private
     * targets) and pins the connection to the checked address, with the operator's timeouts.
     */
    private Properties properties(String protocol, Mailbox.Server server, String field) {
        InetAddress address = target(server, field);
        Properties props = new Properties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        props.put("mail." + protocol + ".connectiontimeout", timeout);
        props.put("mail." + protocol + ".timeout", timeout);
        props.put("mail." + protocol + ".writetimeout", timeout);
        props.put("mail." + protocol + ".socketFactory", new PinnedSocketFactory(address));
        // never fall back to an unpinned socket when the pinned one fails
        props.put("mail." + protocol + ".socketFactory.fallback", "false");
        if (server.security() != Security.NONE) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return props;
    }

    /** The address to connect to, or a {@link MailFailure} in our words when the host may not be reached. */
    InetAddress target(Mailbox.Server server, String field) {
        if (server.security() == Security.NONE && !settings.allowPrivate()) {
            throw new MailFailure(field + ": security none would send the password in clear; use tls or starttls");
        }
        try {
            return OutboundTargets.check(server.host(), settings.allowPrivate(), field).getFirst();
        } catch (OutboundTargets.TargetRefused e) {
            throw new MailFailure(e.getMessage());
        }
    }

    /** Tries an IMAP login; {@code null} when it worked, else why not. */
    String testImap(Mailbox mailbox) {
        try (Store store = openImap(mailbox)) {
            store.getFolder("INBOX").exists();
            return null;
        } catch (MailFailure e) {
            return e.getMessage();
        } catch (MessagingException e) {
            return describe("IMAP", mailbox.imap(), e);
        }
    }

    /** Tries an SMTP connection and login; {@code null} when it worked, else why not. */
    String testSmtp(Mailbox mailbox) {
        try {
            smtp(mailbox).testConnection();
            return null;
        } catch (MailFailure e) {
            return e.getMessage();
        } catch (MessagingException e) {
            return describe("SMTP", mailbox.smtp(), e);
        }
    }

    /**
     * A sentence in our words saying what went wrong (never the password, never the server's own text). Only three
     * outcomes can be told apart: the login was refused, the TLS handshake failed, or no usable connection.
     */
    static String describe(String protocol, Mailbox.Server server, Exception e) {
        String where = protocol + " server " + server.host() + ":" + server.port();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return where + " refused the username or password; for Gmail and Microsoft 365 use an app password";
            }
            if (t instanceof SSLException) {
                return where + ": the TLS handshake failed; check the security setting: tls for ports 993/465,"
                        + " starttls for 143/587";
            }
            if (t instanceof SendFailedException) {
                return where + " refused the mail (check the sender and recipient addresses)";
            }
        }
        return where + ": could not connect (check the host, the port, the security setting and any firewall)";
    }
}
