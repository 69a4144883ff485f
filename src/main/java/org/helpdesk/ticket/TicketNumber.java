package org.helpdesk.ticket;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one format of a ticket's number as people see it: {@code HD-42}. Shown on the pages and in mail
 * subjects ({@code [HD-42]}), searched for in the list, matched in the subjects of incoming mail.
 */
public final class TicketNumber {
    public static final String PREFIX = "HD-";
    /** {@code HD-} and up to 18 digits (a long), any case; group 1 is the number. */
    public static final Pattern PATTERN = Pattern.compile("(?i)HD-(\\d{1,18})");

    private TicketNumber() {
    }

    public static String format(long number) {
        return PREFIX + number;
    }

    /** The number of a text that is exactly a ticket number ({@code hd-42} too). */
    public static OptionalLong parse(String text) {
        Matcher m = PATTERN.matcher(text);
        return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
    }
}
