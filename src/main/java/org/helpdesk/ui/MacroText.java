package org.helpdesk.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.helpdesk.macro.MacroActions;
import org.helpdesk.ticket.Ticket;

/**
 * A macro in words for the pages: what it will change (shown before it is applied, in Settings and in the
 * "Apply macro" menu) and what it did change (the confirmation after it ran, read off the ticket before and
 * after, so it says only what really moved).
 */
final class MacroText {
    private static final int QUOTE = 60;

    private MacroText() {
    }

    /** Names the macro's references resolve to: members, categories, canned replies, each by id as text. */
    record Names(Map<String, String> people, Map<String, String> categories, Map<String, String> replies) {
    }

    /** One line per action, in the order the settings form shows them. */
    static List<String> actions(MacroActions a, Names names) {
        List<String> lines = new ArrayList<>();
        if (a.status() != null) {
            lines.add("Status: " + a.status().wire());
        }
        if (a.priority() != null) {
            lines.add("Priority: " + a.priority().wire());
        }
        if (a.assignee() != null) {
            lines.add("Assignee: " + (a.assignee().me() ? "whoever applies it"
                    : a.assignee().id() == null ? "nobody" : name(names.people(), a.assignee().id(), "(former member)")));
        }
        if (a.category() != null) {
            lines.add("Category: " + (a.category().id() == null ? "none"
                    : name(names.categories(), a.category().id(), "(removed)")));
        }
        if (!a.addTags().isEmpty()) {
            lines.add("Add tags: " + String.join(", ", a.addTags()));
        }
        if (!a.removeTags().isEmpty()) {
            lines.add("Remove tags: " + String.join(", ", a.removeTags()));
        }
        if (a.reply() != null) {
            String what = a.reply().cannedReplyId() != null
                    ? "canned reply “" + name(names.replies(), a.reply().cannedReplyId(), "(deleted)") + "”"
                    : "“" + shorten(a.reply().body()) + "”";
            lines.add((a.reply().internal() ? "Internal note: " : "Reply: ") + what);
        }
        return lines;
    }

    /** What applying a macro changed on the ticket, as "status open → pending" parts; empty if nothing moved. */
    static List<String> changes(Ticket before, Ticket after, MacroActions a, Names names) {
        List<String> parts = new ArrayList<>();
        if (a.reply() != null) {
            parts.add(a.reply().internal() ? "internal note added" : "reply sent");
        }
        if (before.status() != after.status()) {
            parts.add("status " + before.status().wire() + " → " + after.status().wire());
        }
        if (before.priority() != after.priority()) {
            parts.add("priority " + before.priority().wire() + " → " + after.priority().wire());
        }
        if (!Objects.equals(before.assignedTo(), after.assignedTo())) {
            parts.add(after.assignedTo() == null ? "unassigned"
                    : "assigned to " + name(names.people(), after.assignedTo(), "(former member)"));
        }
        if (!Objects.equals(before.categoryId(), after.categoryId())) {
            parts.add(after.categoryId() == null ? "category cleared"
                    : "category " + name(names.categories(), after.categoryId(), "(removed)"));
        }
        List<String> added = after.tags().stream().filter(t -> !before.tags().contains(t)).toList();
        List<String> removed = before.tags().stream().filter(t -> !after.tags().contains(t)).toList();
        if (!added.isEmpty()) {
            parts.add("tags added: " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("tags removed: " + String.join(", ", removed));
        }
        return parts;
    }

    private static String name(Map<String, String> names, UUID id, String missing) {
        return names.getOrDefault(id.toString(), missing);
    }

    private static String shorten(String text) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() > QUOTE ? flat.substring(0, QUOTE) + "…" : flat;
    }
}
