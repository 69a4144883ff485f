/** What every feature shares: the error model, ids, time, strict JSON input, the body buffer. */
@ApplicationModule(allowedDependencies = {})
package org.helpdesk.common;

import org.springframework.modulith.ApplicationModule;
