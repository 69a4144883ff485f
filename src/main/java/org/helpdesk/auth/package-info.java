/** Authentication (API keys, browser sessions, CSRF) and the per-request tenant: entity, member, role, scopes. */
package org.helpdesk.auth;
