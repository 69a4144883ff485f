/** Files of tickets and messages (API §8): uploads, safe downloads, content-addressed storage on disk or in S3, the sweep. */
@ApplicationModule(allowedDependencies = {"common", "auth", "ticket"})
package org.helpdesk.attachment;

import org.springframework.modulith.ApplicationModule;
