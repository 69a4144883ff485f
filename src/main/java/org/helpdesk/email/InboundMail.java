package org.helpdesk.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/**
 * What the import needs of a received mail, read defensively: a broken part, an unknown charset or an odd
 * attachment never stops the import, it only loses that part.
 *
 * @param messageId  the Message-ID with its angle brackets, or {@code null}
 * @param references In-Reply-To then References, the ids of the mails this one answers (newest relevant first)
 * @param senderName the display name of From, or {@code null}
 * @param autoReason why the mail is an automatic one (auto-reply, bounce, list mail), or {@code null}
 */
record InboundMail(String messageId, List<String> references, String senderEmail, String senderName,
                   String subject, String text, String autoReason) {
    static final int MAX_TEXT = 100_000;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");

    static InboundMail read(MimeMessage mail) throws MessagingException {
        String messageId = firstId(mail.getHeader("Message-ID"));
        List<String> references = new ArrayList<>(ids(mail.getHeader("In-Reply-To")));
        List<String> older = ids(mail.getHeader("References"));
        // the last entry of References is the direct parent: look at the newest first
        for (int i = older.size() - 1; i >= 0; i--) {
            if (!references.contains(older.get(i))) {
                references.add(older.get(i));
            }
        }
        InternetAddress from = from(mail);
        String subject = subject(mail);
        String text;
        List<String> attachments = new ArrayList<>();
        try {
            text = textOf(mail, attachments);
        } catch (MessagingException | IOException | RuntimeException e) {
            text = null;
            attachments.add("(the body could not be read: " + e.getClass().getSimpleName() + ")");
        }
        text = text == null ? "" : text.replace("\r\n", "\n").replace("\u0000", "").strip();
        if (!attachments.isEmpty()) {
            text = (text + "\n\n[Not imported: " + String.join(", ", attachments) + "]").strip();
        }
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT - 1) + "…";
        }
        return new InboundMail(messageId, List.copyOf(references),
                from == null ? null : from.getAddress().strip(),
                from == null || from.getPersonal() == null || from.getPersonal().isBlank() ? null
                        : from.getPersonal().strip(),
                subject, text, MailGuards.automatic(mail, from == null ? null : from.getAddress()));
    }

    /** The key of the import record: the Message-ID, or the IMAP UID when the mail has none. */
    String importKey(long uidValidity, long uid) {
        return messageId != null ? messageId : "uid:" + uidValidity + ":" + uid;
    }

    private static InternetAddress from(MimeMessage mail) {
        try {
            Address[] from = mail.getFrom();
            if (from != null && from.length > 0 && from[0] instanceof InternetAddress address
                    && address.getAddress() != null && address.getAddress().contains("@")) {
                return address;
            }
        } catch (MessagingException e) {
            // an unparseable From: try it leniently below
        }
        try {
            String[] raw = mail.getHeader("From");
            if (raw != null && raw.length > 0) {
                InternetAddress[] parsed = InternetAddress.parseHeader(raw[0], false);
                if (parsed.length > 0 && parsed[0].getAddress() != null && parsed[0].getAddress().contains("@")) {
                    return parsed[0];
                }
            }
        } catch (MessagingException e) {
            // no usable sender
        }
        return null;
    }

    private static String subject(MimeMessage mail) {
        try {
            String subject = mail.getSubject();
            return subject == null ? "" : subject.replace("\u0000", "").replaceAll("\\s+", " ").strip();
        } catch (MessagingException e) {
            return "";
        }
    }

    static String firstId(String[] header) {
        List<String> ids = ids(header);
        return ids.isEmpty() ? null : ids.get(0);
    }

    static List<String> ids(String[] header) {
        if (header == null) {
            return List.of();
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String value : header) {
            Matcher m = MESSAGE_ID.matcher(value);
            while (m.find() && out.size() < 100) {
                String id = m.group();
                if (id.length() <= 998) {
                    out.add(id);
                }
            }
        }
        return List.copyOf(out);
    }

    /** The text of a part: text/plain preferred, HTML converted; attachments are listed by name instead. */
    private static String textOf(Part part, List<String> attachments) throws MessagingException, IOException {
        String disposition = part.getDisposition();
        if (Part.ATTACHMENT.equalsIgnoreCase(disposition) || part.isMimeType("message/rfc822")) {
            if (!MailFiles.isFile(part)) { // files are kept as attachments (MailFiles)
                attachments.add(name(part));
            }
            return null;
        }
        if (part.isMimeType("text/plain")) {
            return string(part);
        }
        if (part.isMimeType("text/html")) {
            return HtmlText.of(string(part));
        }
        if (part.isMimeType("multipart/alternative") && part.getContent() instanceof Multipart alt) {
            String html = null;
            for (int i = 0; i < alt.getCount(); i++) {
                BodyPart p = alt.getBodyPart(i);
                if (p.isMimeType("text/plain")) {
                    return string(p);
                }
                if (html == null) {
                    html = textOf(p, new ArrayList<>());
                }
            }
            return html;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multi) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multi.getCount(); i++) {
                String t;
                try {
                    t = textOf(multi.getBodyPart(i), attachments);
                } catch (MessagingException | IOException | RuntimeException e) {
                    attachments.add("a part that could not be read");
                    continue;
                }
                if (t != null && !t.isBlank()) {
                    text.append(text.isEmpty() ? "" : "\n\n").append(t.strip());
                }
            }
            return text.toString();
        }
        if ((!part.isMimeType("text/*") || part.getFileName() != null) && !MailFiles.isFile(part)) {
            attachments.add(name(part));
        }
        return null;
    }

    private static String name(Part part) {
        try {
            String name = part.getFileName();
            if (name != null) {
                return MimeUtility.decodeText(name);
            }
            return "an attachment of type " + part.getContentType().split(";")[0].toLowerCase(Locale.ROOT);
        } catch (MessagingException | IOException | RuntimeException e) {
            return "an attachment";
        }
    }

    /** A text part's content; an unknown charset falls back to reading the bytes as UTF-8. */
    private static String string(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String s) {
                return s;
            }
        } catch (IOException e) {
            // unsupported charset and the like: the raw bytes below
        }
        try (InputStream in = part.getInputStream()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
