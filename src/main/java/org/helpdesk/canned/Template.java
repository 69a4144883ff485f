package org.helpdesk.canned;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.helpdesk.common.InvalidInput;

/**
 * The variable language of canned replies (API §10), pure: {@code {{ticket.number}}} and the other seven
 * variables, each with an optional fallback {@code {{contact.firstName | "there"}}} (a {@code \"} or {@code \\}
 * in the fallback stands for the character). Text outside {@code {{ }}} is kept as it is; a {@code {{} that is
 * never closed is text too. Parsing refuses an unknown variable or a malformed expression, so a body that was
 * saved always renders.
 */
public final class Template {
    public static final Set<String> VARIABLES = Set.of("ticket.number", "ticket.subject", "contact.name",
            "contact.firstName", "contact.email", "agent.name", "agent.firstName", "entity.name");

    /** A piece of text, or a variable (with its fallback, or {@code null}). */
    private record Part(String text, String variable, String fallback) {
    }

    private final List<Part> parts;

    private Template(List<Part> parts) {
        this.parts = parts;
    }

    /** Parses a body; {@code field} names it in the error ({@code body}, {@code reply.body}). */
    public static Template parse(String body, String field) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int open = body.indexOf("{{", i);
            if (open < 0) {
                text.append(body, i, body.length());
                break;
            }
            text.append(body, i, open);
            Expression e = expression(body, open + 2, field);
            if (e == null) { // never closed: plain text from here on
                text.append(body, open, body.length());
                break;
            }
            if (!text.isEmpty()) {
                parts.add(new Part(text.toString(), null, null));
                text.setLength(0);
            }
            parts.add(new Part(null, e.variable, e.fallback));
            i = e.end;
        }
        if (!text.isEmpty()) {
            parts.add(new Part(text.toString(), null, null));
        }
        return new Template(List.copyOf(parts));
    }

    /** The variables the template uses, in order of appearance. */
    public List<String> variables() {
        return parts.stream().filter(p -> p.variable != null).map(Part::variable).distinct().toList();
    }

    /** The text with each variable replaced by its value; a missing or blank value takes the fallback, else "". */
    public String render(Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Part p : parts) {
            if (p.text != null) {
                out.append(p.text);
                continue;
            }
            String value = values.get(p.variable);
            if (value == null || value.isBlank()) {
                value = p.fallback == null ? "" : p.fallback;
            }
            out.append(value);
        }
        return out.toString();
    }

    /** The first word of a name ("Ann Lee" → "Ann"), or {@code null}. */
    public static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        return name.strip().split("\\s+", 2)[0];
    }

    private record Expression(String variable, String fallback, int end) {
    }

    /**
     * The expression starting at {@code from} (just after "{{") up to and including its "}}"; {@code null}
     * when the text holds no "}}" at all.
     */
    private static Expression expression(String s, int from, String field) {
        int i = skipSpaces(s, from);
        int nameStart = i;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '.'
                || s.charAt(i) == '_')) {
            i++;
        }
        String name = s.substring(nameStart, i);
        i = skipSpaces(s, i);
        String fallback = null;
        if (i < s.length() && s.charAt(i) == '|') {
            i = skipSpaces(s, i + 1);
            if (i >= s.length() || s.charAt(i) != '"') {
                return malformed(s, from, field);
            }
            StringBuilder value = new StringBuilder();
            i++;
            while (i < s.length() && s.charAt(i) != '"') {
                if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                    i++;
                }
                value.append(s.charAt(i));
                i++;
            }
            if (i >= s.length()) {
                return malformed(s, from, field);
            }
            fallback = value.toString();
            i = skipSpaces(s, i + 1);
        }
        if (!s.startsWith("}}", i)) {
            return malformed(s, from, field);
        }
        if (name.isEmpty()) {
            throw new InvalidInput(field + ": {{ }} names no variable; use one of " + known());
        }
        if (!VARIABLES.contains(name)) {
            throw new InvalidInput(field + ": unknown variable {{" + shorten(name) + "}}; use one of " + known());
        }
        return new Expression(name, fallback, i + 2);
    }

    private static Expression malformed(String s, int from, String field) {
        if (s.indexOf("}}", from) < 0) {
            return null;
        }
        throw new InvalidInput(field + ": write variables as {{contact.firstName}} or "
                + "{{contact.firstName | \"fallback\"}}");
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    private static String known() {
        return "ticket.number, ticket.subject, contact.name, contact.firstName, contact.email, agent.name, "
                + "agent.firstName, entity.name";
    }

    private static String shorten(String name) {
        return name.length() > 40 ? name.substring(0, 40) + "…" : name;
    }
}
