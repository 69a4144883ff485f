/** Tickets and their conversation: lifecycle rules, numbering, search and keyset paging, safe retries. */
package org.helpdesk.ticket;
