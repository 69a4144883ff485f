package org.helpdesk.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.ErrorResponses;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.RequestPaths;
import org.helpdesk.ticket.AttachedFile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * The attachment API (API §8): upload one file (multipart, streamed to storage), read its bytes with the headers
 * that keep a browser from running it, read its metadata. Credentials are judged before anything of the body:
 * the upload route is exempt from the JSON filters and parses its body here, after authentication.
 */
@RestController
class AttachmentController {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    static final String SANDBOX = "sandbox; default-src 'none'";

    private final AttachmentManagement attachments;

    AttachmentController(AttachmentManagement attachments) {
        this.attachments = attachments;
    }

    @PostMapping(RequestPaths.UPLOADS)
    ResponseEntity<?> upload(Tenant tenant, HttpServletRequest request) {
        tenant.requireWrite();
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            return ResponseEntity.status(415).contentType(ErrorResponses.JSON_UTF8).body(new org.helpdesk.common.ApiError(
                    "Send the file as Content-Type: multipart/form-data, in one part named file"));
        }
        Part part = filePart(request);
        AttachedFile file;
        try (InputStream in = part.getInputStream()) {
            file = attachments.store(tenant.entityId(), tenant.userId(), part.getSubmittedFileName(), in, false);
        } catch (IOException e) {
            throw new InvalidInput("The file could not be read from the request; send it again");
        }
        return ResponseEntity.created(URI.create("/api/helpdesk/attachments/" + file.id())).body(file);
    }

    private Part filePart(HttpServletRequest request) {
        Part part;
        try {
            part = request.getPart("file");
        } catch (MaxUploadSizeExceededException e) {
            throw FileTooLarge.file(attachments.maxFileBytes());
        } catch (IllegalStateException | MultipartException e) { // the container's size limits
            if (sizeLimit(e)) {
                throw FileTooLarge.file(attachments.maxFileBytes());
            }
            throw new InvalidInput("The body is not valid multipart/form-data");
        } catch (IOException | ServletException e) {
            if (sizeLimit(e)) {
                throw FileTooLarge.file(attachments.maxFileBytes());
            }
            throw new InvalidInput("The body is not valid multipart/form-data");
        }
        if (part == null || part.getSubmittedFileName() == null && part.getContentType() == null && part.getSize() == 0) {
            throw new InvalidInput("Send the file in a multipart part named file");
        }
        return part;
    }

    private static boolean sizeLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String name = t.getClass().getSimpleName();
            if (name.contains("SizeLimitExceeded") || name.contains("SizeException") || t instanceof MaxUploadSizeExceededException) {
                return true;
            }
        }
        return false;
    }

    @GetMapping("/api/helpdesk/attachments/{id}/meta")
    AttachedFile meta(Tenant tenant, @PathVariable String id) {
        tenant.requireRead();
        return attachments.meta(tenant.entityId(), Ids.parse(id, "id"));
    }

    @GetMapping("/api/helpdesk/attachments/{id}")
    void download(Tenant tenant, @PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        tenant.requireRead();
        AttachedFile file = attachments.meta(tenant.entityId(), Ids.parse(id, "id"));
        serve(attachments, file, request, response);
    }

    /** The bytes with the safe headers of API §8; a single range is answered with 206. Also used by the pages. */
    static void serve(AttachmentManagement attachments, AttachedFile file, HttpServletRequest request,
                      HttpServletResponse response) throws IOException {
        String etag = "\"" + file.sha256() + "\"";
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", SANDBOX);
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            response.setStatus(304);
            return;
        }
        long size = file.size();
        long start = 0;
        long length = size;
        String range = request.getHeader(HttpHeaders.RANGE);
        String ifRange = request.getHeader(HttpHeaders.IF_RANGE);
        boolean partial = false;
        if (range != null && (ifRange == null || ifRange.strip().equals(etag))) {
            Matcher m = RANGE.matcher(range.strip());
            if (m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                try {
                    if (m.group(1).isEmpty()) { // the last n bytes
                        long n = Long.parseLong(m.group(2));
                        start = Math.max(0, size - n);
                        length = size - start;
                        if (n == 0) {
                            unsatisfiable(response, size);
                            return;
                        }
                    } else {
                        start = Long.parseLong(m.group(1));
                        long end = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
                        if (start >= size || end < start) {
                            unsatisfiable(response, size);
                            return;
                        }
                        length = end - start + 1;
                    }
                    partial = true;
                } catch (NumberFormatException e) {
                    unsatisfiable(response, size);
                    return;
                }
            } // several ranges, or another unit: the whole file (RFC 9110 lets a server ignore Range)
        }
        response.setCharacterEncoding((String) null); // the bytes have no charset of ours
        response.setContentType(file.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, FileRules.disposition(file.contentType(), file.filename()));
        response.setContentLengthLong(length);
        if (partial) {
            response.setStatus(206);
            response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + (start + length - 1) + "/" + size);
        } else {
            response.setStatus(200);
        }
        if ("HEAD".equals(request.getMethod())) {
            return;
        }
        try (InputStream in = attachments.open(file, start, partial ? length : -1)) {
            OutputStream out = response.getOutputStream();
            in.transferTo(out);
            out.flush();
        }
    }

    private static void unsatisfiable(HttpServletResponse response, long size) throws IOException {
        response.setHeader(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
        ErrorResponses.write(response, 416, "The range is outside the file of " + size + " bytes");
    }

}
