/** API keys: created once with their secret shown, stored as a hash, scoped, expiring, revocable. */
@ApplicationModule(allowedDependencies = {"common", "auth", "entity :: events", "entity :: settings"})
package org.helpdesk.apikey;

import org.springframework.modulith.ApplicationModule;
