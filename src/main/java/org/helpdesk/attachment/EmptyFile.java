package org.helpdesk.attachment;

import org.helpdesk.common.InvalidInput;

/** A file of no bytes (API §8): 400. */
public class EmptyFile extends InvalidInput {
    EmptyFile() {
        super("The file is empty: send a file of at least one byte");
    }
}
