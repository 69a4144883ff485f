/** What operators watch and rely on: the access log, domain metrics, safe logs and the schema guard at start-up. */
@ApplicationModule(allowedDependencies = {"common", "auth", "ticket"})
package org.helpdesk.ops;

import org.springframework.modulith.ApplicationModule;
