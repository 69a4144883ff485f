package org.helpdesk.macro;

import org.helpdesk.common.NotFound;

/** No such macro in the caller's entity (unknown, or of another entity). */
public class MacroNotFound extends NotFound {
    MacroNotFound() {
        super("No such macro in this entity");
    }
}
