package org.helpdesk.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code {"error"}} bodies from places outside Spring MVC (servlet filters, security handlers). */
public final class ErrorResponses {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Request attribute with the sentence an HTML error page shows instead of the generic one. */
    public static final String PAGE_MESSAGE = "helpdesk.pageErrorMessage";

    private ErrorResponses() {
    }

    /**
     * Whether a request is for a browser page (errors as HTML in the layout) rather than the JSON API
     * ({@code /api/**}, actuator), whose errors are always {@code {"error"}}.
     */
    public static boolean isPage(jakarta.servlet.http.HttpServletRequest request) {
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        return !path.equals("/api") && !path.startsWith("/api/") && !path.startsWith("/actuator");
    }

    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(new ApiError(message)));
        response.flushBuffer();
    }
}
