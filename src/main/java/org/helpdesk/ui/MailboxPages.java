package org.helpdesk.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.email.Mailbox;
import org.helpdesk.email.MailboxManagement;
import org.helpdesk.email.Security;
import org.helpdesk.email.SuspendedMail;
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

/**
 * The "Mailboxes" and "Suspended mail" settings tabs (admins and owners): the entity's mailboxes (create, edit,
 * delete, test the connection) and the mail their guards held back (release, delete). An adapter over
 * {@link MailboxManagement}, the same use case the JSON API calls: every mailbox rule is checked there. Passwords
 * are write-only: the forms never carry a stored one back.
 */
@Controller
@RequestMapping("/e/{entityId}/settings")
class MailboxPages {
    /** The form's fields, in the order a message naming one of them is matched (longest names first). */
    private static final List<String> FIELDS = List.of("imapHost", "imapPort", "imapSecurity", "imapUsername",
            "imapPassword", "smtpHost", "smtpPort", "smtpSecurity", "smtpUsername", "smtpPassword", "pollSeconds",
            "address", "name");

    private static final Map<String, String> LABELS = labels();

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String side : List.of("imap", "smtp")) {
            String name = side.toUpperCase(java.util.Locale.ROOT);
            labels.put(side + "Host", name + " host");
            labels.put(side + "Port", name + " port");
            labels.put(side + "Security", name + " security");
            labels.put(side + "Username", name + " username");
            labels.put(side + "Password", name + " password");
        }
        labels.put("pollSeconds", "Poll every (seconds)");
        labels.put("address", "Address");
        labels.put("name", "Name");
        return labels;
    }

    private final Desks desks;
    private final MailboxManagement mailboxes;

    MailboxPages(Desks desks, MailboxManagement mailboxes) {
        this.desks = desks;
        this.mailboxes = mailboxes;
    }

    /** What the mailbox form shows: the values typed (or stored), never a password. */
    record MailboxForm(String name, String address, String imapHost, String imapPort, String imapSecurity,
                       String imapUsername, String smtpHost, String smtpPort, String smtpSecurity,
                       String smtpUsername, String pollSeconds, boolean enabled) {
        static MailboxForm empty() {
            return new MailboxForm("", "", "", "", "tls", "", "", "", "starttls", "",
                    String.valueOf(MailboxManagement.DEFAULT_POLL_SECONDS), true);
        }

        static MailboxForm of(Mailbox m) {
            return new MailboxForm(m.name(), m.address(), m.imap().host(), String.valueOf(m.imap().port()),
                    m.imap().security().wire(), m.imap().username(), m.smtp().host(), String.valueOf(m.smtp().port()),
                    m.smtp().security().wire(), m.smtp().username(), String.valueOf(m.pollSeconds()), m.enabled());
        }
    }

    /** One mailbox's held-back mail on the "Suspended mail" tab. */
    record MailboxSuspended(Mailbox mailbox, List<SuspendedMail> mails) {
    }

    private MailboxManagement.Admin admin(UUID entityId, Model model, String tab) {
        Desk desk = desks.adminTab(entityId, model, tab);
        model.addAttribute("securities", List.of("tls", "starttls", "none"));
        return new MailboxManagement.Admin(desk.entityId(), desk.user().id());
    }

    // --- Mailboxes

    @GetMapping("/mailboxes")
    String list(@PathVariable UUID entityId, Model model) {
        return listPage(admin(entityId, model, "mailboxes"), model, MailboxForm.empty());
    }

    private String listPage(MailboxManagement.Admin admin, Model model, MailboxForm form) {
        model.addAttribute("mailboxes", mailboxes.list(admin));
        model.addAttribute("form", form);
        return "settings/mailboxes";
    }

    @PostMapping("/mailboxes")
    String create(@PathVariable UUID entityId, @RequestParam Map<String, String> params,
                  @ModelAttribute("errors") FormErrors errors, Model model, RedirectAttributes flash,
                  HttpServletResponse response) {
        MailboxManagement.Admin admin = admin(entityId, model, "mailboxes");
        MailboxForm form = formOf(params);
        Mailbox created = save(errors, () -> mailboxes.create(admin, new MailboxManagement.NewMailbox(
                required(form.name(), "name"), required(form.address(), "address"),
                new MailboxManagement.NewServer(form.imapHost(), port(form.imapPort(), "imapPort"),
                        security(form.imapSecurity(), "imapSecurity"), blankToNull(form.imapUsername()),
                        blankToNull(params.get("imapPassword"))),
                new MailboxManagement.NewServer(form.smtpHost(), port(form.smtpPort(), "smtpPort"),
                        security(form.smtpSecurity(), "smtpSecurity"), blankToNull(form.smtpUsername()),
                        blankToNull(params.get("smtpPassword"))),
                pollSeconds(form.pollSeconds()), form.enabled())));
        if (created == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return listPage(admin, model, form);
        }
        flash.addFlashAttribute("notice", "Mailbox " + created.address() + " added");
        return "redirect:/e/" + entityId + "/settings/mailboxes";
    }

    @GetMapping("/mailboxes/{mailboxId}")
    String edit(@PathVariable UUID entityId, @PathVariable UUID mailboxId, Model model) {
        MailboxManagement.Admin admin = admin(entityId, model, "mailboxes");
        Mailbox mailbox = mailboxes.get(admin, mailboxId);
        return editPage(model, mailbox, MailboxForm.of(mailbox));
    }

    private String editPage(Model model, Mailbox mailbox, MailboxForm form) {
        model.addAttribute("mailbox", mailbox);
        model.addAttribute("form", form);
        return "settings/mailbox-edit";
    }

    /** Fields left as they are stay unchanged; an empty password field keeps the stored password. */
    @PostMapping("/mailboxes/{mailboxId}")
    String change(@PathVariable UUID entityId, @PathVariable UUID mailboxId, @RequestParam Map<String, String> params,
                  @ModelAttribute("errors") FormErrors errors, Model model, RedirectAttributes flash,
                  HttpServletResponse response) {
        MailboxManagement.Admin admin = admin(entityId, model, "mailboxes");
        Mailbox old = mailboxes.get(admin, mailboxId);
        MailboxForm form = formOf(params);
        Mailbox changed = save(errors, () -> mailboxes.change(admin, mailboxId, new MailboxManagement.MailboxChange(
                changedText(form.name(), old.name()), changedText(form.address(), old.address()),
                new MailboxManagement.ServerChange(changedText(form.imapHost(), old.imap().host()),
                        changedPort(form.imapPort(), old.imap().port(), "imapPort"),
                        security(form.imapSecurity(), "imapSecurity"),
                        changedText(form.imapUsername(), old.imap().username()),
                        blankToNull(params.get("imapPassword"))),
                new MailboxManagement.ServerChange(changedText(form.smtpHost(), old.smtp().host()),
                        changedPort(form.smtpPort(), old.smtp().port(), "smtpPort"),
                        security(form.smtpSecurity(), "smtpSecurity"),
                        changedText(form.smtpUsername(), old.smtp().username()),
                        blankToNull(params.get("smtpPassword"))),
                pollSeconds(form.pollSeconds()), form.enabled())));
        if (changed == null) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return editPage(model, old, form);
        }
        flash.addFlashAttribute("notice", "Mailbox " + changed.address() + " saved");
        return "redirect:/e/" + entityId + "/settings/mailboxes";
    }

    @PostMapping("/mailboxes/{mailboxId}/test")
    String test(@PathVariable UUID entityId, @PathVariable UUID mailboxId, Model model, RedirectAttributes flash) {
        MailboxManagement.Admin admin = admin(entityId, model, "mailboxes");
        Mailbox mailbox = mailboxes.get(admin, mailboxId);
        MailboxManagement.TestResult result = mailboxes.test(admin, mailboxId);
        String text = "Test connection of " + mailbox.address() + ": IMAP "
                + (result.imapError() == null ? "connected and signed in" : "failed: " + result.imapError())
                + "; SMTP " + (result.smtpError() == null ? "connected" : "failed: " + result.smtpError()) + ".";
        flash.addFlashAttribute(result.imapError() == null && result.smtpError() == null ? "notice" : "alert", text);
        return "redirect:/e/" + entityId + "/settings/mailboxes";
    }

    @PostMapping("/mailboxes/{mailboxId}/delete")
    String delete(@PathVariable UUID entityId, @PathVariable UUID mailboxId, Model model, RedirectAttributes flash) {
        mailboxes.delete(admin(entityId, model, "mailboxes"), mailboxId);
        flash.addFlashAttribute("notice", "Mailbox deleted (its tickets and messages stay)");
        return "redirect:/e/" + entityId + "/settings/mailboxes";
    }

    // --- Suspended mail

    @GetMapping("/suspended-mail")
    String suspended(@PathVariable UUID entityId, Model model) {
        MailboxManagement.Admin admin = admin(entityId, model, "suspended-mail");
        List<MailboxSuspended> perMailbox = new ArrayList<>();
        for (Mailbox mailbox : mailboxes.list(admin)) {
            perMailbox.add(new MailboxSuspended(mailbox, mailboxes.suspended(admin, mailbox.id())));
        }
        model.addAttribute("perMailbox", perMailbox);
        return "settings/suspended-mail";
    }

    @PostMapping("/suspended-mail/{mailboxId}/{suspendedId}/release")
    String release(@PathVariable UUID entityId, @PathVariable UUID mailboxId, @PathVariable UUID suspendedId,
                   Model model, RedirectAttributes flash) {
        MailboxManagement.Admin admin = admin(entityId, model, "suspended-mail");
        try {
            MailboxManagement.Released released = mailboxes.release(admin, mailboxId, suspendedId);
            flash.addFlashAttribute("notice", released.messageId() == null
                    ? "Mail released: it opened " + released.ticketNumber()
                    : "Mail released: it was added to " + released.ticketNumber());
        } catch (NotFound | Conflict e) {
            flash.addFlashAttribute("alert", FormErrors.sentence(e.getMessage()));
        }
        return "redirect:/e/" + entityId + "/settings/suspended-mail";
    }

    @PostMapping("/suspended-mail/{mailboxId}/{suspendedId}/delete")
    String deleteSuspended(@PathVariable UUID entityId, @PathVariable UUID mailboxId, @PathVariable UUID suspendedId,
                           Model model, RedirectAttributes flash) {
        MailboxManagement.Admin admin = admin(entityId, model, "suspended-mail");
        try {
            mailboxes.deleteSuspended(admin, mailboxId, suspendedId);
            flash.addFlashAttribute("notice", "Suspended mail deleted");
        } catch (NotFound e) {
            flash.addFlashAttribute("alert", FormErrors.sentence(e.getMessage()));
        }
        return "redirect:/e/" + entityId + "/settings/suspended-mail";
    }

    // --- form input

    private static MailboxForm formOf(Map<String, String> p) {
        return new MailboxForm(p.getOrDefault("name", "").strip(), p.getOrDefault("address", "").strip(),
                p.getOrDefault("imapHost", "").strip(), p.getOrDefault("imapPort", "").strip(),
                p.getOrDefault("imapSecurity", "tls"), p.getOrDefault("imapUsername", "").strip(),
                p.getOrDefault("smtpHost", "").strip(), p.getOrDefault("smtpPort", "").strip(),
                p.getOrDefault("smtpSecurity", "starttls"), p.getOrDefault("smtpUsername", "").strip(),
                p.getOrDefault("pollSeconds", "").strip(), p.containsKey("enabled"));
    }

    /** Runs the use case; its refusal is shown next to the field it names (else above the form). */
    private static Mailbox save(FormErrors errors, java.util.function.Supplier<Mailbox> call) {
        try {
            return call.get();
        } catch (InvalidInput | Conflict e) {
            errors.add(fieldOf(e.getMessage()), FormErrors.sentence(humanize(e.getMessage())));
            return null;
        }
    }

    /** The API's field names in a message, as the form labels them ("imapHost" is "IMAP host"). */
    static String humanize(String message) {
        String text = message == null ? "" : message;
        for (String field : FIELDS) {
            if (!field.equals(field.toLowerCase(java.util.Locale.ROOT))) { // "name" and "address" read as they are
                text = text.replaceAll("\\b" + field + "\\b", LABELS.get(field));
            }
        }
        return text;
    }

    static String fieldOf(String message) {
        if (message != null) {
            if (message.contains("already the address of a mailbox")) {
                return "address";
            }
            for (String field : FIELDS) {
                if (message.startsWith(field + " ") || message.startsWith(field + ":")) {
                    return field;
                }
            }
        }
        return "form";
    }

    private static String required(String value, String field) {
        if (value.isEmpty()) {
            throw new InvalidInput(field + " is required");
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** A field of the edit form: {@code null} (unchanged) when it still shows the stored value or is empty. */
    private static String changedText(String typed, String stored) {
        return typed.isEmpty() || typed.equals(stored) ? null : typed;
    }

    private static Integer changedPort(String typed, int stored, String field) {
        Integer port = port(typed, field);
        return port == null || port == stored ? null : port;
    }

    private static Integer port(String value, String field) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput(field + " must be a whole number from 1 to 65535");
        }
    }

    private static Integer pollSeconds(String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new InvalidInput("pollSeconds must be a whole number from 5 to 3600");
        }
    }

    private static Security security(String value, String field) {
        return value == null || value.isBlank() ? null : Security.parse(value, field);
    }
}
