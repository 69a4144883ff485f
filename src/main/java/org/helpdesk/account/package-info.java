/** User accounts: signup, login, logout, the signed-in user, and the operator's bootstrap owner. */
@ApplicationModule(allowedDependencies = {"common", "auth", "entity"})
package org.helpdesk.account;

import org.springframework.modulith.ApplicationModule;
