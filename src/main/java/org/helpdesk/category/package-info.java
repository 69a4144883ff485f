/** Ticket categories of an entity, with names unique per entity. */
@ApplicationModule(allowedDependencies = {"common", "auth", "entity :: settings"})
package org.helpdesk.category;

import org.springframework.modulith.ApplicationModule;
