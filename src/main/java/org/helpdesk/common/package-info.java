/** What every feature shares: the error model, ids, time, strict JSON input, the body buffer. */
package org.helpdesk.common;
