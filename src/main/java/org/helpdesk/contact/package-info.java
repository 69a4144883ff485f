/** Contacts (every customer a record, with addresses, phone and organization) and organizations (with their
 * email domains); merging duplicate contacts and undoing it; erasure for data-protection requests. */
@ApplicationModule(allowedDependencies = {"common", "auth", "ticket"})
package org.helpdesk.contact;

import org.springframework.modulith.ApplicationModule;
