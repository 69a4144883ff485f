/** Moving an installation off the embedded database: copies a stopped H2 database into an empty PostgreSQL one. */
@ApplicationModule(allowedDependencies = {})
package org.helpdesk.dbcopy;

import org.springframework.modulith.ApplicationModule;
