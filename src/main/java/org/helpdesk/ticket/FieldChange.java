package org.helpdesk.ticket;

/**
 * One field's value before and after a change, as the ticket's JSON shows it ({@code null} when empty): a
 * string for the scalar fields, a list of strings for {@code tags}.
 */
public record FieldChange(Object from, Object to) {
}
