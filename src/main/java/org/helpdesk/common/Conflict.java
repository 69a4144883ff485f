package org.helpdesk.common;

import org.springframework.http.HttpStatus;

/** The request conflicts with the current state (409). */
public class Conflict extends ApiException {
    public Conflict(String message) {
        super(HttpStatus.CONFLICT, message);
    }
}
