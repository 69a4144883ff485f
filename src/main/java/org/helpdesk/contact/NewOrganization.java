package org.helpdesk.contact;

import java.util.List;

/** An organization to create: a name (1–255 characters) and its domains (lower-cased, no free-mail ones). */
public record NewOrganization(String name, List<String> domains) {
    public NewOrganization {
        name = ContactRules.organizationName(name);
        domains = ContactRules.domains(domains);
    }
}
