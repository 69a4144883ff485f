/** Reports for support leads: tickets in and resolved, first-response and resolution times, per day or week. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "auth"})
package org.helpdesk.report;
