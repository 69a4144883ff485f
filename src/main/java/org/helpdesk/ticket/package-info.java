/** Tickets and their conversation: the use cases every front door calls, lifecycle rules, history and
 * its events, numbering (taken from the entity module's counter), search and keyset paging, safe retries. */
@ApplicationModule(allowedDependencies = {"common", "auth", "category", "entity :: counter", "entity :: assignees", "entity :: events"})
package org.helpdesk.ticket;

import org.springframework.modulith.ApplicationModule;
