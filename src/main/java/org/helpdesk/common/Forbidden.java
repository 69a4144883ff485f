package org.helpdesk.common;

import org.springframework.http.HttpStatus;

/** The caller is known but may not do this (403). */
public class Forbidden extends ApiException {
    public Forbidden(String message) {
        super(HttpStatus.FORBIDDEN, message);
    }
}
