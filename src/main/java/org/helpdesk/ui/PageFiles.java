package org.helpdesk.ui;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import org.helpdesk.attachment.AttachmentManagement;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.TooLarge;
import org.helpdesk.ticket.TicketAttachments;
import org.springframework.web.multipart.MultipartException;

/** The composer's "Attach files" (a multipart form post): each chosen file stored as an upload to attach. */
final class PageFiles {
    private PageFiles() {
    }

    /** The uploads made of the form's {@code files} parts; a refused file is an error next to the field. */
    static List<UUID> store(AttachmentManagement attachments, UUID entityId, UUID userId, HttpServletRequest request,
                            FormErrors errors) {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            return List.of();
        }
        List<UUID> uploads = new ArrayList<>();
        try {
            for (Part part : request.getParts()) {
                if (!"files".equals(part.getName()) || part.getSubmittedFileName() == null
                        || part.getSubmittedFileName().isEmpty() && part.getSize() == 0) {
                    continue; // no file chosen
                }
                if (uploads.size() >= TicketAttachments.MAX_FILES) {
                    errors.add("files", "Attach at most " + TicketAttachments.MAX_FILES + " files to one message.");
                    return List.of();
                }
                try (InputStream in = part.getInputStream()) {
                    uploads.add(attachments.store(entityId, userId, part.getSubmittedFileName(), in, false).id());
                }
            }
        } catch (TooLarge | InvalidInput e) {
            errors.add("files", e.getMessage() + ".");
            return List.of();
        } catch (IOException | ServletException | IllegalStateException | MultipartException e) {
            errors.add("files", "Each file may be at most " + attachments.maxFileBytes() / (1024 * 1024) + " MB.");
            return List.of();
        }
        return uploads;
    }
}
