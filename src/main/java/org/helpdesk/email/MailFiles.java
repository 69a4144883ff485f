package org.helpdesk.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeUtility;
import org.helpdesk.attachment.AttachmentManagement;
import org.helpdesk.attachment.EmptyFile;
import org.helpdesk.attachment.FileTooLarge;
import org.helpdesk.ticket.AttachedFile;
import org.helpdesk.ticket.TicketAttachments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * The files of mail, both ways (API §8). In: every part with a filename or a Content-ID is stored as an upload of
 * the entity ({@code cid:} images inline), streamed from the mail; what the limits leave out is named, with the
 * reason, for a system note. Out: a reply's files become MIME parts (inline images in multipart/related), read
 * from storage while the mail is written to the server.
 */
@Component
class MailFiles {
    private static final Logger log = LoggerFactory.getLogger(MailFiles.class);

    private final AttachmentManagement attachments;

    MailFiles(AttachmentManagement attachments) {
        this.attachments = attachments;
    }

    /** What a mail's files became: uploads to attach, and the files left out with why. */
    record Taken(List<UUID> uploads, List<String> leftOut) {
        static final Taken NONE = new Taken(List.of(), List.of());

        /** The internal note naming each file left out, or {@code null}. */
        String note() {
            return leftOut.isEmpty() ? null
                    : "Files of this mail were not kept: " + String.join("; ", leftOut) + ".";
        }
    }

    /** Whether the import takes this part as a file (rather than as text). */
    static boolean isFile(Part part) {
        try {
            return !part.isMimeType("multipart/*") && (part.getFileName() != null || contentId(part) != null);
        } catch (MessagingException | RuntimeException e) {
            return false;
        }
    }

    Taken take(UUID entityId, Part mail) {
        List<Part> parts = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        try {
            collect(mail, parts, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            leftOut.add("a part that could not be read (" + e.getClass().getSimpleName() + ")");
        }
        List<UUID> uploads = new ArrayList<>();
        long total = 0;
        for (Part part : parts) {
            String name = name(part);
            if (uploads.size() >= TicketAttachments.MAX_FILES) {
                leftOut.add(name + " (more than " + TicketAttachments.MAX_FILES + " files in one mail)");
                continue;
            }
            try (InputStream in = part.getInputStream()) {
                boolean inline = contentId(part) != null && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
                AttachedFile file = attachments.store(entityId, null, name, in, inline);
                if (total + file.size() > attachments.maxMessageBytes()) {
                    attachments.discard(entityId, file.id());
                    leftOut.add(name + " (the files of one message may be at most "
                            + attachments.maxMessageBytes() / (1024 * 1024) + " MiB together)");
                    continue;
                }
                total += file.size();
                uploads.add(file.id());
            } catch (FileTooLarge e) {
                leftOut.add(name + " (larger than " + attachments.maxFileBytes() / (1024 * 1024) + " MiB)");
            } catch (EmptyFile e) {
                leftOut.add(name + " (empty)");
            } catch (MessagingException | IOException | RuntimeException e) {
                log.warn("A file of a mail could not be stored: {}", e.toString());
                leftOut.add(name + " (could not be read: " + e.getClass().getSimpleName() + ")");
            }
        }
        return new Taken(List.copyOf(uploads), List.copyOf(leftOut));
    }

    /** Files that a mail brought but whose import did not happen (ignored, duplicate): not kept waiting. */
    void discard(UUID entityId, Taken taken) {
        taken.uploads().forEach(id -> attachments.discard(entityId, id));
    }

    private static void collect(Part part, List<Part> out, int depth) throws MessagingException, IOException {
        if (depth > 20) {
            return;
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                collect(multi.getBodyPart(i), out, depth + 1);
            }
        } else if (isFile(part)) {
            out.add(part);
        }
    }

    private static String contentId(Part part) throws MessagingException {
        String[] ids = part.getHeader("Content-ID");
        return ids == null || ids.length == 0 || ids[0].isBlank() ? null : ids[0].strip();
    }

    private static String name(Part part) {
        try {
            String name = part.getFileName();
            if (name != null) {
                return MimeUtility.decodeText(name);
            }
            String id = contentId(part);
            String type = part.getContentType().split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
            String base = id == null ? "file" : id.replaceAll("[<>]", "").replaceAll("@.*", "");
            return base + (type.startsWith("image/") ? "." + type.substring(6).replaceAll("[^a-z0-9]", "") : "");
        } catch (MessagingException | IOException | RuntimeException e) {
            return "file";
        }
    }

    // --- out --------------------------------------------------------------------------------------------------

    List<AttachedFile> ofMessage(UUID entityId, UUID ticketId, UUID messageId) {
        return attachments.ofMessage(entityId, ticketId, messageId);
    }

    /** Adds the files to a mail made with a multipart helper: inline images as related parts, the rest mixed. */
    void attach(MimeMessageHelper helper, List<AttachedFile> files) throws MessagingException {
        for (AttachedFile file : files) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new Stored(file)));
            // base64 always: the bytes arrive exactly as stored (a text-looking file is not re-encoded or re-lined)
            part.setHeader("Content-Transfer-Encoding", "base64");
            try {
                part.setFileName(MimeUtility.encodeText(file.filename(), "UTF-8", null));
            } catch (java.io.UnsupportedEncodingException e) {
                part.setFileName(file.filename());
            }
            if (file.inline() && file.image()) {
                part.setDisposition(Part.INLINE);
                part.setContentID("<" + file.id() + "@helpdesk>");
                helper.getMimeMultipart().addBodyPart(part);
            } else {
                part.setDisposition(Part.ATTACHMENT);
                helper.getRootMimeMultipart().addBodyPart(part);
            }
        }
    }

    /** A stored file, read when the mail is written out (never whole in memory). */
    private final class Stored implements DataSource {
        private final AttachedFile file;

        Stored(AttachedFile file) {
            this.file = file;
        }

        @Override
        public InputStream getInputStream() {
            return attachments.open(file, 0, -1);
        }

        @Override
        public OutputStream getOutputStream() throws IOException {
            throw new IOException("read only");
        }

        @Override
        public String getContentType() {
            return file.contentType();
        }

        @Override
        public String getName() {
            return file.filename();
        }
    }
}
