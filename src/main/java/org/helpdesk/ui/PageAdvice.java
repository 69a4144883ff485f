package org.helpdesk.ui;

import java.util.Map;
import java.util.UUID;

import org.helpdesk.auth.SessionUser;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.DatabaseUnavailable;
import org.helpdesk.common.Forbidden;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * For the pages: the signed-in user and an empty error list in every model, and failures as HTML pages in the
 * layout (the JSON API keeps its own handler). An unexpected error shows a reference that is in the log.
 */
@ControllerAdvice(basePackages = "org.helpdesk.ui")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {
    private static final Logger log = LoggerFactory.getLogger(PageAdvice.class);

    @ModelAttribute("signedIn")
    SessionUser signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SessionUser user ? user : null;
    }

    @ModelAttribute("errors")
    FormErrors errors() {
        return new FormErrors();
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e) {
        return page(HttpStatus.NOT_FOUND, FormErrors.sentence(e.getMessage()));
    }

    @ExceptionHandler(Forbidden.class)
    ModelAndView forbidden(Forbidden e) {
        return page(HttpStatus.FORBIDDEN, FormErrors.sentence(e.getMessage()));
    }

    @ExceptionHandler({InvalidInput.class, MethodArgumentTypeMismatchException.class})
    ModelAndView invalid(Exception e) {
        String message = e instanceof InvalidInput ? e.getMessage() : "The address is not valid";
        return page(HttpStatus.BAD_REQUEST, FormErrors.sentence(message));
    }

    @ExceptionHandler(Conflict.class)
    ModelAndView conflict(Conflict e) {
        return page(HttpStatus.CONFLICT, FormErrors.sentence(e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        if (DatabaseUnavailable.matches(e)) {
            log.warn("Database unavailable (ref {}): {}", ref, e.toString());
            return page(HttpStatus.SERVICE_UNAVAILABLE, "The database cannot be reached just now; try again in a moment (ref " + ref + ").");
        }
        log.error("Unexpected error (ref {})", ref, e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side (ref " + ref + "). Contact your administrator with this reference.");
    }

    private ModelAndView page(HttpStatus status, String message) {
        Map<String, Object> model = new java.util.HashMap<>();
        model.put("status", status.value());
        model.put("reason", status.getReasonPhrase());
        model.put("message", message);
        model.put("signedIn", signedIn());
        model.put("errors", new FormErrors());
        return new ModelAndView("error", model, status);
    }
}
