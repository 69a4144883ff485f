/** Server-rendered pages (Thymeleaf + htmx). */
@ApplicationModule(allowedDependencies = {"common", "auth", "account", "apikey", "category", "entity", "entity :: settings", "ticket"})
package org.helpdesk.ui;

import org.springframework.modulith.ApplicationModule;
