package org.helpdesk.ticket;

/** One field's value before and after a change, as the ticket's JSON shows it ({@code null} when empty). */
public record FieldChange(String from, String to) {
}
