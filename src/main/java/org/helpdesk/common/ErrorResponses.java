package org.helpdesk.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/** Writes {@code {"error"}} bodies from places outside Spring MVC (servlet filters, security handlers). */
public final class ErrorResponses {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorResponses() {
    }

    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(new ApiError(message, status >= 500 ? RequestIds.current() : null)));
        response.flushBuffer();
    }
}
