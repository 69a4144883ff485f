package org.helpdesk.ui;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.account.Account;
import org.helpdesk.account.AccountManagement;
import org.helpdesk.account.SignIn;
import org.helpdesk.account.SignUp;
import org.helpdesk.auth.SessionLogin;
import org.helpdesk.auth.SessionUser;
import org.helpdesk.common.DomainException;
import org.helpdesk.common.ErrorResponses;
import org.helpdesk.common.HelpdeskSettings;
import org.helpdesk.common.Unauthenticated;
import org.helpdesk.entity.Membership;
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
 * Sign up, sign in, sign out, the page of a user without an entity, and the entity switcher. The pages call
 * the same use cases as {@code /api/auth/*} ({@link AccountManagement}), so the rules and limits are the same.
 */
@Controller
class AuthPages {
    private final AccountManagement accounts;
    private final Memberships memberships;
    private final SessionLogin sessions;
    private final HelpdeskSettings settings;

    AuthPages(AccountManagement accounts, Memberships memberships, SessionLogin sessions, HelpdeskSettings settings) {
        this.accounts = accounts;
        this.memberships = memberships;
        this.sessions = sessions;
        this.settings = settings;
    }

    /** The start page for visitors; a signed-in user goes to their first entity's tickets. */
    @GetMapping("/")
    String home(@ModelAttribute("signedIn") SessionUser user, Model model, HttpServletRequest request) {
        model.addAttribute("signupEnabled", accounts.signupOpen());
        // the configured public URL, else the address this request reached (port and proxy headers included)
        model.addAttribute("baseUrl", settings.publicUrl() != null ? settings.publicUrl()
                : ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString());
        if (user == null) {
            return "home";
        }
        List<Membership> mine = memberships.of(user.id());
        return mine.isEmpty() ? "redirect:/start" : "redirect:/e/" + mine.get(0).entityId() + "/tickets";
    }

    @GetMapping("/signin")
    String signInForm(@RequestParam(required = false) String next, Model model) {
        model.addAttribute("next", ReturnTo.safe(next));
        model.addAttribute("email", "");
        model.addAttribute("signupEnabled", accounts.signupOpen());
        return "auth/signin";
    }

    @PostMapping("/signin")
    String signIn(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  @RequestParam(required = false) String next, @ModelAttribute("errors") FormErrors errors,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        if (email.isBlank()) {
            errors.add("email", "Enter your email address.");
        }
        if (password.isEmpty()) {
            errors.add("password", "Enter your password.");
        }
        if (!errors.any()) {
            try {
                Account account = accounts.signIn(new SignIn(email, password, request.getRemoteAddr()));
                sessions.signIn(account.sessionUser(), request, response);
            } catch (Unauthenticated e) {
                errors.add("password", FormErrors.sentence(e.getMessage()));
            } catch (DomainException e) { // e.g. too many attempts: the limiter's own words and status
                errors.add("password", FormErrors.sentence(e.getMessage()));
                response.setStatus(ErrorResponses.status(e).value());
            }
        }
        if (errors.any()) {
            model.addAttribute("next", ReturnTo.safe(next));
            model.addAttribute("email", email);
            model.addAttribute("signupEnabled", accounts.signupOpen());
            if (response.getStatus() < 400) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            return "auth/signin";
        }
        return "redirect:" + ReturnTo.safe(next);
    }

    @GetMapping("/signup")
    String signUpForm(Model model) {
        accounts.requireSignupOpen();
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
        accounts.requireSignupOpen();
        // field by field with the command's own rules, so each error stands beside its field
        errors.check("name", () -> SignUp.name(name, "Name"));
        errors.check("email", () -> SignUp.email(email));
        errors.check("organisation", () -> SignUp.name(organisation, "Organisation"));
        errors.check("password", () -> SignUp.password(password));
        AccountManagement.SignedUp signup = null;
        if (!errors.any()) {
            try {
                signup = accounts.signUp(new SignUp(email, password, name, organisation, request.getRemoteAddr()));
            } catch (org.helpdesk.common.Conflict e) {
                errors.add("email", "An account with this email already exists. Sign in instead.");
            } catch (DomainException e) { // too many signups, or the server is busy hashing
                errors.add("email", FormErrors.sentence(e.getMessage()));
                response.setStatus(ErrorResponses.status(e).value());
            }
        }
        if (signup == null) {
            model.addAttribute("form", new SignUpForm(name, email, organisation));
            if (response.getStatus() < 400) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            return "auth/signup";
        }
        sessions.signIn(signup.account().sessionUser(), request, response);
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
        model.addAttribute("memberships", memberships.of(SessionLogin.current().id()));
        model.addAttribute("entityName", "");
        return "start";
    }

    @PostMapping("/entities")
    String createEntity(@RequestParam(defaultValue = "") String name, @ModelAttribute("errors") FormErrors errors,
                        Model model, HttpServletResponse response) {
        SessionUser user = SessionLogin.current();
        var entity = errors.check("name", () -> memberships.createEntity(user.id(), name));
        if (entity == null) {
            model.addAttribute("memberships", memberships.of(user.id()));
            model.addAttribute("entityName", name);
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return "start";
        }
        return "redirect:/e/" + entity.id() + "/tickets";
    }

    /** The entity switcher's form: the same page set for another entity. */
    @GetMapping("/switch")
    String switchEntity(@RequestParam UUID entityId) {
        return "redirect:/e/" + entityId + "/tickets";
    }
}
