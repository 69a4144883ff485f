package org.helpdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** The module boundaries of docs/architecture.md, enforced: no cycles, only named interfaces used across. */
class ModularityTest {
    static final ApplicationModules MODULES = ApplicationModules.of(HelpdeskApplication.class);

    @Test
    void modulesOnlyUseEachOthersNamedInterfacesAndFormNoCycles() {
        MODULES.verify();
    }

    @Test
    void everyModuleDeclaresWhatItMayDependOn() throws Exception {
        Object open = ApplicationModule.class.getMethod("allowedDependencies").getDefaultValue();
        List<String> undeclared = MODULES.stream()
                .map(module -> module.getBasePackage().getName())
                .filter(name -> {
                    ApplicationModule declared = packageInfo(name);
                    return declared == null || Arrays.equals(declared.allowedDependencies(), (String[]) open);
                })
                .toList();
        assertThat(undeclared).as("modules without @ApplicationModule(allowedDependencies = ...) in package-info.java")
                .isEmpty();
    }

    private static ApplicationModule packageInfo(String packageName) {
        try {
            return Class.forName(packageName + ".package-info").getAnnotation(ApplicationModule.class);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
