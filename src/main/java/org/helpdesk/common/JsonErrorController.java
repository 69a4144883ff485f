package org.helpdesk.common;

import java.util.UUID;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors raised outside Spring MVC (the servlet container, filters) also answer {@code {"error"}}. */
@RestController
class JsonErrorController implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

    @RequestMapping(path = "/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // a client asking for /error itself: a path like any unknown one
            return ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .contentType(new MediaType(MediaType.APPLICATION_JSON, java.nio.charset.StandardCharsets.UTF_8))
                    .body(new ApiError("No such route: /error"));
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        HttpStatus resolved = HttpStatus.resolve(status);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (status >= 500 && error != null && DatabaseUnavailable.matches(error)) {
            log.warn("Database unavailable: {}", error.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                    .contentType(new MediaType(MediaType.APPLICATION_JSON, java.nio.charset.StandardCharsets.UTF_8))
                    .body(new ApiError(DatabaseUnavailable.MESSAGE));
        }
        if (resolved == null) {
            resolved = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String message = switch (resolved) {
            case NOT_FOUND -> "No such route";
            case METHOD_NOT_ALLOWED -> "Method not allowed on this path";
            case CONTENT_TOO_LARGE -> "The request body is too large";
            case BAD_REQUEST -> "The request is malformed";
            case UNAUTHORIZED -> "Authentication required";
            case FORBIDDEN -> "Not allowed";
            default -> {
                if (resolved.is5xxServerError()) {
                    String ref = UUID.randomUUID().toString().substring(0, 8);
                    log.error("Unexpected error (ref {})", ref, error);
                    yield "Unexpected error (ref " + ref + "); contact your administrator with this reference";
                }
                yield resolved.getReasonPhrase();
            }
        };
        return ResponseEntity.status(resolved).contentType(new MediaType(MediaType.APPLICATION_JSON, java.nio.charset.StandardCharsets.UTF_8)).body(new ApiError(message));
    }
}
