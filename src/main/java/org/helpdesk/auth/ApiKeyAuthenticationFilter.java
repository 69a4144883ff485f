package org.helpdesk.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.common.ErrorResponses;
import org.helpdesk.common.Times;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer ak_...}. When the header is present it alone decides: a bad key
 * is 401 even if the request also carries a valid session cookie.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {
    private final KeyDirectory keys;
    private final KeyUsage usage;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    ApiKeyAuthenticationFilter(KeyDirectory keys, KeyUsage usage, RateLimiter rateLimiter, Clock clock) {
        this.keys = keys;
        this.usage = usage;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !org.helpdesk.common.RequestPaths.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            unauthorized(response, "Use the header Authorization: Bearer ak_...");
            return;
        }
        String secret = header.substring(7).strip();
        if (!ApiKeyFormat.wellFormed(secret)) {
            unauthorized(response, "The API key is malformed; keys look like ak_ followed by 40 letters and digits");
            return;
        }
        Instant now = Times.now(clock);
        Optional<KeyCaller> caller = keys.activeKey(ApiKeyFormat.hash(secret), now);
        if (caller.isEmpty()) {
            unauthorized(response, "The API key is unknown, expired or revoked");
            return;
        }
        RateLimiter.Decision decision = rateLimiter.tryConsume(caller.get().keyId());
        if (!decision.allowed()) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
            ErrorResponses.write(response, 429, "Rate limit of this API key exceeded; retry after "
                    + decision.retryAfterSeconds() + " seconds");
            return;
        }
        usage.used(caller.get(), now);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new PreAuthenticatedAuthenticationToken(caller.get(), null,
                List.of(new SimpleGrantedAuthority("ROLE_API_KEY"))));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void unauthorized(HttpServletResponse response, String message) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        ErrorResponses.write(response, 401, message);
    }
}
