/** What testing the API from outside, as an attacker and as a careless client, found (issue 11). */
package org.helpdesk.hardening;
