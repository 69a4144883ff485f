package org.helpdesk.ticket;

import org.helpdesk.common.Conflict;

/** The ticket was merged into another one: it takes no changes, no messages and no second merge. */
public class TicketMerged extends Conflict {
    TicketMerged(String number) {
        super(number + " was merged into another ticket; work on that ticket instead");
    }
}
