/** API keys: created once with their secret shown, stored as a hash, scoped, expiring, revocable. */
package org.helpdesk.apikey;
