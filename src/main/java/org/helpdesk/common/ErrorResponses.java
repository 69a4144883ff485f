package org.helpdesk.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error catalogue: the one mapping of domain failures to HTTP statuses, the one wording of each failure
 * the container or the framework raises, and the one writer of {@code {"error": "..."}} bodies. Used by the
 * exception handler, the {@code /error} controller, the Tomcat valve and the servlet filters.
 */
public final class ErrorResponses {
    public static final MediaType JSON_UTF8 = new MediaType(MediaType.APPLICATION_JSON, StandardCharsets.UTF_8);
    public static final String NO_ROUTE = "No such route";
    public static final String MALFORMED = "The request is malformed (URL, headers or encoding)";
    public static final String NOT_JSON = "The request body must be one valid JSON value";
    public static final String UNSUPPORTED_TYPE = "Send the body as Content-Type: application/json";
    public static final String NOT_ACCEPTABLE = "This route answers with application/json only";
    public static final String TOO_LARGE = "The request body is too large";
    public static final String HEADERS_TOO_LARGE = "The request headers are too large";
    public static final String AUTHENTICATION_REQUIRED = "Authentication required";
    public static final String NOT_ALLOWED = "Not allowed";
    public static final String METHOD_NOT_ALLOWED = "Method not allowed on this path";
    public static final String INVALID_VALUE = "A value is too long or not valid for its field";
    public static final String CONCURRENT_CHANGE = "The change conflicts with data that changed meanwhile; retry";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);

    /** Request attribute with the sentence an HTML error page shows instead of the generic one. */
    public static final String PAGE_MESSAGE = "helpdesk.pageErrorMessage";

    private ErrorResponses() {
    }

    /** The status of a domain failure. */
    public static HttpStatus status(DomainException e) {
        return switch (e) {
            case NotFound n -> HttpStatus.NOT_FOUND;
            case InvalidInput i -> HttpStatus.BAD_REQUEST;
            case Conflict c -> HttpStatus.CONFLICT;
            case Forbidden f -> HttpStatus.FORBIDDEN;
            case Unauthenticated u -> HttpStatus.UNAUTHORIZED;
            case TooManyAttempts t -> HttpStatus.TOO_MANY_REQUESTS;
            case ServerBusy b -> HttpStatus.SERVICE_UNAVAILABLE;
            case TooLarge t -> HttpStatus.CONTENT_TOO_LARGE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    /**
     * What a failure answers, whichever front door it reached (the JSON API or a page): the status, the
     * sentence, for a 5xx the reference (the request id, logged with the failure), and when to retry.
     */
    public record Failure(HttpStatus status, String message, String reference, Long retryAfterSeconds) {
    }

    /**
     * The one classification of failures a handler catches: domain exceptions by {@link #status}; a constraint
     * the checks before a write did not catch (a duplicate or a row deleted meanwhile: 409; a value the database
     * refuses, SQLSTATE class 22: 400); a request the framework refused (its 4xx); the database out of reach (503, retry in a second); anything else a 500,
     * logged with its stack trace under the reference.
     */
    public static Failure failure(Throwable e) {
        if (e instanceof DomainException d) {
            return new Failure(status(d), d.getMessage(), null, d instanceof RetryLater r ? r.retryAfterSeconds() : null);
        }
        if (e instanceof DataIntegrityViolationException integrity) {
            String state = integrity.getMostSpecificCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : null;
            // Only the SQLSTATE: the database's message quotes the refused values (emails, names) into the log.
            log.info("Constraint violation (SQLSTATE {})", state == null ? "unknown" : state);
            return state != null && state.startsWith("22")
                    ? new Failure(HttpStatus.BAD_REQUEST, INVALID_VALUE, null, null)
                    : new Failure(HttpStatus.CONFLICT, CONCURRENT_CHANGE, null, null);
        }
        if (e instanceof org.springframework.web.ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            int code = framework.getStatusCode().value(); // a request Spring MVC refused (missing parameter, ...)
            return new Failure(HttpStatus.valueOf(code), messageFor(code), null, null);
        }
        String ref = newReference();
        if (DatabaseUnavailable.matches(e)) {
            log.warn("Database unavailable (ref {}): {}", ref, e.toString());
            return new Failure(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE, ref, 1L);
        }
        log.error("Unexpected error (ref {})", ref, e);
        return new Failure(HttpStatus.INTERNAL_SERVER_ERROR, unexpected(ref), ref, null);
    }

    /** The wording for a status the container or a filter sets without a sentence of its own. */
    public static String messageFor(int status) {
        return switch (status) {
            case 400 -> MALFORMED;
            case 401 -> AUTHENTICATION_REQUIRED;
            case 403 -> NOT_ALLOWED;
            case 404 -> NO_ROUTE;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> TOO_LARGE;
            case 415 -> UNSUPPORTED_TYPE;
            case 431 -> HEADERS_TOO_LARGE;
            case 503 -> DatabaseUnavailable.MESSAGE;
            default -> status >= 500 ? unexpected(null) : "The request was refused";
        };
    }

    /** A 500's sentence; with a reference the operator finds in the log line of the failure. */
    public static String unexpected(String reference) {
        return reference == null ? "Unexpected error; contact your administrator"
                : "Unexpected error (ref " + reference + "); contact your administrator with this reference";
    }

    /**
     * The reference of a 5xx, given to the caller: the request's id (X-Request-Id), which every log line of the
     * request carries; a short random one outside a request.
     */
    public static String newReference() {
        String requestId = RequestIds.current();
        return requestId != null ? requestId : UUID.randomUUID().toString().substring(0, 8);
    }

    public static byte[] body(String message) {
        return JSON.writeValueAsBytes(new ApiError(message));
    }

    /**
     * Whether a request is for a browser page (errors as HTML in the layout) rather than the JSON API
     * ({@code /api/**}, actuator), whose errors are always {@code {"error"}}. A request with an
     * {@code Authorization} header is an API client wherever it goes (API.md §1): JSON errors, never a page.
     */
    public static boolean isPage(jakarta.servlet.http.HttpServletRequest request) {
        return request.getHeader("Authorization") == null && isPagePath(request);
    }

    /** Whether the path is off the API (CSRF protects every page form, whatever headers came along). */
    public static boolean isPagePath(jakarta.servlet.http.HttpServletRequest request) {
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        // the decoded path, as routing sees it (a percent-encoded "/%61pi/..." is the API too)
        String path = original instanceof String s ? routedPath(s.substring(Math.min(s.length(),
                request.getContextPath().length()))) : RequestPaths.path(request);
        return !path.equals("/api") && !path.startsWith("/api/") && !path.startsWith("/actuator");
    }

    /** A raw request URI as routing sees it: path parameters ({@code ;v=1}) dropped, percent-encoding decoded. */
    private static String routedPath(String rawUri) {
        String withoutParameters = rawUri.replaceAll(";[^/]*", "");
        try {
            return org.springframework.web.util.UriUtils.decode(withoutParameters, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return withoutParameters;
        }
    }

    /** Writes an error from outside Spring MVC (servlet filters, security handlers). */
    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(
                new ApiError(message, status >= 500 ? RequestIds.current() : null)));
        response.flushBuffer();
    }
}
