package org.helpdesk.database;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells {@link ReplicaRouting} who is calling (the API key or the signed-in user), and when a caller writes:
 * every authenticated request that is not GET/HEAD/OPTIONS counts as a write (anonymous ones never do). It is marked before the request runs, so a read
 * sent after the response arrived can never slip past it to a standby that has not replayed the write.
 * Runs after Spring Security's filter chain, which establishes the caller.
 */
final class ReadYourWritesFilter extends OncePerRequestFilter {
    private static final ThreadLocal<String> CALLER = new ThreadLocal<>();
    private final ReplicaRouting routing;

    ReadYourWritesFilter(ReplicaRouting routing) {
        this.routing = routing;
    }

    static String currentCaller() {
        return CALLER.get();
    }

    private static String callerOf(Authentication auth) {
        return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                ? null : auth.getName();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String caller = callerOf(SecurityContextHolder.getContext().getAuthentication());
        // only a caller the chain authenticated writes: an anonymous POST (a login attempt, a flood) must not
        // send every caller's reads to the primary
        boolean write = caller != null && switch (request.getMethod()) {
            case "GET", "HEAD", "OPTIONS" -> false;
            default -> true;
        };
        CALLER.set(caller);
        if (write) {
            routing.writeStarted(caller);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            CALLER.remove();
            if (write) {
                routing.writeFinished(caller);
            } else if (caller == null && !"GET".equals(request.getMethod())) {
                // a signup or sign-in: the caller it made reads its own new account from the primary
                String signedIn = callerOf(SecurityContextHolder.getContext().getAuthentication());
                if (signedIn != null) {
                    routing.writeStarted(signedIn);
                    routing.writeFinished(signedIn);
                }
            }
        }
    }
}
