package org.helpdesk.common;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API requests no route can read, before any filter or converter tries to: a body whose
 * Content-Type is not JSON (wildcards, malformed types, unknown charsets and form bodies included) is 415, and
 * a query string that does not decode as UTF-8, or holds a NUL character, is 400 (PostgreSQL cannot store it; H2 can, so both now refuse it alike).
 * Form bodies must never reach Spring's form parsing, which fails on undecodable input with a 500.
 */
@Component
@Order(FilterOrder.API_REQUEST_GUARD)
class ApiRequestGuard extends OncePerRequestFilter {
    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // what is wrong is answered after the security chain (DeferredRejection): credentials first
        String query = request.getQueryString();
        if (query != null && query.contains("%00")) {
            chain.doFilter(DeferredRejection.reject(request, 400,
                    "The query string contains a NUL character (%00); remove it"), response);
            return;
        }
        if (RequestPaths.isUpload(request)) {
            // multipart, judged by the upload route after the credentials (401 first); never parsed before that
            chain.doFilter(request, response);
            return;
        }
        String contentType = request.getContentType();
        // a wildcard or malformed type is refused even on an empty body: Spring MVC fails on it with a 500 as
        // soon as a route reads the (empty) body; a form type on an empty POST (a logout button) is harmless
        if (hasBody(request) && !isJson(contentType)
                || contentType != null && BODY_METHODS.contains(request.getMethod()) && !isWellFormed(contentType)) {
            chain.doFilter(DeferredRejection.reject(request, 415, "Send the body as Content-Type: application/json"),
                    response);
            return;
        }
        try {
            request.getParameterMap(); // Tomcat decodes the query here (a JSON body is never parsed as parameters)
        } catch (IllegalStateException e) { // InvalidParameterException: not UTF-8, bad %-escape, too many
            chain.doFilter(DeferredRejection.reject(request, 400,
                    "The query string is not valid: percent-encode UTF-8 text"), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return BODY_METHODS.contains(request.getMethod())
                && (request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null);
    }

    private static boolean isWellFormed(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    /** application/json or application/*+json, no wildcard, and a charset (if any) this JVM knows. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        if (type.isWildcardType() || type.isWildcardSubtype()
                || !(type.isCompatibleWith(MediaType.APPLICATION_JSON) || "application".equals(type.getType())
                && type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"))) {
            return false;
        }
        String charset = type.getParameter("charset");
        if (charset == null) {
            return true;
        }
        try {
            return Charset.forName(charset.replace("\"", "")).equals(StandardCharsets.UTF_8)
                    || Charset.isSupported(charset.replace("\"", ""));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
