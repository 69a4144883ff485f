package org.helpdesk.macro;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.helpdesk.canned.Template;
import org.helpdesk.common.Ids;
import org.helpdesk.common.InvalidInput;
import org.helpdesk.ticket.NewMessage;
import org.helpdesk.ticket.Priority;
import org.helpdesk.ticket.Tags;
import org.helpdesk.ticket.TicketChange;
import org.helpdesk.ticket.TicketStatus;
import tools.jackson.databind.JsonNode;

/**
 * What a macro does (API §10), checked on its own when saved: {@code status}, {@code priority},
 * {@code assignedTo} (a user id, {@code "me"} for whoever applies it, or {@code null} to unassign),
 * {@code categoryId} (or {@code null}), {@code addTags}, {@code removeTags} and a {@code reply}
 * ({@code {"cannedReplyId"} or {"body"}}, with {@code isInternal}). At least one action; unknown keys are refused
 * (a typo would otherwise make a macro silently do less). References into the entity are checked by
 * {@link MacroManagement}.
 */
public record MacroActions(TicketStatus status, Priority priority, Target assignee, Target category,
                           List<String> addTags, List<String> removeTags, Reply reply) {
    static final Set<String> KEYS = Set.of("status", "priority", "assignedTo", "categoryId", "addTags",
            "removeTags", "reply");
    static final String ME = "me";

    /** A reference action: absent ({@code null} target), cleared ({@code id == null}), "me", or an id. */
    public record Target(UUID id, boolean me) {
        static Target cleared() {
            return new Target(null, false);
        }
    }

    /** The message a macro adds: a shared canned reply or a body of its own (both may hold variables). */
    public record Reply(UUID cannedReplyId, String body, boolean internal) {
    }

    public MacroActions {
        addTags = addTags == null ? List.of() : List.copyOf(addTags);
        removeTags = removeTags == null ? List.of() : List.copyOf(removeTags);
    }

    /** Parses and checks the {@code actions} object; every problem is an {@link InvalidInput} naming the key. */
    public static MacroActions parse(JsonNode actions) {
        if (actions == null || !actions.isObject()) {
            throw new InvalidInput("actions must be an object");
        }
        for (String key : actions.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new InvalidInput("actions." + key + " is not an action; use status, priority, assignedTo, "
                        + "categoryId, addTags, removeTags or reply");
            }
        }
        TicketStatus status = actions.has("status")
                ? TicketStatus.parse(requiredText(actions.get("status"), "actions.status"), "actions.status") : null;
        Priority priority = actions.has("priority")
                ? Priority.parse(requiredText(actions.get("priority"), "actions.priority"), "actions.priority") : null;
        Target assignee = actions.has("assignedTo") ? target(actions.get("assignedTo"), "actions.assignedTo", true) : null;
        Target category = actions.has("categoryId") ? target(actions.get("categoryId"), "actions.categoryId", false)
                : null;
        List<String> add = actions.has("addTags") ? tags(actions.get("addTags"), "actions.addTags") : List.of();
        List<String> remove = actions.has("removeTags") ? tags(actions.get("removeTags"), "actions.removeTags")
                : List.of();
        if (add.size() > Tags.MAX_TAGS) {
            throw new InvalidInput("actions.addTags: a ticket has at most " + Tags.MAX_TAGS + " tags");
        }
        Set<String> both = new HashSet<>(add);
        both.retainAll(remove);
        if (!both.isEmpty()) {
            throw new InvalidInput("actions: tag \"" + both.iterator().next() + "\" is both added and removed");
        }
        Reply reply = actions.has("reply") ? reply(actions.get("reply")) : null;
        MacroActions parsed = new MacroActions(status, priority, assignee, category, add, remove, reply);
        if (parsed.isEmpty()) {
            throw new InvalidInput("actions must hold at least one action");
        }
        return parsed;
    }

    boolean isEmpty() {
        return status == null && priority == null && assignee == null && category == null && addTags.isEmpty()
                && removeTags.isEmpty() && reply == null;
    }

    /** The ticket change this macro makes when {@code caller} applies it. */
    public TicketChange change(UUID caller) {
        TicketChange change = TicketChange.none();
        if (status != null) {
            change = change.status(status);
        }
        if (priority != null) {
            change = change.priority(priority);
        }
        if (assignee != null) {
            change = change.assignedTo(assignee.me() ? caller : assignee.id());
        }
        if (category != null) {
            change = change.categoryId(category.id());
        }
        if (!addTags.isEmpty()) {
            change = change.addTags(addTags);
        }
        if (!removeTags.isEmpty()) {
            change = change.removeTags(removeTags);
        }
        return change;
    }

    /** The actions as the API shows (and the database stores) them, keys in a fixed order. */
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>();
        if (status != null) {
            out.put("status", status.wire());
        }
        if (priority != null) {
            out.put("priority", priority.wire());
        }
        if (assignee != null) {
            out.put("assignedTo", assignee.me() ? ME : assignee.id() == null ? null : assignee.id().toString());
        }
        if (category != null) {
            out.put("categoryId", category.id() == null ? null : category.id().toString());
        }
        if (!addTags.isEmpty()) {
            out.put("addTags", addTags);
        }
        if (!removeTags.isEmpty()) {
            out.put("removeTags", removeTags);
        }
        if (reply != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            if (reply.cannedReplyId() != null) {
                r.put("cannedReplyId", reply.cannedReplyId().toString());
            } else {
                r.put("body", reply.body());
            }
            r.put("isInternal", reply.internal());
            out.put("reply", r);
        }
        return out;
    }

    private static String requiredText(JsonNode value, String field) {
        if (value == null || !value.isString()) {
            throw new InvalidInput(field + " must be a string");
        }
        return value.stringValue();
    }

    private static Target target(JsonNode value, String field, boolean meAllowed) {
        if (value.isNull()) {
            return Target.cleared();
        }
        String text = requiredText(value, field);
        if (meAllowed && ME.equals(text)) {
            return new Target(null, true);
        }
        return new Target(Ids.parse(text, field), false);
    }

    private static List<String> tags(JsonNode value, String field) {
        if (!value.isArray()) {
            throw new InvalidInput(field + " must be an array of tags");
        }
        List<String> raw = new ArrayList<>();
        for (JsonNode item : value) {
            raw.add(requiredText(item, field));
        }
        return Tags.normalize(raw, field);
    }

    private static Reply reply(JsonNode value) {
        if (value == null || !value.isObject()) {
            throw new InvalidInput("actions.reply must be an object with cannedReplyId or body");
        }
        boolean canned = value.has("cannedReplyId") && !value.get("cannedReplyId").isNull();
        boolean own = value.has("body") && !value.get("body").isNull();
        if (canned == own) {
            throw new InvalidInput("actions.reply needs exactly one of cannedReplyId and body");
        }
        boolean internal = false;
        JsonNode flag = value.get("isInternal");
        if (flag != null && !flag.isNull()) {
            if (!flag.isBoolean()) {
                throw new InvalidInput("actions.reply.isInternal must be true or false");
            }
            internal = flag.booleanValue();
        }
        if (canned) {
            return new Reply(Ids.parse(requiredText(value.get("cannedReplyId"), "actions.reply.cannedReplyId"),
                    "actions.reply.cannedReplyId"), null, internal);
        }
        String body = requiredText(value.get("body"), "actions.reply.body");
        try {
            new NewMessage(body, internal);
        } catch (InvalidInput e) {
            throw new InvalidInput("actions.reply." + e.getMessage());
        }
        Template.parse(body, "actions.reply.body");
        return new Reply(null, body, internal);
    }
}
