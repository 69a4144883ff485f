package org.helpdesk.common;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place where exceptions become {@code {"error"}} responses. */
@RestControllerAdvice
class ApiExceptionHandler {
    private static final MediaType JSON = new MediaType(MediaType.APPLICATION_JSON, java.nio.charset.StandardCharsets.UTF_8);
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        if (e instanceof RetryLater later) {
            return ResponseEntity.status(e.status()).header("Retry-After", Long.toString(later.retryAfterSeconds()))
                    .contentType(JSON).body(new ApiError(e.getMessage()));
        }
        return error(e.status(), e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return error(HttpStatus.BAD_REQUEST, "The request body must be one valid JSON value");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send the body as Content-Type: application/json");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return error(HttpStatus.NOT_ACCEPTABLE, "This route answers with application/json only");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED);
        if (e.getSupportedHttpMethods() != null) {
            builder.allow(e.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new));
        }
        return builder.contentType(JSON)
                .body(new ApiError("Method " + e.getMethod() + " is not allowed on this path"));
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<ApiError> noRoute(HttpServletRequest request) {
        return error(HttpStatus.NOT_FOUND, "No such route: " + request.getRequestURI());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, e.getName() + " is not valid");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, e.getParameterName() + " is required");
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return error(HttpStatus.BAD_REQUEST, "Header " + e.getHeaderName() + " is required");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ApiError> tooLarge() {
        return error(HttpStatus.CONTENT_TOO_LARGE, "The request body is too large");
    }

    /**
     * A constraint the checks before the write did not catch: a duplicate or a row deleted meanwhile is a
     * conflict (409); a value the database refuses (SQLSTATE class 22, e.g. too long) is bad input (400).
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ApiError> integrity(DataIntegrityViolationException e) {
        // the database's message quotes the offending values (emails, names): kept out of INFO logs
        if (log.isDebugEnabled()) {
            log.debug("Constraint violation: {}", e.getMostSpecificCause().getMessage());
        }
        if (e.getMostSpecificCause() instanceof java.sql.SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22")) {
            return error(HttpStatus.BAD_REQUEST, "A value is too long or not valid for its field");
        }
        return error(HttpStatus.CONFLICT, "The change conflicts with data that changed meanwhile; retry");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        String ref = UUID.randomUUID().toString().substring(0, 8);
        if (DatabaseUnavailable.matches(e)) {
            log.warn("Database unavailable (ref {}): {}", ref, e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                    .contentType(JSON).body(new ApiError(DatabaseUnavailable.MESSAGE + " (ref " + ref + ")"));
        }
        log.error("Unexpected error (ref {})", ref, e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR,
                "Unexpected error (ref " + ref + "); contact your administrator with this reference");
    }

    /** Always JSON, whatever the request's Accept header says: an error must never turn into a bodiless 406. */
    private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(JSON).body(new ApiError(message));
    }
}
