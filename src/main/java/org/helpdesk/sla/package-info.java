/** SLA policies and business hours (API §11): calendars, ordered policies, the due times of tickets through the
 * ticket core's {@code ServiceLevels} port, and the breach sweeper. */
@ApplicationModule(allowedDependencies = {"common", "auth", "category", "ticket", "entity :: settings"})
package org.helpdesk.sla;

import org.springframework.modulith.ApplicationModule;
