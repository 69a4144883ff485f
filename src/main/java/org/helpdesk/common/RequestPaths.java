package org.helpdesk.common;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The path a request is routed by. Filters must decide on this, not on {@code getRequestURI()}: the raw URI
 * keeps percent-encoding and path parameters ({@code /%61pi/...}, {@code /api;x=1/...}) while routing uses the
 * decoded, normalised path, so a check on the raw URI can be walked around.
 */
public final class RequestPaths {
    private RequestPaths() {
    }

    public static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        return pathInfo == null ? servletPath : servletPath + pathInfo;
    }

    public static boolean isApi(HttpServletRequest request) {
        return path(request).startsWith("/api/");
    }

    /** The one API route whose body is a multipart file, streamed to storage rather than buffered as JSON. */
    public static final String UPLOADS = "/api/helpdesk/uploads";

    public static boolean isUpload(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && path(request).equals(UPLOADS);
    }
}
