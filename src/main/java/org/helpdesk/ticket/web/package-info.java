/** The ticket feature's web adapter side that is more than a controller: safe retries of the two POSTs. */
package org.helpdesk.ticket.web;
