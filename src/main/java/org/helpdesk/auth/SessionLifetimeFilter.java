package org.helpdesk.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session once it is older than its absolute lifetime, however active it is (the idle timeout
 * alone would let a stolen cookie live forever if used). Runs before the security context is loaded from the
 * session, so the request then simply has no session.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {
    private final Duration maxAge;
    private final Clock clock;

    SessionLifetimeFilter(Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && clock.millis() - SessionLogin.signedInAt(session) > maxAge.toMillis()) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
