package org.helpdesk.email;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Properties;

import javax.net.ssl.SSLException;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Opens IMAP stores and SMTP senders for a mailbox with the operator's timeouts, and says in words why a
 * connection failed. Passwords are decrypted only here, just before they are handed to the server.
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
        Properties props = new Properties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        props.put("mail." + protocol + ".connectiontimeout", timeout);
        props.put("mail." + protocol + ".timeout", timeout);
        props.put("mail." + protocol + ".writetimeout", timeout);
        // reading a body must not mark the mail \Seen: only a committed import does (a crash in between re-reads it)
        props.put("mail." + protocol + ".peek", "true");
        // files of mail (MailFiles) are read in 1 MiB pieces: few round trips, never a whole 25 MiB part in memory
        props.put("mail." + protocol + ".fetchsize", String.valueOf(1024 * 1024));
        if (imap.security() == Security.STARTTLS) {
            props.put("mail.imap.starttls.enable", "true");
            props.put("mail.imap.starttls.required", "true");
        }
        if (imap.security() != Security.NONE) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
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
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setUsername(smtp.username());
        sender.setPassword(passwords.open(smtp.sealedPassword()));
        sender.setDefaultEncoding("UTF-8");
        String protocol = smtp.security() == Security.TLS ? "smtps" : "smtp";
        sender.setProtocol(protocol);
        Properties props = new Properties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        props.put("mail." + protocol + ".auth", "true");
        props.put("mail." + protocol + ".connectiontimeout", timeout);
        props.put("mail." + protocol + ".timeout", timeout);
        props.put("mail." + protocol + ".writetimeout", timeout);
        if (smtp.security() == Security.STARTTLS) {
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        if (smtp.security() != Security.NONE) {
            props.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        sender.setJavaMailProperties(props);
        return sender;
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

    /** A sentence saying what went wrong, from the exception chain (never the password). */
    static String describe(String protocol, Mailbox.Server server, Exception e) {
        String where = protocol + " server " + server.host() + ":" + server.port();
        Throwable cause = e;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return where + ": the host name " + server.host() + " was not found (check the host name)";
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return where + " refused the connection or cannot be reached (check the host, the port and any"
                        + " firewall)";
            }
            if (t instanceof SocketTimeoutException) {
                return where + " did not answer in time (check the host and the port, or a firewall that drops"
                        + " the connection)";
            }
            if (t instanceof SSLException) {
                return where + ": the TLS handshake failed (" + message(t) + "); check the security setting: tls"
                        + " for ports 993/465, starttls for 143/587";
            }
            if (t instanceof AuthenticationFailedException) {
                return where + " refused the username or password (" + message(t) + "); for Gmail and"
                        + " Microsoft 365 use an app password";
            }
            cause = t;
        }
        return where + ": " + message(cause);
    }

    private static String message(Throwable t) {
        String m = t.getMessage();
        if (m == null || m.isBlank()) {
            return t.getClass().getSimpleName();
        }
        m = m.strip().replaceAll("\\s+", " ");
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }
}
