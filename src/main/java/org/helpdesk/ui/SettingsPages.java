package org.helpdesk.ui;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.apikey.ApiKeyManagement;
import org.helpdesk.apikey.NewApiKey;
import org.helpdesk.auth.Role;
import org.helpdesk.auth.Scope;
import org.helpdesk.category.Category;
import org.helpdesk.category.CategoryManagement;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.Forbidden;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.entity.Memberships;
import org.helpdesk.entity.NewMember;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings of an entity for admins and owners: API keys, members, categories. Others get a 403 page. */
@Controller
@RequestMapping("/e/{entityId}/settings")
class SettingsPages {
    private final Desks desks;
    private final ApiKeyManagement keys;
    private final Memberships memberships;
    private final CategoryManagement categories;

    SettingsPages(Desks desks, ApiKeyManagement keys, Memberships memberships, CategoryManagement categories) {
        this.desks = desks;
        this.keys = keys;
        this.memberships = memberships;
        this.categories = categories;
    }

    @GetMapping
    String settings(@PathVariable UUID entityId) {
        return "redirect:/e/" + entityId + "/settings/api-keys";
    }

    // --- API keys

    @GetMapping("/api-keys")
    String apiKeys(@PathVariable UUID entityId, Model model) {
        Desk desk = desks.adminTab(entityId, model, "api-keys");
        return keysPage(desk, model, null, "", Set.of(Scope.READ), "");
    }

    private String keysPage(Desk desk, Model model, ApiKeyManagement.CreatedKey created, String name, Set<Scope> scopes,
                            String expires) {
        model.addAttribute("keys", keys.list(desk.tenant().entityId()));
        model.addAttribute("created", created);
        model.addAttribute("keyName", name);
        model.addAttribute("keyScopes", scopes.stream().map(Scope::value).toList());
        model.addAttribute("expires", expires);
        model.addAttribute("minExpiry", LocalDate.now(ZoneOffset.UTC).plusDays(1));
        return "settings/api-keys";
    }

    @PostMapping("/api-keys")
    String createKey(@PathVariable UUID entityId, @RequestParam(defaultValue = "") String name,
                     @RequestParam(required = false) List<String> scopes, @RequestParam(defaultValue = "") String expires,
                     @ModelAttribute("errors") FormErrors errors, Model model, HttpServletResponse response) {
        Desk desk = desks.adminTab(entityId, model, "api-keys");
        String cleanName = errors.check("name", () -> JsonInput.text(name, "Key name", 255));
        Set<Scope> chosen = EnumSet.noneOf(Scope.class);
        if (scopes != null) {
            for (String s : scopes) {
                errors.check("scopes", () -> chosen.add(Scope.parse(s)));
            }
        }
        if (chosen.isEmpty()) {
            errors.add("scopes", "Choose at least one scope.");
        }
        java.time.Instant expiresAt = null;
        if (!expires.isBlank()) {
            try {
                // the key expires at the end of the chosen day (UTC)
                expiresAt = LocalDate.parse(expires.strip()).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                errors.add("expires", "Expires must be a date such as 2030-01-31.");
            }
        }
        ApiKeyManagement.CreatedKey created = null;
        if (!errors.any()) {
            java.time.Instant at = expiresAt;
            created = errors.check("expires", () -> keys.create(desk.actor(), new NewApiKey(cleanName, chosen, at)));
        }
        if (created == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return keysPage(desk, model, null, name, chosen, expires);
        }
        response.setHeader("Cache-Control", "no-store"); // the secret must not linger in a cache
        return keysPage(desk, model, created, "", Set.of(Scope.READ), "");
    }

    @PostMapping("/api-keys/{keyId}/revoke")
    String revokeKey(@PathVariable UUID entityId, @PathVariable UUID keyId, Model model, RedirectAttributes flash) {
        Desk desk = desks.adminTab(entityId, model, "api-keys");
        keys.revoke(desk.actor(), keyId);
        flash.addFlashAttribute("notice", "API key revoked");
        return "redirect:/e/" + entityId + "/settings/api-keys";
    }

    // --- members

    @GetMapping("/members")
    String members(@PathVariable UUID entityId, Model model) {
        Desk desk = desks.adminTab(entityId, model, "members");
        return membersPage(desk, model, "", Role.AGENT);
    }

    private String membersPage(Desk desk, Model model, String email, Role role) {
        model.addAttribute("members", memberships.list(desk.entityId()));
        model.addAttribute("roles", Role.values());
        model.addAttribute("memberEmail", email);
        model.addAttribute("memberRole", role);
        return "settings/members";
    }

    @PostMapping("/members")
    String addMember(@PathVariable UUID entityId, @RequestParam(defaultValue = "") String email,
                     @RequestParam(defaultValue = "agent") String role, @ModelAttribute("errors") FormErrors errors,
                     Model model, RedirectAttributes flash, HttpServletResponse response) {
        Desk desk = desks.adminTab(entityId, model, "members");
        Role cleanRole = errors.check("role", () -> Role.parse(role, "Role"));
        NewMember command = errors.check("email", () -> new NewMember(email, cleanRole == null ? Role.AGENT : cleanRole));
        if (!errors.any()) {
            try {
                memberships.add(desk.actor(), command);
                flash.addFlashAttribute("notice", command.email() + " added as " + cleanRole.json());
                return "redirect:/e/" + entityId + "/settings/members";
            } catch (NotFound | Conflict e) {
                errors.add("email", FormErrors.sentence(e.getMessage()));
            } catch (Forbidden e) {
                errors.add("role", FormErrors.sentence(e.getMessage()));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return membersPage(desk, model, email, cleanRole == null ? Role.AGENT : cleanRole);
    }

    @PostMapping("/members/{userId}/role")
    String changeRole(@PathVariable UUID entityId, @PathVariable UUID userId, @RequestParam String role, Model model,
                      RedirectAttributes flash) {
        Desk desk = desks.adminTab(entityId, model, "members");
        try {
            var member = memberships.changeRole(desk.actor(), userId, Role.parse(role, "role"));
            flash.addFlashAttribute("notice", "Role of " + member.email() + " set to " + member.role().json());
        } catch (Conflict | Forbidden | InvalidInput e) {
            flash.addFlashAttribute("alert", FormErrors.sentence(e.getMessage()));
        }
        return "redirect:/e/" + entityId + "/settings/members";
    }

    @PostMapping("/members/{userId}/remove")
    String removeMember(@PathVariable UUID entityId, @PathVariable UUID userId, Model model, RedirectAttributes flash) {
        Desk desk = desks.adminTab(entityId, model, "members");
        try {
            memberships.remove(desk.actor(), userId);
            flash.addFlashAttribute("notice", "Member removed");
        } catch (Conflict | Forbidden e) {
            flash.addFlashAttribute("alert", FormErrors.sentence(e.getMessage()));
        }
        return "redirect:/e/" + entityId + "/settings/members";
    }

    // --- categories

    @GetMapping("/categories")
    String categories(@PathVariable UUID entityId, Model model) {
        Desk desk = desks.adminTab(entityId, model, "categories");
        return categoriesPage(desk, model, "");
    }

    private String categoriesPage(Desk desk, Model model, String name) {
        model.addAttribute("categories", categories.list(desk.tenant().entityId()));
        model.addAttribute("categoryName", name);
        return "settings/categories";
    }

    @PostMapping("/categories")
    String addCategory(@PathVariable UUID entityId, @RequestParam(defaultValue = "") String name,
                       @ModelAttribute("errors") FormErrors errors, Model model, RedirectAttributes flash,
                       HttpServletResponse response) {
        Desk desk = desks.adminTab(entityId, model, "categories");
        String clean = errors.check("name", () -> JsonInput.text(name, "Name", Category.MAX_NAME));
        if (clean != null && errors.check("name", () -> categories.create(desk.actor(), clean)) != null) {
            flash.addFlashAttribute("notice", "Category added");
            return "redirect:/e/" + entityId + "/settings/categories";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return categoriesPage(desk, model, name);
    }

    @PostMapping("/categories/{categoryId}/rename")
    String renameCategory(@PathVariable UUID entityId, @PathVariable UUID categoryId,
                          @RequestParam(defaultValue = "") String name, Model model, RedirectAttributes flash) {
        Desk desk = desks.adminTab(entityId, model, "categories");
        try {
            categories.rename(desk.actor(), categoryId, name);
            flash.addFlashAttribute("notice", "Category renamed");
        } catch (InvalidInput | Conflict e) {
            flash.addFlashAttribute("renameFailed", categoryId);
            flash.addFlashAttribute("renameError", FormErrors.sentence(e.getMessage()));
        }
        return "redirect:/e/" + entityId + "/settings/categories";
    }

    @PostMapping("/categories/{categoryId}/delete")
    String deleteCategory(@PathVariable UUID entityId, @PathVariable UUID categoryId, Model model,
                          RedirectAttributes flash) {
        Desk desk = desks.adminTab(entityId, model, "categories");
        categories.delete(desk.actor(), categoryId);
        flash.addFlashAttribute("notice", "Category deleted");
        return "redirect:/e/" + entityId + "/settings/categories";
    }
}
