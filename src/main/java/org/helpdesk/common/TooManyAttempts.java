package org.helpdesk.common;

/** Over a limit (logins per email or address, signups per address): try again after the window. */
public class TooManyAttempts extends RetryLater {
    public TooManyAttempts(String message, long retryAfterSeconds) {
        super(message, retryAfterSeconds);
    }
}
