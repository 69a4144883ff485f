package org.helpdesk.attachment;

import org.helpdesk.common.NotFound;

/** No such attachment in the caller's entity: one answer for an unknown id and for another entity's file. */
class AttachmentNotFound extends NotFound {
    AttachmentNotFound() {
        super("No such attachment in this entity");
    }
}
