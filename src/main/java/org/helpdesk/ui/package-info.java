/** Server-rendered pages (Thymeleaf + htmx). */
package org.helpdesk.ui;
