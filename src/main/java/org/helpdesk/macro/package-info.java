/** Macros: named sets of ticket changes and a reply, applied through the ticket core's use cases, one ticket at a time. */
@ApplicationModule(allowedDependencies = {"common", "auth", "ticket", "canned", "category", "entity :: assignees"})
package org.helpdesk.macro;

import org.springframework.modulith.ApplicationModule;
