package org.helpdesk.email;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Mailbox passwords at rest: AES-256-GCM with a random IV per value and a key derived (PBKDF2) from the operator's
 * HELPDESK_MAIL_SECRET, by Spring Security Crypto. A database dump alone reveals no password.
 */
@Component
class PasswordBox {
    private final TextEncryptor encryptor;

    PasswordBox(MailSettings settings) {
        this.encryptor = settings.hasSecret() ? Encryptors.delux(settings.secret(), settings.secretSalt()) : null;
    }

    boolean available() {
        return encryptor != null;
    }

    String seal(String password) {
        if (encryptor == null) {
            throw new MailboxesOff();
        }
        return encryptor.encrypt(password);
    }

    /** The password, or a {@link MailFailure} in words when it cannot be read (the secret changed). */
    String open(String sealed) {
        if (encryptor == null) {
            throw new MailFailure("the server has no HELPDESK_MAIL_SECRET, so the stored password cannot be read");
        }
        try {
            return encryptor.decrypt(sealed);
        } catch (RuntimeException e) {
            throw new MailFailure("the stored password cannot be decrypted (was HELPDESK_MAIL_SECRET changed?);"
                    + " enter the mailbox passwords again");
        }
    }
}
