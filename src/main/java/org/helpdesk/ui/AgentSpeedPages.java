package org.helpdesk.ui;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.canned.CannedReply;
import org.helpdesk.canned.CannedReplyDraft;
import org.helpdesk.canned.CannedReplyManagement;
import org.helpdesk.canned.Writer;
import org.helpdesk.category.CategoryManagement;
import org.helpdesk.common.Forbidden;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.entity.Memberships;
import org.helpdesk.macro.Macro;
import org.helpdesk.macro.MacroActions;
import org.helpdesk.macro.MacroManagement;
import org.helpdesk.ticket.Priority;
import org.helpdesk.ticket.TicketStatus;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The settings tabs "Canned replies" and "Macros" (API §10's permissions): every member reads both; agents and up
 * write their personal canned replies; admins and owners also the shared ones, and the macros. Unlike the other
 * tabs these are open to agents, who reach them from the ticket page ("Manage canned replies", "Manage macros").
 */
@Controller
@RequestMapping("/e/{entityId}/settings")
class AgentSpeedPages {
    private final Desks desks;
    private final CannedReplyManagement canned;
    private final MacroManagement macros;
    private final Memberships memberships;
    private final CategoryManagement categories;

    AgentSpeedPages(Desks desks, CannedReplyManagement canned, MacroManagement macros, Memberships memberships,
                    CategoryManagement categories) {
        this.desks = desks;
        this.canned = canned;
        this.macros = macros;
        this.memberships = memberships;
        this.categories = categories;
    }

    private static Writer writer(Desk desk) {
        return new Writer(desk.entityId(), desk.user().id(), desk.canAdmin());
    }

    // --- canned replies

    /** A reply in the list, with whether the signed-in member may change it. */
    public record ReplyRow(CannedReply reply, boolean editable) {
    }

    public record ReplyForm(String title, String body, String shared) {
        static ReplyForm empty() {
            return new ReplyForm("", "", null);
        }

        static ReplyForm of(CannedReply r) {
            return new ReplyForm(r.title(), r.body(), r.shared() ? "on" : null);
        }

        public boolean isShared() {
            return shared != null && !shared.isBlank();
        }
    }

    private static boolean mayEdit(Desk desk, CannedReply r) {
        return desk.canWrite() && (r.shared() ? desk.canAdmin() : r.createdBy().equals(desk.user().id()));
    }

    @GetMapping("/canned-replies")
    String cannedReplies(@PathVariable UUID entityId, Model model) {
        Desk desk = desks.settingsTab(entityId, model, "canned-replies");
        return repliesPage(desk, model, ReplyForm.empty());
    }

    private String repliesPage(Desk desk, Model model, ReplyForm form) {
        model.addAttribute("replies", canned.list(writer(desk)).stream().map(r -> new ReplyRow(r, mayEdit(desk, r))).toList());
        model.addAttribute("form", form);
        model.addAttribute("variables", VARIABLES);
        return "settings/canned-replies";
    }

    static final List<String> VARIABLES = List.of("{{ticket.number}}", "{{ticket.subject}}", "{{contact.name}}",
            "{{contact.firstName}}", "{{contact.email}}", "{{agent.name}}", "{{agent.firstName}}", "{{entity.name}}");

    @PostMapping("/canned-replies")
    String createReply(@PathVariable UUID entityId, @ModelAttribute("form") ReplyForm form,
                       @ModelAttribute("errors") FormErrors errors, Model model, RedirectAttributes flash,
                       HttpServletResponse response) {
        Desk desk = desks.settingsTab(entityId, model, "canned-replies");
        desk.tenant().requireWrite();
        CannedReplyDraft draft = draft(form, errors);
        if (draft != null && errors.check("title", () -> canned.create(writer(desk), draft)) != null) {
            flash.addFlashAttribute("notice", "Canned reply “" + draft.title() + "” created");
            return "redirect:/e/" + entityId + "/settings/canned-replies";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return repliesPage(desk, model, form);
    }

    /** The draft, or null with each problem next to its field (the body's unknown variables included). */
    private static CannedReplyDraft draft(ReplyForm form, FormErrors errors) {
        String title = form.title() == null ? "" : form.title();
        String body = form.body() == null ? "" : form.body();
        errors.check("title", () -> org.helpdesk.common.JsonInput.text(title, "Title", CannedReply.MAX_TITLE));
        if (!errors.any()) {
            return errors.check("body", () -> new CannedReplyDraft(title, body, form.isShared()));
        }
        return null;
    }

    @GetMapping("/canned-replies/{replyId}")
    String editReply(@PathVariable UUID entityId, @PathVariable UUID replyId, Model model) {
        Desk desk = desks.settingsTab(entityId, model, "canned-replies");
        CannedReply reply = editable(desk, replyId);
        return editReplyPage(model, reply, ReplyForm.of(reply));
    }

    private String editReplyPage(Model model, CannedReply reply, ReplyForm form) {
        model.addAttribute("reply", reply);
        model.addAttribute("form", form);
        model.addAttribute("variables", VARIABLES);
        return "settings/canned-reply-edit";
    }

    private CannedReply editable(Desk desk, UUID replyId) {
        desk.tenant().requireWrite();
        CannedReply reply = canned.get(writer(desk), replyId);
        if (!mayEdit(desk, reply)) {
            throw new Forbidden("Only admins and owners may change shared canned replies");
        }
        return reply;
    }

    @PostMapping("/canned-replies/{replyId}")
    String updateReply(@PathVariable UUID entityId, @PathVariable UUID replyId, @ModelAttribute("form") ReplyForm form,
                       @ModelAttribute("errors") FormErrors errors, Model model, RedirectAttributes flash,
                       HttpServletResponse response) {
        Desk desk = desks.settingsTab(entityId, model, "canned-replies");
        CannedReply reply = editable(desk, replyId);
        CannedReplyDraft draft = draft(form, errors);
        if (draft != null && errors.check("title", () -> canned.update(writer(desk), replyId, draft.title(),
                draft.body(), draft.shared())) != null) {
            flash.addFlashAttribute("notice", "Canned reply “" + draft.title() + "” saved");
            return "redirect:/e/" + entityId + "/settings/canned-replies";
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return editReplyPage(model, reply, form);
    }

    @PostMapping("/canned-replies/{replyId}/delete")
    String deleteReply(@PathVariable UUID entityId, @PathVariable UUID replyId, Model model, RedirectAttributes flash) {
        Desk desk = desks.settingsTab(entityId, model, "canned-replies");
        CannedReply reply = editable(desk, replyId);
        canned.delete(writer(desk), replyId);
        flash.addFlashAttribute("notice", "Canned reply “" + reply.title() + "” deleted");
        return "redirect:/e/" + entityId + "/settings/canned-replies";
    }

    // --- macros

    /** A macro in the list, with what it does in words. */
    public record MacroRow(Macro macro, List<String> actions) {
    }

    /**
     * The macro form. Selects use "" for "leave as it is", {@code none} to clear, {@code me} for whoever applies
     * the macro; tags are typed separated by spaces or commas; the reply is a shared canned reply or a text.
     */
    public record MacroForm(String title, String status, String priority, String assignedTo, String categoryId,
                            String addTags, String removeTags, String cannedReplyId, String replyBody,
                            String replyInternal) {
        static MacroForm empty() {
            return new MacroForm("", "", "", "", "", "", "", "", "", null);
        }

        static MacroForm of(Macro m) {
            MacroActions a = m.rules();
            return new MacroForm(m.title(), a.status() == null ? "" : a.status().wire(),
                    a.priority() == null ? "" : a.priority().wire(),
                    a.assignee() == null ? "" : a.assignee().me() ? "me" : a.assignee().id() == null ? "none"
                            : a.assignee().id().toString(),
                    a.category() == null ? "" : a.category().id() == null ? "none" : a.category().id().toString(),
                    String.join(" ", a.addTags()), String.join(" ", a.removeTags()),
                    a.reply() == null || a.reply().cannedReplyId() == null ? "" : a.reply().cannedReplyId().toString(),
                    a.reply() == null || a.reply().body() == null ? "" : a.reply().body(),
                    a.reply() != null && a.reply().internal() ? "on" : null);
        }

        /** The form as the API's {@code actions} object, so the API's own checks judge it. */
        ObjectNode actions() {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            if (!blank(status)) {
                out.put("status", status);
            }
            if (!blank(priority)) {
                out.put("priority", priority);
            }
            if (!blank(assignedTo)) {
                if (assignedTo.equals("none")) {
                    out.putNull("assignedTo");
                } else {
                    out.put("assignedTo", assignedTo);
                }
            }
            if (!blank(categoryId)) {
                if (categoryId.equals("none")) {
                    out.putNull("categoryId");
                } else {
                    out.put("categoryId", categoryId);
                }
            }
            tags(out, "addTags", addTags);
            tags(out, "removeTags", removeTags);
            if (!blank(cannedReplyId) || !blank(replyBody)) {
                ObjectNode reply = out.putObject("reply");
                if (!blank(cannedReplyId)) {
                    reply.put("cannedReplyId", cannedReplyId);
                }
                if (!blank(replyBody)) {
                    reply.put("body", replyBody);
                }
                reply.put("isInternal", !blank(replyInternal));
            }
            return out;
        }

        private static void tags(ObjectNode out, String key, String typed) {
            if (blank(typed)) {
                return;
            }
            ArrayNode list = out.putArray(key);
            Arrays.stream(typed.split("[\\s,]+")).filter(t -> !t.isEmpty()).forEach(list::add);
        }
    }

    /** Which field of the form an {@code actions.…} message of the API's checks belongs to, and its label. */
    private static final Map<String, String[]> ACTION_FIELDS = new LinkedHashMap<>();

    static {
        ACTION_FIELDS.put("actions.status", new String[] {"status", "Status"});
        ACTION_FIELDS.put("actions.priority", new String[] {"priority", "Priority"});
        ACTION_FIELDS.put("actions.assignedTo", new String[] {"assignedTo", "Assignee"});
        ACTION_FIELDS.put("actions.categoryId", new String[] {"categoryId", "Category"});
        ACTION_FIELDS.put("actions.addTags", new String[] {"addTags", "Add tags"});
        ACTION_FIELDS.put("actions.removeTags", new String[] {"removeTags", "Remove tags"});
        ACTION_FIELDS.put("actions.reply.cannedReplyId", new String[] {"reply", "Canned reply"});
        ACTION_FIELDS.put("actions.reply.body", new String[] {"reply", "Reply text"});
        ACTION_FIELDS.put("actions.reply", new String[] {"reply", "Reply"});
        ACTION_FIELDS.put("actions: tag", new String[] {"addTags", "Tag"});
    }

    private static void actionError(FormErrors errors, InvalidInput e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        for (Map.Entry<String, String[]> f : ACTION_FIELDS.entrySet()) {
            if (message.startsWith(f.getKey())) {
                String rest = message.substring(f.getKey().length());
                errors.add(f.getValue()[0], FormErrors.sentence(f.getValue()[1] + rest));
                return;
            }
        }
        errors.add("actions", message.startsWith("actions must hold")
                ? "Choose at least one thing for the macro to do." : FormErrors.sentence(message));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private Desk macroAdmin(UUID entityId, Model model) {
        Desk desk = desks.settingsTab(entityId, model, "macros");
        if (!desk.canAdmin()) {
            throw new Forbidden("Only admins and owners may change macros");
        }
        return desk;
    }

    @GetMapping("/macros")
    String macroList(@PathVariable UUID entityId, Model model) {
        Desk desk = desks.settingsTab(entityId, model, "macros");
        return macrosPage(desk, model, MacroForm.empty());
    }

    private void macroChoices(Desk desk, Model model) {
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("agents", memberships.list(desk.entityId()).stream().filter(m -> m.role().canWriteTickets())
                .map(m -> new TicketPages.Option(m.userId().toString(), m.name())).toList());
        model.addAttribute("categories", categories.list(desk.entityId()));
        model.addAttribute("sharedReplies", canned.list(writer(desk)).stream().filter(CannedReply::shared).toList());
    }

    private String macrosPage(Desk desk, Model model, MacroForm form) {
        Map<String, String> people = new LinkedHashMap<>();
        memberships.list(desk.entityId()).forEach(m -> people.put(m.userId().toString(), m.name()));
        Map<String, String> categoryNames = new LinkedHashMap<>();
        categories.list(desk.entityId()).forEach(c -> categoryNames.put(c.id().toString(), c.name()));
        Map<String, String> replyTitles = new LinkedHashMap<>();
        canned.list(writer(desk)).forEach(r -> replyTitles.put(r.id().toString(), r.title()));
        MacroText.Names names = new MacroText.Names(people, categoryNames, replyTitles);
        model.addAttribute("macros", macros.list(desk.entityId()).stream()
                .map(m -> new MacroRow(m, MacroText.actions(m.rules(), names))).toList());
        model.addAttribute("form", form);
        macroChoices(desk, model);
        return "settings/macros";
    }

    /** The checked actions, or null with the problems next to their fields. */
    private static MacroActions actions(MacroForm form, FormErrors errors) {
        errors.check("title", () -> org.helpdesk.common.JsonInput.text(form.title() == null ? "" : form.title(),
                "Title", Macro.MAX_TITLE));
        if (!blank(form.cannedReplyId()) && !blank(form.replyBody())) {
            errors.add("reply", "Choose a canned reply or write a reply text, not both.");
            return null;
        }
        try {
            return MacroActions.parse(form.actions());
        } catch (InvalidInput e) {
            actionError(errors, e);
            return null;
        }
    }

    @PostMapping("/macros")
    String createMacro(@PathVariable UUID entityId, @ModelAttribute("form") MacroForm form,
                       @ModelAttribute("errors") FormErrors errors, Model model, RedirectAttributes flash,
                       HttpServletResponse response) {
        Desk desk = macroAdmin(entityId, model);
        MacroActions actions = actions(form, errors);
        if (!errors.any()) {
            try {
                Macro created = macros.create(entityId, form.title(), actions);
                flash.addFlashAttribute("notice", "Macro “" + created.title() + "” created");
                return "redirect:/e/" + entityId + "/settings/macros";
            } catch (InvalidInput e) {
                actionError(errors, e);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return macrosPage(desk, model, form);
    }

    @GetMapping("/macros/{macroId}")
    String editMacro(@PathVariable UUID entityId, @PathVariable UUID macroId, Model model) {
        Desk desk = macroAdmin(entityId, model);
        Macro macro = macros.get(entityId, macroId);
        return editMacroPage(desk, model, macro, MacroForm.of(macro));
    }

    private String editMacroPage(Desk desk, Model model, Macro macro, MacroForm form) {
        model.addAttribute("macro", macro);
        model.addAttribute("form", form);
        macroChoices(desk, model);
        return "settings/macro-edit";
    }

    @PostMapping("/macros/{macroId}")
    String updateMacro(@PathVariable UUID entityId, @PathVariable UUID macroId, @ModelAttribute("form") MacroForm form,
                       @ModelAttribute("errors") FormErrors errors, Model model, RedirectAttributes flash,
                       HttpServletResponse response) {
        Desk desk = macroAdmin(entityId, model);
        Macro macro = macros.get(entityId, macroId);
        MacroActions actions = actions(form, errors);
        if (!errors.any()) {
            try {
                Macro saved = macros.update(entityId, macroId, form.title(), actions);
                flash.addFlashAttribute("notice", "Macro “" + saved.title() + "” saved");
                return "redirect:/e/" + entityId + "/settings/macros";
            } catch (InvalidInput e) {
                actionError(errors, e);
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return editMacroPage(desk, model, macro, form);
    }

    @PostMapping("/macros/{macroId}/delete")
    String deleteMacro(@PathVariable UUID entityId, @PathVariable UUID macroId, Model model, RedirectAttributes flash) {
        macroAdmin(entityId, model);
        Macro macro = macros.get(entityId, macroId);
        macros.delete(entityId, macroId);
        flash.addFlashAttribute("notice", "Macro “" + macro.title() + "” deleted");
        return "redirect:/e/" + entityId + "/settings/macros";
    }
}
