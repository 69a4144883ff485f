/** Webhooks: subscriptions of an entity, every change delivered to them signed, retried and never lost. */
@ApplicationModule(allowedDependencies = {"common", "auth", "ticket", "sla", "contact"})
package org.helpdesk.webhook;

import org.springframework.modulith.ApplicationModule;
