package org.helpdesk.attachment;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.common.ErrorResponses;
import org.helpdesk.common.RequestPaths;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On the upload route, request parameters are the query string's only: asking for one (the entity resolver asks
 * for {@code entityId}) must never make the container read and parse a 25 MiB multipart body, least of all before
 * the credentials are judged. The body is read once, by the upload route, as a stream.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 6)
class UploadRequestFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.isUpload(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> query;
        try {
            query = parse(request.getQueryString());
        } catch (IllegalArgumentException e) {
            ErrorResponses.write(response, 400, "The query string is not valid: percent-encode UTF-8 text");
            return;
        }
        chain.doFilter(new QueryOnly(request, query), response);
    }

    static Map<String, String[]> parse(String queryString) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (queryString != null && !queryString.isEmpty()) {
            for (String pair : queryString.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        return Collections.unmodifiableMap(out);
    }

    private static final class QueryOnly extends HttpServletRequestWrapper {
        private final Map<String, String[]> query;

        QueryOnly(HttpServletRequest request, Map<String, String[]> query) {
            super(request);
            this.query = query;
        }

        @Override
        public String getParameter(String name) {
            String[] values = query.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = query.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return query;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(query.keySet());
        }
    }
}
