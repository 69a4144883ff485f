package org.helpdesk.ui;

import java.util.HashMap;
import java.util.Map;

import org.helpdesk.auth.SessionUser;
import org.helpdesk.common.ErrorResponses;
import org.helpdesk.common.InvalidInput;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * For the pages: the signed-in user and an empty error list in every model, and failures as HTML pages in the
 * layout. Status, wording and reference (the request id, in the log line of the failure) come from the same
 * catalogue as the JSON API's, {@link ErrorResponses#failure}; only the sentence is dressed for a person.
 */
@ControllerAdvice(basePackages = "org.helpdesk.ui")
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageAdvice {

    @ModelAttribute("signedIn")
    SessionUser signedIn() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SessionUser user ? user : null;
    }

    @ModelAttribute("errors")
    FormErrors errors() {
        return new FormErrors();
    }

    /** An id or number in the address that is not one. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView badAddress(MethodArgumentTypeMismatchException e) {
        return failed(new InvalidInput("The address is not valid"));
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception e) {
        ErrorResponses.Failure failure = ErrorResponses.failure(e);
        Map<String, Object> model = new HashMap<>();
        model.put("status", failure.status().value());
        model.put("reason", failure.status().getReasonPhrase());
        model.put("message", FormErrors.sentence(failure.message()));
        model.put("signedIn", signedIn());
        model.put("errors", new FormErrors());
        return new ModelAndView("error", model, failure.status());
    }
}
