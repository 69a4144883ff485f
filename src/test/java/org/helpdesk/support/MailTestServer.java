package org.helpdesk.support;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * One in-process GreenMail (SMTP + IMAP on free ports) for every email test of the JVM. Tests isolate themselves
 * with their own addresses: {@link #newSupportAddress()} makes an IMAP user for a mailbox.
 */
public final class MailTestServer {
    public static final String PASSWORD = "mailbox-secret";
    private static GreenMail server;

    private MailTestServer() {
    }

    public static synchronized GreenMail get() {
        if (server == null) {
            server = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static int smtpPort() {
        return get().getSmtp().getPort();
    }

    public static int imapPort() {
        return get().getImap().getPort();
    }

    /** A fresh support address with an IMAP/SMTP login of the same name and {@link #PASSWORD}. */
    public static String newSupportAddress() {
        String address = "support-" + UUID.randomUUID().toString().substring(0, 12) + "@acme.test";
        get().setUser(address, address, PASSWORD);
        return address;
    }

    public static GreenMailUser user(String address) {
        return get().getUserManager().getUser(address);
    }

    /** The JSON body that creates a mailbox for {@code address} on this server. */
    public static Map<String, Object> mailboxBody(String address) {
        return Map.of("name", "Support", "address", address, "imapHost", "127.0.0.1", "imapPort", imapPort(),
                "imapSecurity", "none", "imapPassword", PASSWORD, "smtpHost", "127.0.0.1", "smtpPort", smtpPort(),
                "smtpSecurity", "none", "pollSeconds", 5);
    }

    /** A mail as a person's mail program would write it; add headers before delivering it. */
    public static MimeMessage mail(String from, String to, String subject, String text) {
        try {
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
            mail.setFrom(new InternetAddress(from));
            mail.setRecipients(jakarta.mail.Message.RecipientType.TO, to);
            mail.setSubject(subject, "UTF-8");
            mail.setText(text, "UTF-8");
            mail.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.test>");
            mail.saveChanges();
            mail.setHeader("Message-ID", "<" + UUID.randomUUID() + "@customer.test>");
            return mail;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unseen mails in the support mailbox's INBOX. */
    public static int unseen(String supportAddress) {
        try {
            return get().getManagers().getImapHostManager().getInbox(user(supportAddress)).getUnseenCount();
        } catch (com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Mails the server delivered to {@code address} (sent by the app through SMTP). */
    public static java.util.List<MimeMessage> receivedBy(String address) {
        return java.util.Arrays.stream(get().getReceivedMessages()).filter(m -> {
            try {
                return java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Puts the mail into the support mailbox's INBOX, as the mail server would on receiving it. */
    public static void deliver(String supportAddress, MimeMessage mail) {
        user(supportAddress).deliver(mail);
    }
}
