/** Authentication (API keys, browser sessions, CSRF) and the per-request tenant: entity, member, role, scopes.
 * Keys and memberships are read through the ports {@link org.helpdesk.auth.KeyDirectory} and
 * {@link org.helpdesk.auth.MemberDirectory}, which the modules owning them implement. */
@ApplicationModule(allowedDependencies = {"common"})
package org.helpdesk.auth;

import org.springframework.modulith.ApplicationModule;
