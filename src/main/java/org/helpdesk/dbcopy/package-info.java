/** Moving an installation off the embedded database: copies a stopped H2 database into an empty PostgreSQL one. */
package org.helpdesk.dbcopy;
