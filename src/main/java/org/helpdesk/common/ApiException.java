package org.helpdesk.common;

import org.springframework.http.HttpStatus;

/** A failure the client can act on: turned into {@code {"error": message}} with its status. */
public class ApiException extends RuntimeException {
    private final HttpStatus status;

    public ApiException(HttpStatus status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
