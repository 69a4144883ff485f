package org.helpdesk.ticket;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.helpdesk.common.InvalidInput;

/**
 * The tag rules of API §10: each tag 1–50 of {@code a-z 0-9 - _} after lower-casing, duplicates collapse, the
 * list is alphabetical and holds at most 20. One place, for the API, the pages and the macros.
 */
public final class Tags {
    public static final int MAX_TAGS = 20;
    public static final int MAX_LENGTH = 50;
    private static final Pattern TAG = Pattern.compile("[a-z0-9_-]{1," + MAX_LENGTH + "}");

    private Tags() {
    }

    /** One tag, lower-cased; {@code field} names it in the error. */
    public static String tag(String raw, String field) {
        String tag = raw == null ? "" : raw.toLowerCase(Locale.ROOT);
        if (!TAG.matcher(tag).matches()) {
            throw new InvalidInput(field + ": each tag must be 1-" + MAX_LENGTH
                    + " characters of a-z, 0-9, '-' and '_' (got \"" + shorten(raw) + "\")");
        }
        return tag;
    }

    /** A set of tags, each checked and lower-cased, without duplicates, alphabetical (no limit on the count). */
    public static List<String> normalize(Collection<String> raw, String field) {
        if (raw == null) {
            throw new InvalidInput(field + " must be an array of tags");
        }
        TreeSet<String> tags = new TreeSet<>();
        for (String value : raw) {
            tags.add(tag(value, field));
        }
        return List.copyOf(tags);
    }

    /** The tags a ticket may hold: {@link #normalize} and at most {@value #MAX_TAGS} of them. */
    public static List<String> ofTicket(Collection<String> raw, String field) {
        List<String> tags = normalize(raw, field);
        return limited(tags);
    }

    static List<String> limited(List<String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new InvalidInput("A ticket has at most " + MAX_TAGS + " tags");
        }
        return tags;
    }

    /** The stored form: the tags joined by spaces ("" for none). */
    static String joined(List<String> tags) {
        return String.join(" ", tags);
    }

    static List<String> split(String stored) {
        return stored == null || stored.isBlank() ? List.of() : List.of(stored.strip().split(" +"));
    }

    private static String shorten(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.length() > 60 ? raw.substring(0, 60) + "…" : raw;
    }
}
