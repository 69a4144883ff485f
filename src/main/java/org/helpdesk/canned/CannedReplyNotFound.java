package org.helpdesk.canned;

import org.helpdesk.common.NotFound;

/** No such canned reply visible to the caller: unknown, of another entity, or another member's personal one. */
public class CannedReplyNotFound extends NotFound {
    CannedReplyNotFound() {
        super("No such canned reply in this entity");
    }
}
