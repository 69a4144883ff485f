package org.helpdesk.contact;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator settings of contacts under {@code helpdesk.contacts.*} (environment: HELPDESK_CONTACTS_*).
 *
 * @param backfill whether start-up links the tickets from before contacts existed (HELPDESK_CONTACTS_BACKFILL)
 */
@ConfigurationProperties("helpdesk.contacts")
record ContactSettings(@DefaultValue("true") boolean backfill) {
}
