package org.helpdesk.common;

import org.springframework.http.HttpStatus;

/** The request is not valid (400). */
public class InvalidInput extends ApiException {
    public InvalidInput(String message) {
        super(HttpStatus.BAD_REQUEST, message);
    }
}
