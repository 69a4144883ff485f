package org.helpdesk;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.helpdesk.auth.Tenant;
import org.helpdesk.common.DomainException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/**
 * The house rules of docs/architecture.md, as a build failure. The rules are keyed on what a class is
 * (a {@code @Repository}, a controller, a {@code @Service} use case), never on a list of packages, so a new
 * feature that follows the shape passes without touching this test, and one that does not fails here.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.helpdesk");

    @Test
    void featurePackagesHaveNoDependencyCycles() {
        slices().matching("org.helpdesk.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void commonDependsOnNoOtherHelpdeskPackage() {
        noClasses().that().resideInAPackage("org.helpdesk.common..")
                .should().dependOnClassesThat(resideInAPackage("org.helpdesk..")
                        .and(not(resideInAPackage("org.helpdesk.common.."))))
                .check(CLASSES);
    }

    @Test
    void onlyRepositoriesRunSql() {
        noClasses().that().areNotAnnotatedWith(Repository.class)
                .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .check(CLASSES);
    }

    @Test
    void settingsAreReadOnlyFromTheirValidatedRecords() {
        List<String> sideDoors = new ArrayList<>();
        for (JavaClass type : CLASSES) {
            type.getFields().stream().filter(f -> f.isAnnotatedWith(Value.class))
                    .forEach(f -> sideDoors.add(f.getFullName()));
            for (JavaCodeUnit unit : type.getCodeUnits()) {
                if (unit.getParameters().stream().anyMatch(p -> p.isAnnotatedWith(Value.class))) {
                    sideDoors.add(unit.getFullName());
                }
                if (unit.isAnnotatedWith(Scheduled.class)) {
                    Scheduled when = unit.getAnnotationOfType(Scheduled.class);
                    if ((when.fixedDelayString() + when.fixedRateString() + when.initialDelayString() + when.cron())
                            .contains("${")) {
                        sideDoors.add(unit.getFullName());
                    }
                }
            }
        }
        assertThat(sideDoors)
                .as("a setting is a field of a @ConfigurationProperties record, checked at start-up and documented"
                        + " in docs/operations.md; schedules read it through SchedulingConfigurer")
                .isEmpty();
    }

    @Test
    void noJpa() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "org.hibernate..")
                .check(CLASSES);
    }

    @Test
    void controllersNeverTouchRepositories() {
        noClasses().that().areMetaAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAnnotatedWith(Repository.class)
                .because("a controller parses, checks the caller's role, calls a use case and renders")
                .check(CLASSES);
    }

    @Test
    void repositoriesArePackagePrivateUnlessANamedInterface() {
        classes().that().areAnnotatedWith(Repository.class).and().areNotAnnotatedWith(NamedInterface.class)
                .should().notBePublic()
                .because("other modules reach a feature's data through its use cases or a named interface")
                .check(CLASSES);
    }

    @Test
    void useCasesKnowNoHttp() {
        noClasses().that().areAnnotatedWith(Service.class)
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.http..",
                        "org.springframework.web..")
                .orShould().dependOnClassesThat().areAssignableTo(Tenant.class)
                .because("a use case takes an actor and a command; the web adapter turns the request into them")
                .check(CLASSES);
    }

    @Test
    void domainExceptionsCarryNoStatus() {
        noClasses().that().areAssignableTo(DomainException.class)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.http..", "jakarta.servlet..")
                .because("ErrorResponses is the one mapping of failures to statuses")
                .check(CLASSES);
    }
}
