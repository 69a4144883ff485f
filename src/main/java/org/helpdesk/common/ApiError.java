package org.helpdesk.common;

/** The one error body of the API: {@code {"error": "..."}}. */
public record ApiError(String error) {
}
