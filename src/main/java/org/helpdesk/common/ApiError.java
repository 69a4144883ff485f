package org.helpdesk.common;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one error body of the API: {@code {"error": "..."}}. Server errors (5xx) also carry the request's id,
 * which the operator finds in every log line of that request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String requestId) {
    public ApiError(String error) {
        this(error, null);
    }
}
