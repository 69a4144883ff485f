/** Ticket categories of an entity, with names unique per entity. */
package org.helpdesk.category;
