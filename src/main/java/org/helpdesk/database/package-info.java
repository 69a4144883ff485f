/**
 * Where the app's SQL runs: the primary, or (with {@code HELPDESK_DB_REPLICA_URL}) a standby for read-only
 * transactions, unless it lags, is down, or has not yet replayed the caller's own last write.
 */
@ApplicationModule(allowedDependencies = {"common"})
package org.helpdesk.database;

import org.springframework.modulith.ApplicationModule;
