package org.helpdesk.account;

import org.helpdesk.common.HelpdeskSettings;
import org.helpdesk.common.InvalidInput;
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
    private final AccountManagement accounts;

    Bootstrap(HelpdeskSettings properties, AccountManagement accounts) {
        this.properties = properties;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        HelpdeskSettings.Bootstrap wanted = properties.bootstrap();
        if (!wanted.requested()) {
            return;
        }
        String email = bootstrapValue(() -> SignUp.email(wanted.email()), "HELPDESK_BOOTSTRAP_EMAIL");
        if (accounts.exists(email)) {
            log.info("Bootstrap owner (HELPDESK_BOOTSTRAP_EMAIL) already exists; nothing to do");
            return;
        }
        String name = wanted.name() == null || wanted.name().isBlank() ? email : wanted.name();
        String entityName = wanted.entityName() == null || wanted.entityName().isBlank() ? "Helpdesk" : wanted.entityName();
        try {
            bootstrapValue(() -> SignUp.name(name, "name"), "HELPDESK_BOOTSTRAP_NAME");
            bootstrapValue(() -> SignUp.name(entityName, "entityName"), "HELPDESK_BOOTSTRAP_ENTITY_NAME");
            bootstrapValue(() -> SignUp.password(wanted.password()), "HELPDESK_BOOTSTRAP_PASSWORD");
            var signup = accounts.create(new SignUp(email, wanted.password(), name, entityName, null));
            log.info("Bootstrap: created owner {} of entity {}", signup.account().id(), signup.entity().id());
        } catch (org.helpdesk.common.Conflict e) {
            log.info("Bootstrap owner (HELPDESK_BOOTSTRAP_EMAIL) was created concurrently by another node");
        }
    }

    /** The signup rule's sentence, naming the setting the operator has to fix. */
    private static <T> T bootstrapValue(java.util.function.Supplier<T> check, String variable) {
        try {
            return check.get();
        } catch (InvalidInput e) {
            throw new InvalidInput(variable + ": " + e.getMessage());
        }
    }
}
