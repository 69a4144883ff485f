/** Entities (tenants) and their memberships with roles; an entity always keeps at least one owner. */
@ApplicationModule(allowedDependencies = {"common", "auth"})
package org.helpdesk.entity;

import org.springframework.modulith.ApplicationModule;
