package org.helpdesk.common;

import org.springframework.http.HttpStatus;

/** Something the request names does not exist in this entity (404). */
public class NotFound extends ApiException {
    public NotFound(String message) {
        super(HttpStatus.NOT_FOUND, message);
    }
}
