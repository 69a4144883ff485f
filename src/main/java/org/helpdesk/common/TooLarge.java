package org.helpdesk.common;

/** The input is larger than a limit allows (a file, or the files of one message): 413. */
public class TooLarge extends DomainException {
    public TooLarge(String message) {
        super(message);
    }
}
