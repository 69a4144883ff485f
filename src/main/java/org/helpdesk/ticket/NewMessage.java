package org.helpdesk.ticket;

/** STAND-IN for the core's NewMessage (issue 10); replaced by main's on merge. */
public record NewMessage(String body, boolean internal) {
}
