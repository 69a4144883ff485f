package org.helpdesk.contact;

import java.util.List;
import java.util.UUID;

/**
 * A merge-patch of a contact: only the fields marked as set change; name, phone and organizationId may be
 * cleared with {@code null}; emails, when set, replace the list (1–20). Validates itself.
 */
public record ContactChange(boolean setsName, String name, boolean setsEmails, List<String> emails,
                            boolean setsPhone, String phone, boolean setsOrganization, UUID organizationId) {
    public ContactChange {
        name = setsName ? ContactRules.name(name) : null;
        emails = setsEmails ? ContactRules.emails(emails) : null;
        phone = setsPhone ? ContactRules.phone(phone) : null;
        organizationId = setsOrganization ? organizationId : null;
    }

    public static ContactChange none() {
        return new ContactChange(false, null, false, null, false, null, false, null);
    }

    Contact applyTo(Contact c, java.time.Instant now) {
        return new Contact(c.id(), c.entityId(), setsName ? name : c.name(), setsEmails ? emails : c.emails(),
                setsPhone ? phone : c.phone(), setsOrganization ? organizationId : c.organizationId(), c.mergedInto(),
                c.createdAt(), now);
    }
}
