package org.helpdesk.ui;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.helpdesk.canned.CannedReply;
import org.helpdesk.canned.CannedReplyManagement;
import org.helpdesk.canned.Writer;
import org.helpdesk.category.Category;
import org.helpdesk.category.CategoryManagement;
import org.helpdesk.common.Conflict;
import org.helpdesk.common.Emails;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.common.JsonInput;
import org.helpdesk.common.NotFound;
import org.helpdesk.entity.Member;
import org.helpdesk.entity.Memberships;
import org.helpdesk.attachment.AttachmentManagement;
import org.helpdesk.macro.Macro;
import org.helpdesk.macro.MacroManagement;
import org.helpdesk.ticket.Actor;
import org.helpdesk.ticket.AttachedFile;
import org.helpdesk.ticket.TicketAttachments;
import org.helpdesk.ticket.Channel;
import org.helpdesk.ticket.MergeTickets;
import org.helpdesk.ticket.Message;
import org.helpdesk.ticket.NewMessage;
import org.helpdesk.ticket.NewTicket;
import org.helpdesk.ticket.Priority;
import org.helpdesk.ticket.Ticket;
import org.helpdesk.ticket.TicketChange;
import org.helpdesk.ticket.TicketManagement;
import org.helpdesk.ticket.TicketNumber;
import org.helpdesk.ticket.TicketQuery;
import org.helpdesk.ticket.TicketStatus;
import org.helpdesk.ticket.TicketView;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ticket list with its views, filters and bulk actions; the ticket page with its timeline, composer and
 * in-place changes; the new-ticket form. Everything goes through {@link TicketManagement}, as the API does.
 */
@Controller
@RequestMapping("/e/{entityId}/tickets")
class TicketPages {
    static final int PAGE_SIZE = 50;
    static final int MAX_SUBJECT = 255;
    static final int MAX_BODY = NewMessage.MAX_BODY;
    private static final List<String> FILTERS = List.of("status", "priority", "channel", "categoryId");

    private final Desks desks;
    private final TicketManagement tickets;
    private final Clock clock;
    private final Memberships memberships;
    private final CategoryManagement categories;
    private final TicketAttachments withFiles;
    private final AttachmentManagement attachments;
    private final CannedReplyManagement canned;
    private final MacroManagement macros;
    private final TagSuggestions tagSuggestions;

    TicketPages(Desks desks, TicketManagement tickets, Clock clock, Memberships memberships,
                CategoryManagement categories, TicketAttachments withFiles, AttachmentManagement attachments,
                CannedReplyManagement canned, MacroManagement macros, TagSuggestions tagSuggestions) {
        this.canned = canned;
        this.tagSuggestions = tagSuggestions;
        this.macros = macros;
        this.withFiles = withFiles;
        this.attachments = attachments;
        this.desks = desks;
        this.tickets = tickets;
        this.clock = clock;
        this.memberships = memberships;
        this.categories = categories;
    }

    /** One row of the list, with names instead of ids. */
    public record Row(Ticket ticket, String contact, String assignee) {
    }

    public record Option(String value, String label) {
    }

    /** A macro in the ticket page's "Apply macro" menu, with what it will change. */
    public record MacroItem(Macro macro, List<String> actions) {
    }

    private Desk desk(UUID entityId, Model model, String active) {
        Desk desk = desks.open(entityId);
        model.addAttribute("desk", desk);
        model.addAttribute("activeView", active);
        return desk;
    }

    private static Actor actor(Desk desk) {
        desk.tenant().requireWrite(); // viewers: the forms are not shown, and the server refuses anyway
        return Actor.agent(desk.entityId(), desk.user().id(), desk.user().name(), Channel.WEB);
    }

    // --- list

    @GetMapping
    String list(@PathVariable UUID entityId, @RequestParam(defaultValue = "mine") String view,
                @RequestParam MultiValueMap<String, String> query, Model model) {
        TicketView ticketView = TicketView.byKey(view).orElseThrow(() -> new NotFound("No such view"));
        Desk desk = desk(entityId, model, view);
        MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
        Map<String, String> chosen = new LinkedHashMap<>();
        for (String name : List.of("status", "priority", "channel", "categoryId", "assignedTo", "search", "cursor")) {
            String value = query.getFirst(name);
            if (value != null && !value.isBlank()) {
                chosen.put(name, value.strip());
                if (!name.equals("cursor")) {
                    params.put(name, List.of(value.strip()));
                }
            }
        }
        params.put("limit", List.of(String.valueOf(PAGE_SIZE)));
        // the page's own filters are an HTTP query like the API's; the view is added to them, then the cursor
        TicketQuery listed = ticketView.apply(TicketQuery.parse(entityId, params), desk.user().id(), clock.instant());
        org.helpdesk.ticket.TicketPage page = tickets.list(chosen.containsKey("cursor") ? listed.from(chosen.get("cursor")) : listed);
        List<Member> members = memberships.list(entityId);
        Map<String, String> people = people(members);
        List<Row> rows = page.items().stream().map(t -> new Row(t,
                t.contactName() != null ? t.contactName() : t.contactEmail(),
                t.assignedTo() == null ? null : people.getOrDefault(t.assignedTo().toString(), "(former member)"))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("view", view);
        model.addAttribute("viewLabel", ticketView.label());
        model.addAttribute("chosen", chosen);
        model.addAttribute("filtered", chosen.keySet().stream().anyMatch(k -> !k.equals("cursor")));
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("categories", categories.list(desk.tenant().entityId()));
        model.addAttribute("agents", agents(members));
        model.addAttribute("macros", desk.canWrite() ? macros.list(entityId) : List.of());
        model.addAttribute("back", listPath(entityId, view, chosen, false));
        model.addAttribute("nextPage", page.nextCursor() == null ? null : listPath(entityId, view, withCursor(chosen, page.nextCursor()), true));
        model.addAttribute("firstPage", chosen.containsKey("cursor") ? listPath(entityId, view, chosen, false) : null);
        return "tickets/list";
    }

    private static Map<String, String> withCursor(Map<String, String> chosen, String cursor) {
        Map<String, String> next = new LinkedHashMap<>(chosen);
        next.put("cursor", cursor);
        return next;
    }

    /** The list's own URL (view and filters), with or without the cursor. */
    private static String listPath(UUID entityId, String view, Map<String, String> chosen, boolean withCursor) {
        var builder = org.springframework.web.util.UriComponentsBuilder.fromPath("/e/" + entityId + "/tickets")
                .queryParam("view", view);
        chosen.forEach((k, v) -> {
            if (withCursor || !k.equals("cursor")) {
                builder.queryParam(k, v);
            }
        });
        return builder.encode().build().toUriString();
    }

    @PostMapping("/bulk")
    String bulk(@PathVariable UUID entityId, @RequestParam(required = false) List<UUID> ids,
                @RequestParam String action, @RequestParam(defaultValue = "") String assignee,
                @RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String back,
                @RequestParam(defaultValue = "") String macroId, Model model, RedirectAttributes flash) {
        Desk desk = desk(entityId, model, null);
        Actor actor = actor(desk);
        String returnTo = back.startsWith("/e/" + entityId + "/tickets") ? ReturnTo.safe(back) : "/e/" + entityId + "/tickets";
        if (ids == null || ids.isEmpty()) {
            flash.addFlashAttribute("alert", "Select at least one ticket first.");
            return "redirect:" + returnTo;
        }
        if (action.equals("macro")) {
            return bulkMacro(actor, ids, Ids.parse(macroId, "Macro"), returnTo, flash);
        }
        TicketChange change;
        String done;
        if (action.equals("assign")) {
            UUID to = assignee.isBlank() || assignee.equals("none") ? null : Ids.parse(assignee, "Assignee");
            change = TicketChange.none().assignedTo(to);
            done = "assigned to " + (to == null ? "nobody" : people(entityId).getOrDefault(to.toString(), "?"));
        } else if (action.equals("status")) {
            TicketStatus to = TicketStatus.parse(status, "Status");
            change = TicketChange.none().status(to);
            done = "set to " + to.wire();
        } else {
            throw new InvalidInput("Unknown bulk action");
        }
        int changed = 0;
        List<String> failed = new ArrayList<>();
        for (UUID id : ids) {
            try {
                tickets.change(actor, id, change);
                changed++;
            } catch (NotFound | InvalidInput e) {
                failed.add(e.getMessage());
            }
        }
        flash.addFlashAttribute("notice", changed + (changed == 1 ? " ticket " : " tickets ") + done);
        if (!failed.isEmpty()) {
            flash.addFlashAttribute("alert", failed.size() + " not changed: " + FormErrors.sentence(failed.get(0)));
        }
        return "redirect:" + returnTo;
    }

    /** "Apply macro" in the bulk bar: one transaction per ticket, as the API's bulk apply; failures are told. */
    private String bulkMacro(Actor actor, List<UUID> ids, UUID macroId, String returnTo, RedirectAttributes flash) {
        Macro macro = macros.get(actor.entityId(), macroId);
        List<MacroManagement.Outcome> outcomes = macros.applyToAll(actor, ids, macroId);
        List<String> failed = outcomes.stream().filter(o -> o.failure() != null)
                .map(o -> o.failure().getMessage()).toList();
        int applied = outcomes.size() - failed.size();
        flash.addFlashAttribute("notice", "Macro “" + macro.title() + "” applied to " + applied
                + (applied == 1 ? " ticket" : " tickets"));
        if (!failed.isEmpty()) {
            flash.addFlashAttribute("alert", failed.size() + " not changed: " + FormErrors.sentence(failed.get(0)));
        }
        return "redirect:" + returnTo;
    }

    // --- new ticket

    public record TicketForm(String subject, String description, String contactEmail, String contactName, String priority,
                      String categoryId) {
        static TicketForm empty() {
            return new TicketForm("", "", "", "", "normal", "");
        }
    }

    @GetMapping("/new")
    String newTicket(@PathVariable UUID entityId, Model model) {
        Desk desk = desk(entityId, model, "new");
        desk.tenant().requireWrite();
        return newTicketPage(desk, model, TicketForm.empty());
    }

    private String newTicketPage(Desk desk, Model model, TicketForm form) {
        model.addAttribute("form", form);
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("categories", categories.list(desk.tenant().entityId()));
        return "tickets/new";
    }

    @PostMapping
    String create(@PathVariable UUID entityId, @ModelAttribute("form") TicketForm form,
                  @ModelAttribute("errors") FormErrors errors, Model model, HttpServletResponse response) {
        Desk desk = desk(entityId, model, "new");
        Actor actor = actor(desk);
        String subject = errors.check("subject", () -> JsonInput.text(form.subject(), "Subject", MAX_SUBJECT));
        String description = errors.check("description", () -> JsonInput.optionalText(form.description(), "Description", MAX_BODY));
        String email = blank(form.contactEmail()) ? null : errors.check("contactEmail", () -> Emails.normalize(form.contactEmail(), "Contact email"));
        String name = errors.check("contactName", () -> JsonInput.optionalText(form.contactName(), "Contact name", 255));
        Priority priority = errors.check("priority", () -> Priority.parse(blank(form.priority()) ? "normal" : form.priority(), "Priority"));
        UUID category = blank(form.categoryId()) ? null : errors.check("categoryId", () -> Ids.parse(form.categoryId(), "Category"));
        if (!errors.any()) {
            Ticket created = errors.check("subject", () -> tickets.create(actor,
                    new NewTicket(subject, description, null, priority, null, email, name, category, null)));
            if (created != null) {
                return "redirect:/e/" + entityId + "/tickets/" + created.number();
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return newTicketPage(desk, model, form);
    }

    // --- one ticket

    @GetMapping("/{number:\\d{1,18}}")
    String ticket(@PathVariable UUID entityId, @PathVariable long number, Model model) {
        Desk desk = desk(entityId, model, null);
        Ticket ticket = find(entityId, number);
        return ticketPage(desk, ticket, model, "");
    }

    private String ticketPage(Desk desk, Ticket ticket, Model model, String draft) {
        List<Member> members = memberships.list(desk.entityId());
        Map<String, String> people = people(members);
        List<Category> cats = categories.list(desk.tenant().entityId());
        Map<String, String> categoryNames = new LinkedHashMap<>();
        cats.forEach(c -> categoryNames.put(c.id().toString(), c.name()));
        List<Message> messages = tickets.messages(desk.entityId(), ticket.id());
        var history = tickets.history(desk.entityId(), ticket.id(), 500, null).items();
        model.addAttribute("ticket", ticket);
        model.addAttribute("timeline", Timeline.of(messages, history, people, categoryNames));
        List<AttachedFile> files = withFiles.files(desk.entityId(), ticket.id());
        model.addAttribute("filesByMessage", TicketAttachments.byMessage(files));
        model.addAttribute("descriptionFiles", TicketAttachments.ofDescription(files));
        model.addAttribute("assigneeName", ticket.assignedTo() == null ? null : people.getOrDefault(ticket.assignedTo().toString(), "(former member)"));
        model.addAttribute("categoryName", ticket.categoryId() == null ? null : categoryNames.getOrDefault(ticket.categoryId().toString(), "(removed)"));
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("categories", cats);
        model.addAttribute("agents", agents(members));
        model.addAttribute("draft", draft);
        model.addAttribute("path", "/e/" + desk.entityId() + "/tickets/" + ticket.number());
        model.addAttribute("tagSuggestions", tagSuggestions.of(desk.entityId()));
        model.addAttribute("mergedIntoNumber", ticket.mergedInto() == null ? null
                : tickets.get(desk.entityId(), ticket.mergedInto()).ticketNumber());
        List<CannedReply> replies = desk.canWrite() ? canned.list(writer(desk)) : List.of();
        Map<String, String> replyTitles = new LinkedHashMap<>();
        replies.forEach(r -> replyTitles.put(r.id().toString(), r.title()));
        model.addAttribute("cannedReplies", replies);
        if (!model.containsAttribute("pickerOpen")) {
            model.addAttribute("pickerOpen", false);
        }
        MacroText.Names names = new MacroText.Names(people, categoryNames, replyTitles);
        model.addAttribute("macroMenu", !desk.canWrite() ? List.of() : macros.list(desk.entityId()).stream()
                .map(m -> new MacroItem(m, MacroText.actions(m.rules(), names))).toList());
        return "tickets/ticket";
    }

    /** Canned replies as the signed-in member reads them: the shared ones and their own. */
    private static Writer writer(Desk desk) {
        return new Writer(desk.entityId(), desk.user().id(), desk.canAdmin());
    }

    /**
     * The composer without script: "Insert canned reply" shows the replies (the draft kept), and choosing one
     * appends it, filled in for this ticket, to the draft. Nothing is sent or stored here.
     */
    @PostMapping("/{number:\\d{1,18}}/compose")
    String compose(@PathVariable UUID entityId, @PathVariable long number, @RequestParam(defaultValue = "") String body,
                   @RequestParam(defaultValue = "") String insert, Model model) {
        Desk desk = desk(entityId, model, null);
        Actor actor = actor(desk);
        Ticket ticket = find(entityId, number);
        if (insert.isBlank()) {
            model.addAttribute("pickerOpen", true);
            return ticketPage(desk, ticket, model, body);
        }
        UUID replyId = Ids.parse(insert, "Canned reply");
        String title = canned.get(writer(desk), replyId).title();
        String text = canned.render(actor, ticket.id(), replyId);
        String draft = body.isBlank() ? text : body.stripTrailing() + "\n\n" + text;
        model.addAttribute("notice", "Inserted canned reply “" + title + "”");
        return ticketPage(desk, ticket, model, draft);
    }

    /** A canned reply filled in for this ticket, as plain text, for the composer's picker (script). */
    @GetMapping("/{number:\\d{1,18}}/canned-replies/{replyId}")
    ResponseEntity<String> rendered(@PathVariable UUID entityId, @PathVariable long number, @PathVariable UUID replyId,
                                    Model model) {
        Desk desk = desk(entityId, model, null);
        Ticket ticket = find(entityId, number);
        String text = canned.render(actor(desk), ticket.id(), replyId);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(text);
    }

    /** "Apply macro" on the ticket page: applied at once (the menu showed what it does), then what changed. */
    @PostMapping("/{number:\\d{1,18}}/macros/{macroId}")
    String applyMacro(@PathVariable UUID entityId, @PathVariable long number, @PathVariable UUID macroId, Model model,
                      RedirectAttributes flash) {
        Desk desk = desk(entityId, model, null);
        Actor actor = actor(desk);
        Ticket before = find(entityId, number);
        try {
            Macro macro = macros.get(entityId, macroId);
            Ticket after = macros.apply(actor, before.id(), macroId);
            Map<String, String> categoryNames = new LinkedHashMap<>();
            categories.list(entityId).forEach(c -> categoryNames.put(c.id().toString(), c.name()));
            List<String> changed = MacroText.changes(before, after, macro.rules(),
                    new MacroText.Names(people(entityId), categoryNames, Map.of()));
            flash.addFlashAttribute("notice", "Macro “" + macro.title() + "” applied: "
                    + (changed.isEmpty() ? "nothing to change" : String.join("; ", changed)));
        } catch (InvalidInput | Conflict | NotFound e) {
            flash.addFlashAttribute("alert", "Macro not applied: " + FormErrors.sentence(e.getMessage()));
        }
        return "redirect:/e/" + entityId + "/tickets/" + number;
    }

    @PostMapping("/{number:\\d{1,18}}/messages")
    String addMessage(@PathVariable UUID entityId, @PathVariable long number, @RequestParam(defaultValue = "") String body,
                      @RequestParam(defaultValue = "reply") String mode, @ModelAttribute("errors") FormErrors errors,
                      Model model, RedirectAttributes flash, HttpServletResponse response, HttpServletRequest request) {
        Desk desk = desk(entityId, model, null);
        Actor actor = actor(desk);
        Ticket ticket = find(entityId, number);
        boolean internal = mode.equals("note");
        String text = body.strip().isEmpty() ? null : body;
        if (text == null) {
            errors.add("body", "Write a message first.");
        } else if (text.length() > MAX_BODY) {
            errors.add("body", "Message must be at most " + MAX_BODY + " characters.");
        }
        List<UUID> uploads = errors.any() ? List.of() : PageFiles.store(attachments, entityId, actor.userId(), request, errors);
        if (!errors.any() && errors.check("body", () -> withFiles.addMessage(actor, ticket.id(), new NewMessage(text, internal), uploads)) != null) {
            flash.addFlashAttribute("notice", internal ? "Internal note added" : "Reply sent");
            return "redirect:/e/" + entityId + "/tickets/" + number;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return ticketPage(desk, ticket, model, body);
    }

    /** One field changed in place (a select that saves on change); the others are left as they are. */
    @PostMapping("/{number:\\d{1,18}}/fields")
    String changeField(@PathVariable UUID entityId, @PathVariable long number, HttpServletRequest request, Model model,
                       RedirectAttributes flash) {
        Desk desk = desk(entityId, model, null);
        Actor actor = actor(desk);
        Ticket ticket = find(entityId, number);
        TicketChange change = TicketChange.none();
        List<String> said = new ArrayList<>();
        String status = request.getParameter("status");
        if (status != null) {
            TicketStatus to = TicketStatus.parse(status, "Status");
            change = change.status(to);
            said.add("Status set to " + to.wire());
        }
        String priority = request.getParameter("priority");
        if (priority != null) {
            Priority to = Priority.parse(priority, "Priority");
            change = change.priority(to);
            said.add("Priority set to " + to.wire());
        }
        String assignee = request.getParameter("assignedTo");
        if (assignee != null) {
            UUID to = assignee.isBlank() ? null : Ids.parse(assignee, "Assignee");
            change = change.assignedTo(to);
            said.add(to == null ? "Unassigned" : "Assigned to " + people(entityId).getOrDefault(to.toString(), "?"));
        }
        String category = request.getParameter("categoryId");
        if (category != null) {
            UUID to = category.isBlank() ? null : Ids.parse(category, "Category");
            change = change.categoryId(to);
            said.add(to == null ? "Category cleared" : "Category changed");
        }
        String tags = request.getParameter("tags");
        if (tags != null) {
            change = change.tags(java.util.Arrays.stream(tags.split("[\\s,]+")).filter(t -> !t.isEmpty()).toList());
            said.add("Tags saved");
        }
        tickets.change(actor, ticket.id(), change);
        if (!said.isEmpty()) {
            flash.addFlashAttribute("notice", String.join(", ", said));
        }
        return "redirect:/e/" + entityId + "/tickets/" + number;
    }

    /**
     * "Merge tickets", step one: the numbers typed (HD-12, 15 …) are looked up and shown with their subjects next to
     * this ticket's number and subject, for the agent to confirm. A GET: nothing changes, and reload works.
     */
    @GetMapping("/{number:\\d{1,18}}/merge")
    String mergePreview(@PathVariable UUID entityId, @PathVariable long number,
                        @RequestParam(defaultValue = "") String numbers, @ModelAttribute("errors") FormErrors errors,
                        Model model, HttpServletResponse response) {
        Desk desk = desk(entityId, model, null);
        actor(desk);
        Ticket target = find(entityId, number);
        List<Ticket> sources = mergeSources(entityId, target, numbers, errors);
        if (errors.any()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("mergeNumbers", numbers);
            return ticketPage(desk, target, model, "");
        }
        model.addAttribute("target", target);
        model.addAttribute("sources", sources);
        model.addAttribute("numbers", String.join(", ", sources.stream().map(Ticket::ticketNumber).toList()));
        model.addAttribute("path", "/e/" + entityId + "/tickets/" + target.number());
        return "tickets/merge-confirm";
    }

    /** "Merge tickets", step two ("Confirm merge"): the sources are merged into this ticket. */
    @PostMapping("/{number:\\d{1,18}}/merge")
    String merge(@PathVariable UUID entityId, @PathVariable long number, @RequestParam(defaultValue = "") String numbers,
                 @ModelAttribute("errors") FormErrors errors, Model model, RedirectAttributes flash) {
        Desk desk = desk(entityId, model, null);
        Actor actor = actor(desk);
        Ticket target = find(entityId, number);
        List<Ticket> sources = mergeSources(entityId, target, numbers, errors);
        if (errors.any()) {
            flash.addFlashAttribute("alert", "Not merged: " + errors.get("numbers"));
            return "redirect:/e/" + entityId + "/tickets/" + number;
        }
        try {
            tickets.merge(actor, target.id(), new MergeTickets(sources.stream().map(Ticket::id).toList()));
            flash.addFlashAttribute("notice", "Merged " + String.join(", ", sources.stream().map(Ticket::ticketNumber).toList())
                    + " into " + target.ticketNumber());
        } catch (InvalidInput | Conflict | NotFound e) {
            flash.addFlashAttribute("alert", "Not merged: " + FormErrors.sentence(e.getMessage()));
        }
        return "redirect:/e/" + entityId + "/tickets/" + number;
    }

    /** The tickets named in the merge field, each once; every problem is a message next to the field. */
    private List<Ticket> mergeSources(UUID entityId, Ticket target, String numbers, FormErrors errors) {
        List<Ticket> sources = new ArrayList<>();
        if (target.mergedInto() != null) {
            errors.add("numbers", target.ticketNumber() + " is merged itself; merge into the ticket it went to.");
            return sources;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(?:HD-)?(\\d{1,18})").matcher(numbers);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            Ticket source = tickets.findByNumber(entityId, n).orElse(null);
            if (source == null) {
                errors.add("numbers", "No ticket " + TicketNumber.format(n) + " in this entity.");
            } else if (source.id().equals(target.id())) {
                errors.add("numbers", "A ticket cannot be merged into itself.");
            } else if (source.mergedInto() != null) {
                errors.add("numbers", source.ticketNumber() + " is already merged into another ticket.");
            } else if (sources.stream().noneMatch(t -> t.id().equals(source.id()))) {
                sources.add(source);
            }
        }
        if (sources.isEmpty()) {
            errors.add("numbers", "Type the number of a ticket to merge into this one, such as HD-12.");
        } else if (sources.size() > MergeTickets.MAX_SOURCES) {
            errors.add("numbers", "Merge at most " + MergeTickets.MAX_SOURCES + " tickets at once.");
        }
        return sources;
    }

    private Ticket find(UUID entityId, long number) {
        return tickets.findByNumber(entityId, number).orElseThrow(() -> new NotFound("No ticket " + TicketNumber.format(number) + " in this entity"));
    }

    /** Names of the entity's members by user id (as text, the form history values take). */
    private Map<String, String> people(UUID entityId) {
        return people(memberships.list(entityId));
    }

    private static Map<String, String> people(List<Member> members) {
        Map<String, String> names = new LinkedHashMap<>();
        members.forEach(m -> names.put(m.userId().toString(), m.name()));
        return names;
    }

    /** Who tickets may be assigned to: agents, admins, owners. */
    private static List<Option> agents(List<Member> members) {
        return members.stream().filter(m -> m.role().canWriteTickets())
                .map(m -> new Option(m.userId().toString(), m.name())).toList();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
