package org.helpdesk.ops;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.auth.ApiKeyFormat;
import org.helpdesk.auth.KeyCaller;
import org.helpdesk.auth.SessionUser;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.FilterOrder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * One line per request on the logger {@code org.helpdesk.access}: method, route template (never the raw path,
 * which holds ids), status, milliseconds, entity, and who called: the API key's public prefix or the signed-in
 * user's id. Never a header value, body, cookie or email. It also counts the outcomes that are domain signals:
 * refused credentials, throttled logins, rate-limited requests.
 */
@Component
@Order(FilterOrder.ACCESS_LOG) // inside RequestIds, so the line carries the request id
class AccessLog extends OncePerRequestFilter implements HandlerInterceptor {
    private static final Logger log = LoggerFactory.getLogger("org.helpdesk.access");
    private static final String CALLER = AccessLog.class.getName() + ".caller";
    private static final String ENTITY = AccessLog.class.getName() + ".entity";
    static final String LOGIN = "/api/auth/login";

    private final HelpdeskMetrics metrics;
    private final ObjectProvider<RequestMappingHandlerMapping> routes;

    AccessLog(HelpdeskMetrics metrics, @Qualifier("requestMappingHandlerMapping")
              ObjectProvider<RequestMappingHandlerMapping> routes) {
        this.metrics = metrics;
        this.routes = routes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            long ms = (System.nanoTime() - start) / 1_000_000;
            int status = response.getStatus();
            String route = route(request, status);
            count(request, status);
            if (log.isInfoEnabled()) {
                Object caller = request.getAttribute(CALLER);
                Object entity = request.getAttribute(ENTITY);
                log.atInfo()
                        .addKeyValue("method", request.getMethod()).addKeyValue("route", route)
                        .addKeyValue("status", status).addKeyValue("ms", ms)
                        .addKeyValue("entity", entity == null ? "-" : entity)
                        .addKeyValue("caller", caller == null ? "-" : caller)
                        .log("{} {} {} {}ms entity={} {}", request.getMethod(), route, status, ms,
                                entity == null ? "-" : entity, caller == null ? "caller=-" : caller);
            }
        }
    }

    /**
     * Runs inside Spring MVC, where the security context is still set (the filters clear it on the way out).
     * Records who called and in which entity, for the line written when the request completes.
     */
    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        Object principal = authentication == null ? null : authentication.getPrincipal();
        UUID entity = request.getAttribute(Tenant.class.getName()) instanceof Tenant tenant ? tenant.entityId() : null;
        if (principal instanceof KeyCaller key) {
            request.setAttribute(CALLER, "key=" + keyPrefix(request));
            entity = key.entityId();
        } else if (principal instanceof SessionUser user) {
            request.setAttribute(CALLER, "user=" + user.id());
        }
        if (entity != null) {
            request.setAttribute(ENTITY, entity.toString());
        }
    }

    private static String keyPrefix(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String token = header == null || header.length() < 7 ? "" : header.substring(7).strip();
        // only reached for an authenticated key, whose shape is checked: the prefix is the public part
        return ApiKeyFormat.prefix(token);
    }

    /**
     * The route template Spring MVC matched, or a fixed word: the raw path would put ids into logs and labels.
     * A request refused before Spring MVC (401, 403, 429, 413 from a filter) is matched here, so its line and its
     * http.server.requests series name the route too.
     */
    private String route(HttpServletRequest request, int status) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        if (pattern == null && status >= 400 && status != 404 && status != 405) {
            pattern = match(request);
            if (pattern != null) {
                String template = pattern.toString();
                ServerHttpObservationFilter.findObservationContext(request)
                        .ifPresent(context -> context.setPathPattern(template));
            }
        }
        if (pattern != null) {
            return pattern.toString();
        }
        if (status == 404) {
            return "NOT_FOUND";
        }
        return status / 100 == 3 ? "REDIRECTION" : "UNKNOWN";
    }

    private @Nullable Object match(HttpServletRequest request) {
        RequestMappingHandlerMapping mapping = routes.getIfAvailable();
        if (mapping == null) {
            return null;
        }
        try {
            if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
                ServletRequestPathUtils.parseAndCache(request);
            }
            return mapping.getHandler(request) == null ? null
                    : request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        } catch (Exception e) {
            return null; // no route for this method and path: the line says UNKNOWN
        }
    }

    private void count(HttpServletRequest request, int status) {
        boolean login = LOGIN.equals(request.getServletPath());
        if (status == 401) {
            if (login) {
                metrics.authenticationFailed("password");
            } else if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
                metrics.authenticationFailed("api_key");
            }
        } else if (status == 429) {
            if (login) {
                metrics.loginThrottled();
            } else {
                metrics.rateLimited();
            }
        }
    }
}
