package org.helpdesk.account;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.common.HelpdeskSettings;
import org.helpdesk.auth.LoginThrottle;
import org.helpdesk.auth.Role;
import org.helpdesk.auth.SessionLogin;
import org.helpdesk.auth.SessionUser;
import org.helpdesk.common.Unauthenticated;
import org.helpdesk.common.Emails;
import org.helpdesk.common.Forbidden;
import org.helpdesk.common.JsonInput;
import org.helpdesk.entity.Entities;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Signup, login, logout and "who am I" for browser sessions. */
@RestController
class AccountController {
    private final AccountService accounts;
    private final Users users;
    private final Entities entities;
    private final SessionLogin sessions;
    private final HelpdeskSettings properties;
    private final LoginThrottle throttle;

    AccountController(AccountService accounts, Users users, Entities entities, SessionLogin sessions,
                      HelpdeskSettings properties, LoginThrottle throttle) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.users = users;
        this.entities = entities;
        this.sessions = sessions;
        this.properties = properties;
    }

    record SignupResponse(Users.UserView user, Entities.EntityRow entity) {
    }

    record LoginResponse(Users.UserView user) {
    }

    record EntityRef(java.util.UUID id, String name) {
    }

    record MembershipView(EntityRef entity, Role role) {
    }

    record MeResponse(Users.UserView user, List<MembershipView> memberships) {
    }

    @PostMapping("/api/auth/signup")
    ResponseEntity<SignupResponse> signup(@RequestBody JsonNode body, HttpServletRequest request,
                                          HttpServletResponse response) {
        if (!properties.signupEnabled()) {
            throw new Forbidden("Signup is switched off on this server; ask an administrator for an account");
        }
        JsonInput in = JsonInput.of(body);
        String email = Emails.accountKey(in.requiredString("email"), "email");
        String password = in.requiredString("password");
        String name = JsonInput.text(in.requiredString("name"), "name", 255);
        String entityName = JsonInput.text(in.requiredString("entityName"), "entityName", 255);
        // the client address after Tomcat's RemoteIpValve: the X-Forwarded-For client behind a trusted proxy
        throttle.beforeSignup(request.getRemoteAddr());
        AccountService.Signup signup = accounts.signup(email, password, name, entityName);
        sessions.signIn(new SessionUser(signup.user().id(), signup.user().email(), signup.user().name()), request, response);
        return ResponseEntity.status(HttpStatus.CREATED).body(new SignupResponse(signup.user().view(), signup.entity()));
    }

    @PostMapping("/api/auth/login")
    LoginResponse login(@RequestBody JsonNode body, HttpServletRequest request, HttpServletResponse response) {
        JsonInput in = JsonInput.of(body);
        String email = in.requiredString("email").strip().toLowerCase(java.util.Locale.ROOT);
        String password = in.requiredString("password");
        String address = request.getRemoteAddr();
        throttle.beforeLogin(email, address);
        Users.UserRow user = accounts.authenticate(email, password)
                .orElseThrow(() -> new Unauthenticated("Wrong email or password"));
        throttle.loginSucceeded(email, address);
        sessions.signIn(new SessionUser(user.id(), user.email(), user.name()), request, response);
        return new LoginResponse(user.view());
    }

    @PostMapping("/api/auth/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        // with an Authorization header the header alone decides who calls (API.md §2): a session cookie sent
        // along is not the caller's, so it is not ended
        if (request.getHeader(org.springframework.http.HttpHeaders.AUTHORIZATION) == null) {
            sessions.signOut(request);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/me")
    MeResponse me() {
        SessionUser current = SessionLogin.current();
        Users.UserRow user = users.byId(current.id())
                .orElseThrow(() -> new Unauthenticated("This account no longer exists; sign in again"));
        List<MembershipView> memberships = entities.membershipsOf(user.id()).stream()
                .map(m -> new MembershipView(new EntityRef(m.entityId(), m.entityName()), m.role()))
                .toList();
        return new MeResponse(user.view(), memberships);
    }
}
