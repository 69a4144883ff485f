package org.helpdesk.account;

import org.helpdesk.common.HelpdeskSettings;
import org.helpdesk.common.Emails;
import org.helpdesk.common.JsonInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first owner and entity from HELPDESK_BOOTSTRAP_* at start-up, for installs with signup off.
 * Idempotent: if the email already has an account, nothing happens.
 */
@Component
class Bootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final HelpdeskSettings properties;
    private final AccountService accounts;
    private final Users users;

    Bootstrap(HelpdeskSettings properties, AccountService accounts, Users users) {
        this.properties = properties;
        this.accounts = accounts;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        HelpdeskSettings.Bootstrap wanted = properties.bootstrap();
        if (!wanted.requested()) {
            return;
        }
        String email = Emails.accountKey(wanted.email(), "HELPDESK_BOOTSTRAP_EMAIL");
        if (users.byEmail(email).isPresent()) {
            log.info("Bootstrap owner {} already exists; nothing to do", email);
            return;
        }
        String name = wanted.name() == null || wanted.name().isBlank() ? email : wanted.name();
        String entityName = wanted.entityName() == null || wanted.entityName().isBlank() ? "Helpdesk" : wanted.entityName();
        try {
            var signup = accounts.signup(email, wanted.password(), JsonInput.text(name, "HELPDESK_BOOTSTRAP_NAME", 255),
                    JsonInput.text(entityName, "HELPDESK_BOOTSTRAP_ENTITY_NAME", 255));
            log.info("Bootstrap: created owner {} of entity '{}' ({})", email, entityName, signup.entity().id());
        } catch (org.helpdesk.common.Conflict e) {
            log.info("Bootstrap owner {} was created concurrently by another node", email);
        }
    }
}
