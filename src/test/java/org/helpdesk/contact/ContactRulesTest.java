package org.helpdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.common.InvalidInput;
import org.junit.jupiter.api.Test;

/** The value rules of contacts and organizations (API §9), without a database. */
class ContactRulesTest {

    @Test
    void addressesAreLowerCasedKeptInOrderAndCountedOnce() {
        assertThat(ContactRules.emails(List.of(" Ann@Example.COM ", "b@x.test", "ANN@example.com")))
                .containsExactly("ann@example.com", "b@x.test");
    }

    @Test
    void aContactHasOneToTwentyAddresses() {
        assertThatThrownBy(() -> ContactRules.emails(List.of())).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> ContactRules.emails(null)).isInstanceOf(InvalidInput.class);
        List<String> twenty = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "a" + i + "@x.test").toList();
        assertThat(ContactRules.emails(twenty)).hasSize(20);
        List<String> more = new java.util.ArrayList<>(twenty);
        more.add("z@x.test");
        assertThatThrownBy(() -> ContactRules.emails(more)).hasMessageContaining("at most 20");
        assertThatThrownBy(() -> ContactRules.emails(List.of("no-at-sign"))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void nameAndPhoneHaveTheirLimitsAndBlankMeansNone() {
        assertThat(ContactRules.name("  ")).isNull();
        assertThat(ContactRules.name(" Ann ")).isEqualTo("Ann");
        assertThat(ContactRules.name("n".repeat(255))).hasSize(255);
        assertThatThrownBy(() -> ContactRules.name("n".repeat(256))).isInstanceOf(InvalidInput.class);
        assertThat(ContactRules.phone("1".repeat(50))).hasSize(50);
        assertThatThrownBy(() -> ContactRules.phone("1".repeat(51))).isInstanceOf(InvalidInput.class);
    }

    @Test
    void everyFreeMailDomainOfTheContractIsRefused() {
        for (String free : List.of("gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com",
                "yahoo.com", "icloud.com", "me.com", "aol.com", "proton.me", "protonmail.com", "gmx.com", "gmx.de",
                "web.de", "mail.ru", "yandex.ru", "qq.com", "163.com")) {
            assertThatThrownBy(() -> ContactRules.domain(free.toUpperCase())).as(free)
                    .isInstanceOf(InvalidInput.class).hasMessageContaining("free-mail");
        }
        assertThat(ContactRules.FREE_MAIL).hasSize(18);
    }

    @Test
    void domainsAreLowerCasedWithoutAtSignAndMustLookLikeDomains() {
        assertThat(ContactRules.domains(List.of("Acme.COM", "@acme.com", "sub.acme.co.uk")))
                .containsExactly("acme.com", "sub.acme.co.uk");
        assertThat(ContactRules.domains(null)).isEmpty();
        for (String bad : List.of("", "acme", "acme..com", "-acme.com", "acme.com/x", "a b.com")) {
            assertThatThrownBy(() -> ContactRules.domain(bad)).as(bad).isInstanceOf(InvalidInput.class);
        }
        assertThatThrownBy(() -> ContactRules.domains(Collections.nCopies(1, "x").stream()
                .flatMap(x -> java.util.stream.IntStream.range(0, 101).mapToObj(i -> "d" + i + ".test")).toList()))
                .hasMessageContaining("at most 100");
    }

    @Test
    void aNewContactJoinsTheOrganizationOfItsFirstAddressWithAKnownDomain() {
        UUID acme = UUID.randomUUID();
        UUID initech = UUID.randomUUID();
        Map<String, UUID> owners = Map.of("acme.test", acme, "initech.test", initech);

        assertThat(ContactRules.organizationByDomain(List.of("a@free.test", "b@initech.test", "c@acme.test"), owners))
                .isEqualTo(initech);
        assertThat(ContactRules.organizationByDomain(List.of("a@free.test"), owners)).isNull();
        assertThat(ContactRules.domainsOf(List.of("a@x.test", "b@x.test", "c@y.test"))).containsExactly("x.test", "y.test");
    }
}
