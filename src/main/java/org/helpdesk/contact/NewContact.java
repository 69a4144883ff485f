package org.helpdesk.contact;

import java.util.List;
import java.util.UUID;

/**
 * A contact to create. Validates itself: 1–20 addresses (lower-cased, the first the primary), name up to 255
 * characters, phone up to 50. {@code organizationGiven}: the organization was set by hand (also to none), so
 * no domain rule applies.
 */
public record NewContact(String name, List<String> emails, String phone, UUID organizationId,
                         boolean organizationGiven) {
    public NewContact {
        name = ContactRules.name(name);
        emails = ContactRules.emails(emails);
        phone = ContactRules.phone(phone);
        if (organizationId != null) {
            organizationGiven = true;
        }
    }
}
