/** Server-rendered pages (Thymeleaf + htmx). */
@ApplicationModule(allowedDependencies = {"common", "auth", "account", "apikey", "category", "entity", "entity :: settings", "ticket", "canned", "macro", "attachment", "contact", "report", "search", "sla", "webhook", "email"})
package org.helpdesk.ui;

import org.springframework.modulith.ApplicationModule;
