package org.helpdesk.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.ticket.Message;
import org.helpdesk.ticket.TicketEvent;

/**
 * A ticket's conversation and history in one stream, oldest first: messages as they are, and each change as a
 * sentence ("Ann: status new → open"). Message-added events are the messages themselves, so they are not
 * repeated; ids of assignees and categories are shown by name.
 */
public final class Timeline {
    private Timeline() {
    }

    /** A message, or a history line. */
    public record Item(Instant at, Message message, String actor, List<String> changes) {
        public boolean hasMessage() {
            return message != null;
        }
    }

    static List<Item> of(List<Message> messages, List<TicketEvent> events, Map<String, String> people,
                         Map<String, String> categories) {
        List<Item> items = new ArrayList<>();
        messages.forEach(m -> items.add(new Item(m.createdAt(), m, m.authorName(), List.of())));
        for (TicketEvent e : events) {
            String type = String.valueOf(e.type());
            if (type.equals("MESSAGE_ADDED")) {
                continue;
            }
            if (type.equals("MERGED")) {
                items.add(new Item(e.createdAt(), null, e.actorName(), List.of("merged another ticket into this one")));
                continue;
            }
            if (type.equals("CREATED")) {
                items.add(new Item(e.createdAt(), null, e.actorName(), List.of("created the ticket")));
                continue;
            }
            List<String> changes = new ArrayList<>();
            e.changes().forEach((field, change) -> changes.add(sentence(field, change.from(), change.to(), people, categories)));
            if (!changes.isEmpty()) {
                items.add(new Item(e.createdAt(), null, e.actorName(), changes));
            }
        }
        // messages before events at the same instant: a reply that opens a ticket reads "reply, then status"
        items.sort(Comparator.comparing(Item::at).thenComparing(i -> i.hasMessage() ? 0 : 1));
        return items;
    }

    static String sentence(String field, Object from, Object to, Map<String, String> people,
                           Map<String, String> categories) {
        Map<String, String> names = switch (field) {
            case "assignedTo" -> people;
            case "categoryId" -> categories;
            default -> Map.of();
        };
        String label = switch (field) {
            case "assignedTo" -> "assignee";
            case "categoryId" -> "category";
            case "contactEmail" -> "contact email";
            case "contactName" -> "contact name";
            default -> field;
        };
        return label + " " + show(from, names) + " → " + show(to, names);
    }

    private static String show(Object value, Map<String, String> names) {
        if (value == null) {
            return "none";
        }
        String text = value instanceof Enum<?> e ? e.name().toLowerCase(java.util.Locale.ROOT) : String.valueOf(value);
        String name = names.get(text);
        if (name != null) {
            return name;
        }
        if (value instanceof UUID || text.length() == 36 && text.charAt(8) == '-') {
            return names.isEmpty() ? text : "(removed)";
        }
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
