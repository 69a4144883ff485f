/** Canned replies: saved answers, shared by the entity or personal to an agent, with variables filled from a ticket. */
@ApplicationModule(allowedDependencies = {"common", "auth", "ticket", "entity"})
package org.helpdesk.canned;

import org.springframework.modulith.ApplicationModule;
