package org.helpdesk.ui;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.AccountService;
import org.helpdesk.common.HelpdeskSettings;
import org.helpdesk.account.Users;
import org.helpdesk.auth.LoginThrottle;
import org.helpdesk.auth.SessionLogin;
import org.helpdesk.auth.SessionUser;
import org.helpdesk.common.DomainException;
import org.helpdesk.common.Emails;
import org.helpdesk.common.Forbidden;
import org.helpdesk.common.JsonInput;
import org.helpdesk.entity.Entities;
import org.helpdesk.entity.Memberships;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Sign up, sign in, sign out, the page of a user without an entity, and the entity switcher. Signing in uses
 * the same account service as {@code POST /api/auth/login}, so its limits apply to both.
 */
@Controller
class AuthPages {
    private final AccountService accounts;
    private final Entities entities;
    private final Memberships memberships;
    private final SessionLogin sessions;
    private final HelpdeskSettings properties;
    private final LoginThrottle throttle;

    AuthPages(AccountService accounts, Entities entities, Memberships memberships, SessionLogin sessions,
              HelpdeskSettings properties, LoginThrottle throttle) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.entities = entities;
        this.memberships = memberships;
        this.sessions = sessions;
        this.properties = properties;
    }

    /** The start page for visitors; a signed-in user goes to their first entity's tickets. */
    @GetMapping("/")
    String home(@ModelAttribute("signedIn") SessionUser user, Model model, HttpServletRequest request) {
        model.addAttribute("signupEnabled", properties.signupEnabled());
        // the configured public URL, else the address this request reached (port and proxy headers included)
        model.addAttribute("baseUrl", properties.publicUrl() != null ? properties.publicUrl()
                : ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString());
        if (user == null) {
            return "home";
        }
        List<Entities.MembershipRow> mine = entities.membershipsOf(user.id());
        return mine.isEmpty() ? "redirect:/start" : "redirect:/e/" + mine.get(0).entityId() + "/tickets";
    }

    @GetMapping("/signin")
    String signInForm(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", ReturnTo.safe(next));
        model.addAttribute("email", "");
        model.addAttribute("signupEnabled", properties.signupEnabled());
        return "auth/signin";
    }

    @PostMapping("/signin")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  @RequestParam(required = false) String next, @ModelAttribute("errors") FormErrors errors,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        String key = email.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            errors.add("email", "Enter your email address.");
        }
        if (password.isEmpty()) {
            errors.add("password", "Enter your password.");
        }
        if (!errors.any()) {
            try {
                // the same brute-force limits as POST /api/auth/login (API §4)
                throttle.beforeLogin(key, request.getRemoteAddr());
                accounts.authenticate(key, password).ifPresentOrElse(user -> {
                    throttle.loginSucceeded(key, request.getRemoteAddr());
                    sessions.signIn(new SessionUser(user.id(), user.email(), user.name()), request, response);
                }, () -> errors.add("password", "Wrong email or password."));
            } catch (DomainException e) { // e.g. too many attempts: the limiter's own words
                errors.add("password", FormErrors.sentence(e.getMessage()));
                response.setStatus(org.helpdesk.common.ErrorResponses.status(e).value());
            }
        }
        if (errors.any()) {
            model.addAttribute("next", ReturnTo.safe(next));
            model.addAttribute("email", email);
            model.addAttribute("signupEnabled", properties.signupEnabled());
            if (response.getStatus() < 400) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            return "auth/signin";
        }
        return "redirect:" + ReturnTo.safe(next);
    }

    @GetMapping("/signup")
    String signUpForm(Model model) {
        requireSignup();
        model.addAttribute("form", new SignUpForm("", "", ""));
        return "auth/signup";
    }

    public record SignUpForm(String name, String email, String organisation) {
    }

    @PostMapping("/signup")
    String signUp(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String organisation,
                  @ModelAttribute("errors") FormErrors errors, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        requireSignup();
        String cleanName = errors.check("name", () -> JsonInput.text(name, "Name", 255));
        String cleanEmail = errors.check("email", () -> Emails.accountKey(email, "Email"));
        String cleanOrganisation = errors.check("organisation", () -> JsonInput.text(organisation, "Organisation", 255));
        if (password.length() < 8) {
            errors.add("password", "Password must be at least 8 characters.");
        }
        AccountService.Signup signup = null;
        if (!errors.any()) {
            try {
                throttle.beforeSignup(request.getRemoteAddr());
                signup = accounts.signup(cleanEmail, password, cleanName, cleanOrganisation);
            } catch (org.helpdesk.common.RetryLater e) {
                errors.add("email", FormErrors.sentence(e.getMessage()));
                response.setStatus(org.helpdesk.common.ErrorResponses.status(e).value());
            } catch (org.helpdesk.common.Conflict e) {
                errors.add("email", "An account with this email already exists. Sign in instead.");
            } catch (org.helpdesk.common.InvalidInput e) {
                errors.add("password", FormErrors.sentence(e.getMessage().replace("password", "Password")));
            }
        }
        if (signup == null) {
            model.addAttribute("form", new SignUpForm(name, email, organisation));
            if (response.getStatus() < 400) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            return "auth/signup";
        }
        Users.UserRow user = signup.user();
        sessions.signIn(new SessionUser(user.id(), user.email(), user.name()), request, response);
        return "redirect:/e/" + signup.entity().id() + "/tickets";
    }

    @PostMapping("/signout")
    String signOut(HttpServletRequest request) {
        sessions.signOut(request);
        return "redirect:/signin";
    }

    /** A signed-in user without any entity: what that means and how to go on. */
    @GetMapping("/start")
    String start(Model model) {
        SessionUser user = SessionLogin.current();
        List<Entities.MembershipRow> mine = entities.membershipsOf(user.id());
        model.addAttribute("memberships", mine);
        model.addAttribute("entityName", "");
        return "start";
    }

    @PostMapping("/entities")
    String createEntity(@RequestParam(defaultValue = "") String name, @ModelAttribute("errors") FormErrors errors,
                        Model model, HttpServletResponse response) {
        SessionUser user = SessionLogin.current();
        String clean = errors.check("name", () -> JsonInput.text(name, "Organisation", 255));
        if (clean == null) {
            model.addAttribute("memberships", entities.membershipsOf(user.id()));
            model.addAttribute("entityName", name);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "start";
        }
        return "redirect:/e/" + memberships.createEntity(user.id(), clean).id() + "/tickets";
    }

    /** The entity switcher's form: the same page set for another entity. */
    @GetMapping("/switch")
    String switchEntity(@RequestParam UUID entityId) {
        return "redirect:/e/" + entityId + "/tickets";
    }

    private void requireSignup() {
        if (!properties.signupEnabled()) {
            throw new Forbidden("Signup is switched off on this server; ask an administrator for an account");
        }
    }
}
