package org.helpdesk;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module boundaries of docs/architecture.md, enforced: no cycles, only named interfaces used across. */
class ModularityTest {
    static final ApplicationModules MODULES = ApplicationModules.of(HelpdeskApplication.class);

    @Test
    void modulesOnlyUseEachOthersNamedInterfacesAndFormNoCycles() {

        MODULES.verify();
    }
}
