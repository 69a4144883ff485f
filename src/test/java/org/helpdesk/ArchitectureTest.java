package org.helpdesk;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keeps the feature boundaries of docs/architecture.md honest. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.helpdesk");

    @Test
    void featurePackagesHaveNoDependencyCycles() {
        slices().matching("org.helpdesk.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void commonDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.helpdesk.common..")
                .should().dependOnClassesThat().resideInAnyPackage("org.helpdesk.account..", "org.helpdesk.auth..",
                        "org.helpdesk.entity..", "org.helpdesk.apikey..", "org.helpdesk.category..",
                        "org.helpdesk.ticket..", "org.helpdesk.ui..", "org.helpdesk.email..")
                .check(CLASSES);
    }

    @Test
    void onlyRepositoriesRunSql() {
        noClasses().that().areNotAnnotatedWith(Repository.class)
                .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .check(CLASSES);
    }
}
