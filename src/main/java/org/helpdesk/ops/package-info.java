/** What operators watch and rely on: the access log, domain metrics, safe logs and the schema guard at start-up. */
package org.helpdesk.ops;
