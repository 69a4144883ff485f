package org.helpdesk.contact;

import java.util.List;

/** A merge-patch of an organization: name (required when set) and domains (replacing the list). */
public record OrganizationChange(boolean setsName, String name, boolean setsDomains, List<String> domains) {
    public OrganizationChange {
        name = setsName ? ContactRules.organizationName(name) : null;
        domains = setsDomains ? ContactRules.domains(domains) : null;
    }
}
