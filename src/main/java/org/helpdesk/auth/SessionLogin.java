package org.helpdesk.auth;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Starts and ends browser sessions (stored in the database by Spring Session). */
@Component
public class SessionLogin {
    /** Session attribute: when the user signed in (epoch milliseconds), for the absolute session lifetime. */
    static final String SIGNED_IN_AT = "helpdesk.signedInAt";

    /** When the session's user signed in; sessions from before this attribute existed count from their creation. */
    static long signedInAt(HttpSession session) {
        return session.getAttribute(SIGNED_IN_AT) instanceof Long at ? at : session.getCreationTime();
    }

    private final SecurityContextRepository contexts;

    SessionLogin(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    public void signIn(SessionUser user, HttpServletRequest request, HttpServletResponse response) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId(); // no session fixation: a signed-in session never keeps a pre-login id
        }
        request.getSession().setAttribute(SIGNED_IN_AT, System.currentTimeMillis());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                List.of(new SimpleGrantedAuthority("ROLE_USER"))));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    public void signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    /** The signed-in user of this request, if the request has a session (not an API key). */
    public static SessionUser current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SessionUser user) {
            return user;
        }
        throw new org.helpdesk.common.Unauthenticated("Sign in first");
    }
}
