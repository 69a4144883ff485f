package org.helpdesk.common;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors raised outside Spring MVC (the servlet container, filters): {@code {"error"}} on the API, an HTML page
 * in the layout (template {@code error}) for browser pages.
 */
@Controller
class JsonErrorController implements ErrorController {
    private static final Logger log = LoggerFactory.getLogger(JsonErrorController.class);

    @RequestMapping(path = "/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            // a client asking for /error itself: a path like any unknown one
            return answer(false, response, HttpStatus.NOT_FOUND, ErrorResponses.NO_ROUTE + ": /error");
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        HttpStatus resolved = HttpStatus.resolve(status);
        Throwable error = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        boolean page = ErrorResponses.isPage(request);
        if (status >= 500 && error != null && DatabaseUnavailable.matches(error)) {
            log.warn("Database unavailable: {}", error.toString());
            response.setHeader("Retry-After", "1");
            return answer(page, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE);
        }
        if (resolved == null) {
            resolved = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String message = switch (resolved) {
            case NOT_FOUND -> page ? "There is no page at this address." : ErrorResponses.NO_ROUTE;
            case FORBIDDEN -> page ? "You may not do this." : ErrorResponses.NOT_ALLOWED;
            default -> ErrorResponses.messageFor(resolved.value());
        };
        if (resolved.is5xxServerError()) {
            String ref = ErrorResponses.newReference();
            log.error("Unexpected error (ref {})", ref, error);
            message = ErrorResponses.unexpected(ref);
        }
        if (page && request.getAttribute(ErrorResponses.PAGE_MESSAGE) instanceof String custom) {
            message = custom;
        }
        return answer(page, response, resolved, message);
    }

    private static ModelAndView answer(boolean page, HttpServletResponse response, HttpStatus status, String message)
            throws IOException {
        if (page) {
            return new ModelAndView("error", Map.of("status", status.value(), "reason", status.getReasonPhrase(),
                    "message", message), status);
        }
        ErrorResponses.write(response, status.value(), message);
        return null; // written: nothing to render
    }
}
