/** Entities (tenants) and their memberships with roles; an entity always keeps at least one owner. */
package org.helpdesk.entity;
