package org.helpdesk.account;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.auth.Role;
import org.helpdesk.auth.SessionLogin;
import org.helpdesk.common.JsonInput;
import org.helpdesk.entity.Entity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Signup, login, logout and "who am I" for browser sessions: JSON in, the use case, the session, JSON out. */
@RestController
class AccountController {
    private final AccountManagement accounts;
    private final SessionLogin sessions;

    AccountController(AccountManagement accounts, SessionLogin sessions) {
        this.accounts = accounts;
        this.sessions = sessions;
    }

    record SignupResponse(Account user, Entity entity) {
    }

    record LoginResponse(Account user) {
    }

    record EntityRef(UUID id, String name) {
    }

    record MembershipView(EntityRef entity, Role role) {
    }

    record MeResponse(Account user, List<MembershipView> memberships) {
    }

    @PostMapping("/api/auth/signup")
    ResponseEntity<SignupResponse> signup(@RequestBody JsonNode body, HttpServletRequest request,
                                          HttpServletResponse response) {
        accounts.requireSignupOpen(); // before the body is judged: a closed door says so whatever was sent
        JsonInput in = JsonInput.of(body);
        // the client address after Tomcat's RemoteIpValve: the X-Forwarded-For client behind a trusted proxy
        SignUp command = new SignUp(in.requiredString("email"), in.requiredString("password"),
                in.requiredString("name"), in.requiredString("entityName"), request.getRemoteAddr());
        AccountManagement.SignedUp signup = accounts.signUp(command);
        sessions.signIn(signup.account().sessionUser(), request, response);
        return ResponseEntity.status(HttpStatus.CREATED).body(new SignupResponse(signup.account(), signup.entity()));
    }

    @PostMapping("/api/auth/login")
    LoginResponse login(@RequestBody JsonNode body, HttpServletRequest request, HttpServletResponse response) {
        JsonInput in = JsonInput.of(body);
        Account account = accounts.signIn(new SignIn(in.requiredString("email"), in.requiredString("password"),
                request.getRemoteAddr()));
        sessions.signIn(account.sessionUser(), request, response);
        return new LoginResponse(account);
    }

    @PostMapping("/api/auth/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        // with an Authorization header the header alone decides who calls (API.md §2): a session cookie sent
        // along is not the caller's, so it is not ended
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            sessions.signOut(request);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/me")
    MeResponse me() {
        AccountManagement.Me me = accounts.me(SessionLogin.current().id());
        return new MeResponse(me.user(), me.memberships().stream()
                .map(m -> new MembershipView(new EntityRef(m.entityId(), m.entityName()), m.role())).toList());
    }
}
