package org.helpdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.contact.ContactCalls.CONTACTS;
import static org.helpdesk.contact.ContactCalls.CONTACT_FIELDS;
import static org.helpdesk.contact.ContactCalls.ORGANIZATIONS;
import static org.helpdesk.contact.ContactCalls.address;
import static org.helpdesk.contact.ContactCalls.texts;
import static org.helpdesk.support.ApiAssertions.TIMESTAMP;
import static org.helpdesk.support.ApiAssertions.assertError;
import static org.helpdesk.support.TicketApi.body;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Contacts and organizations over HTTP (API §9): shapes, value rules, domains, paging, tenancy, permissions. */
class ContactsIT extends ApiTest {
    private HttpApi.Owner owner;
    private ContactCalls calls;

    @BeforeEach
    void setUp() {
        owner = api.newOwner();
        calls = new ContactCalls(api, owner);
    }

    @Test
    void createdContactIs201WithEveryFieldAndLowerCasedAddresses() {
        String primary = address("Ann");
        HttpApi.Response r = api.post(CONTACTS).bearer(owner.apiKey())
                .json(Map.of("name", "Ann Example", "emails", List.of(primary.toUpperCase(), address("ann2")),
                        "phone", "+49 30 1234")).send();

        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode c = r.json();
        assertThat(new ArrayList<>(c.propertyNames())).containsExactlyElementsOf(CONTACT_FIELDS);
        assertThat(r.header("Location")).endsWith(CONTACTS + "/" + c.get("id").stringValue());
        assertThat(c.get("entityId").stringValue()).isEqualTo(owner.entity());
        assertThat(texts(c.get("emails")).get(0)).isEqualTo(primary.toLowerCase());
        assertThat(c.get("phone").stringValue()).isEqualTo("+49 30 1234");
        assertThat(c.get("organizationId").isNull()).isTrue();
        assertThat(c.get("mergedInto").isNull()).isTrue();
        assertThat(c.get("createdAt").stringValue()).matches(TIMESTAMP);
        assertThat(calls.get(c.get("id").stringValue())).isEqualTo(c);
    }

    @Test
    void aContactWithoutNameOrPhoneHasThemAsNull() {
        JsonNode c = calls.contact(Map.of("emails", List.of(address("anon"))));
        assertThat(c.get("name").isNull()).isTrue();
        assertThat(c.get("phone").isNull()).isTrue();
    }

    @Test
    void anAddressOfAnotherContactIs409NamingThatContact() {
        String email = address("taken");
        JsonNode first = calls.contact("First", email);

        HttpApi.Response r = api.post(CONTACTS).bearer(owner.apiKey())
                .json(Map.of("emails", List.of(address("other"), email.toUpperCase()))).send();

        assertError(r, 409);
        assertThat(r.error()).contains(first.get("id").stringValue());
        JsonNode second = calls.contact("Second", address("second"));
        HttpApi.Response patch = api.patch(CONTACTS + "/" + second.get("id").stringValue()).bearer(owner.apiKey())
                .json(Map.of("emails", List.of(email))).send();
        assertError(patch, 409);
        assertThat(patch.error()).contains(first.get("id").stringValue());
    }

    @Test
    void badValuesAre400AndCreateNothing() {
        List<String> twentyOne = IntStream.range(0, 21).mapToObj(i -> address("many" + i)).toList();
        for (Object bad : List.<Object>of(
                Map.of("emails", List.of()),
                Map.of("name", "No address"),
                Map.of("emails", twentyOne),
                Map.of("emails", List.of("not-an-address")),
                Map.of("emails", "a@b.test"),
                Map.of("emails", List.of(address("x")), "name", "n".repeat(256)),
                Map.of("emails", List.of(address("x")), "phone", "1".repeat(51)),
                Map.of("emails", List.of(address("x")), "name", 42),
                Map.of("emails", List.of(address("x")), "organizationId", UUID.randomUUID().toString()),
                Map.of("emails", List.of(address("x")), "organizationId", "nope"))) {
            assertError(api.post(CONTACTS).bearer(owner.apiKey()).json(bad).send(), 400);
        }
        assertThat(api.get(CONTACTS).bearer(owner.apiKey()).send().json().size()).isZero();
    }

    @Test
    void twentyAddressesAreAllowedAndTheFirstIsPrimary() {
        List<String> twenty = IntStream.range(0, 20).mapToObj(i -> address("a" + i)).toList();
        JsonNode c = calls.contact(Map.of("emails", twenty));
        assertThat(texts(c.get("emails"))).containsExactlyElementsOf(twenty);
    }

    @Test
    void patchIsAMergePatch() {
        JsonNode c = calls.contact(Map.of("name", "Bea", "emails", List.of(address("bea")), "phone", "123"));
        String id = c.get("id").stringValue();
        String newAddress = address("bea-new");

        HttpApi.Response r = api.patch(CONTACTS + "/" + id).bearer(owner.apiKey())
                .json(body("phone", null, "emails", List.of(newAddress))).send();

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("name").stringValue()).isEqualTo("Bea");
        assertThat(r.json().get("phone").isNull()).isTrue();
        assertThat(texts(r.json().get("emails"))).containsExactly(newAddress);
        assertThat(calls.get(id)).isEqualTo(r.json());
        HttpApi.Response nothing = api.patch(CONTACTS + "/" + id).bearer(owner.apiKey()).json(Map.of()).send();
        assertThat(nothing.json()).isEqualTo(r.json());
        assertError(api.patch(CONTACTS + "/" + id).bearer(owner.apiKey()).json(body("emails", null)).send(), 400);
        assertError(api.patch(CONTACTS + "/" + id).bearer(owner.apiKey()).json(Map.of("emails", List.of())).send(), 400);
    }

    @Test
    void aContactCreatedWithAnAddressOfAnOrganizationsDomainJoinsIt() {
        String domain = "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        JsonNode org = calls.organization("Acme", domain.toUpperCase());
        assertThat(texts(org.get("domains"))).containsExactly(domain);

        JsonNode joined = calls.contact(Map.of("emails", List.of(address("x"), "Zed@" + domain.toUpperCase())));
        JsonNode byTicket = calls.getTicket(calls.ticketFor("new@" + domain, "Hello").get("id").stringValue());

        assertThat(joined.get("organizationId").stringValue()).isEqualTo(org.get("id").stringValue());
        assertThat(calls.get(byTicket.get("contactId").stringValue()).get("organizationId").stringValue())
                .isEqualTo(org.get("id").stringValue());
    }

    @Test
    void anOrganizationSetByHandIsNeverChangedByTheDomainRule() {
        String domain = "hand-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        JsonNode acme = calls.organization("Acme", domain);
        JsonNode other = calls.organization("Other");

        JsonNode none = calls.contact(body("emails", List.of("a@" + domain), "organizationId", null));
        JsonNode elsewhere = calls.contact(Map.of("emails", List.of("b@" + domain),
                "organizationId", other.get("id").stringValue()));

        assertThat(none.get("organizationId").isNull()).isTrue();
        assertThat(elsewhere.get("organizationId").stringValue()).isEqualTo(other.get("id").stringValue());
        HttpApi.Response moved = api.patch(CONTACTS + "/" + none.get("id").stringValue()).bearer(owner.apiKey())
                .json(Map.of("emails", List.of("c@" + domain))).send();
        assertThat(moved.json().get("organizationId").isNull()).isTrue();
        assertThat(acme.get("id").isNull()).isFalse();
    }

    @Test
    void freeMailDomainsAre400AndADomainOfAnotherOrganizationIs409() {
        for (String free : List.of("gmail.com", "GMX.de", "proton.me", "163.com")) {
            HttpApi.Response r = api.post(ORGANIZATIONS).bearer(owner.apiKey())
                    .json(Map.of("name", "Free", "domains", List.of(free))).send();
            assertError(r, 400);
        }
        assertError(api.post(ORGANIZATIONS).bearer(owner.apiKey())
                .json(Map.of("name", "Bad", "domains", List.of("not a domain"))).send(), 400);
        assertError(api.post(ORGANIZATIONS).bearer(owner.apiKey()).json(Map.of("domains", List.of())).send(), 400);
        String domain = "dup-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        JsonNode first = calls.organization("First", domain);

        HttpApi.Response r = api.post(ORGANIZATIONS).bearer(owner.apiKey())
                .json(Map.of("name", "Second", "domains", List.of(domain.toUpperCase()))).send();

        assertError(r, 409);
        assertThat(r.error()).contains(first.get("id").stringValue());
        JsonNode second = calls.organization("Second");
        assertError(api.patch(ORGANIZATIONS + "/" + second.get("id").stringValue()).bearer(owner.apiKey())
                .json(Map.of("domains", List.of(domain))).send(), 409);
        assertThat(api.get(ORGANIZATIONS).bearer(owner.apiKey()).send().json().size()).isEqualTo(2);
    }

    @Test
    void organizationsHaveCrudAndTheirContactsList() {
        JsonNode org = calls.organization("Initech", "initech-" + UUID.randomUUID().toString().substring(0, 6) + ".test");
        String id = org.get("id").stringValue();
        assertThat(new ArrayList<>(org.propertyNames())).containsExactly("id", "entityId", "name", "domains", "createdAt");
        JsonNode member = calls.contact(Map.of("emails", List.of(address("m")), "organizationId", id));
        calls.contact("Outsider", address("o"));

        HttpApi.Response renamed = api.patch(ORGANIZATIONS + "/" + id).bearer(owner.apiKey())
                .json(Map.of("name", "Initrode")).send();
        HttpApi.Response contacts = api.get(ORGANIZATIONS + "/" + id + "/contacts").bearer(owner.apiKey()).send();

        assertThat(renamed.json().get("name").stringValue()).isEqualTo("Initrode");
        assertThat(api.get(ORGANIZATIONS + "/" + id).bearer(owner.apiKey()).send().json()).isEqualTo(renamed.json());
        assertThat(contacts.json().valueStream().map(c -> c.get("id")).toList()).containsExactly(member.get("id"));
        assertThat(api.get(CONTACTS + "?organizationId=" + id).bearer(owner.apiKey()).send().json().size()).isEqualTo(1);
    }

    @Test
    void deletingAnOrganizationKeepsItsContactsWithoutIt() {
        JsonNode org = calls.organization("Gone");
        String id = org.get("id").stringValue();
        JsonNode member = calls.contact(Map.of("emails", List.of(address("m")), "organizationId", id));

        HttpApi.Response r = api.delete(ORGANIZATIONS + "/" + id).bearer(owner.apiKey()).send();

        assertThat(r.status()).isEqualTo(204);
        assertError(api.get(ORGANIZATIONS + "/" + id).bearer(owner.apiKey()).send(), 404);
        JsonNode after = calls.get(member.get("id").stringValue());
        assertThat(after.get("organizationId").isNull()).isTrue();
        assertThat(after.get("emails")).isEqualTo(member.get("emails"));
    }

    @Test
    void theListSearchesNameAndAddressAndPagesWithALinkHeader() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonNode byName = calls.contact("Zoe " + tag + "_x", address("zoe"));
        JsonNode byMail = calls.contact("Yan", "yan." + tag + "@customer.test");
        calls.contact("Unrelated", address("u"));

        HttpApi.Response found = api.get(CONTACTS + "?q=" + tag.toUpperCase()).bearer(owner.apiKey()).send();
        HttpApi.Response literal = api.get(CONTACTS + "?q=%25").bearer(owner.apiKey()).send();
        HttpApi.Response first = api.get(CONTACTS + "?limit=2").bearer(owner.apiKey()).send();

        assertThat(found.json().valueStream().map(c -> c.get("id")).toList()).as(found.body())
                .containsExactlyInAnyOrder(byName.get("id"), byMail.get("id"));
        assertThat(literal.json().size()).isZero();
        assertThat(first.json().size()).isEqualTo(2);
        String link = first.header("Link");
        assertThat(link).contains("rel=\"next\"");
        String next = link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        HttpApi.Response second = api.get(java.net.URI.create(next).getRawPath() + "?" + java.net.URI.create(next).getRawQuery())
                .bearer(owner.apiKey()).send();
        assertThat(second.json().size()).isEqualTo(1);
        assertThat(second.header("Link")).isNull();
        for (String bad : List.of("limit=0", "limit=201", "limit=x", "cursor=garbage", "organizationId=nope")) {
            assertError(api.get(CONTACTS + "?" + bad).bearer(owner.apiKey()).send(), 400);
        }
        String cursor = next.substring(next.indexOf("cursor=") + 7);
        assertError(api.get(CONTACTS + "?q=zzz&cursor=" + cursor).bearer(owner.apiKey()).send(), 400);
    }

    @Test
    void theSameAddressInTwoEntitiesIsTwoContacts() {
        HttpApi.Owner other = api.newOwner();
        String email = address("shared");
        JsonNode mine = calls.contact("Mine", email);

        JsonNode theirs = new ContactCalls(api, other).contact("Theirs", email);
        JsonNode theirTicket = new ContactCalls(api, other).ticketFor(email, "Hi");

        assertThat(theirs.get("id")).isNotEqualTo(mine.get("id"));
        assertThat(theirTicket.get("contactId")).isEqualTo(theirs.get("id"));
    }

    @Test
    void aContactOrOrganizationOfAnotherEntityIs404() {
        HttpApi.Owner other = api.newOwner();
        String theirs = new ContactCalls(api, other).contact("Theirs", address("t")).get("id").stringValue();
        String theirOrg = new ContactCalls(api, other).organization("Theirs").get("id").stringValue();
        String mine = calls.contact("Mine", address("m")).get("id").stringValue();

        assertError(api.get(CONTACTS + "/" + theirs).bearer(owner.apiKey()).send(), 404);
        assertError(api.patch(CONTACTS + "/" + theirs).bearer(owner.apiKey()).json(Map.of("name", "x")).send(), 404);
        assertError(api.delete(CONTACTS + "/" + theirs).bearer(owner.apiKey()).send(), 404);
        assertError(api.get(CONTACTS + "/" + theirs + "/tickets").bearer(owner.apiKey()).send(), 404);
        assertError(calls.merge(mine, theirs), 404);
        assertError(calls.merge(theirs, mine), 404);
        assertError(api.get(ORGANIZATIONS + "/" + theirOrg).bearer(owner.apiKey()).send(), 404);
        assertError(api.get(ORGANIZATIONS + "/" + theirOrg + "/contacts").bearer(owner.apiKey()).send(), 404);
        assertError(api.delete(ORGANIZATIONS + "/" + theirOrg).bearer(owner.apiKey()).send(), 404);
        assertError(api.patch(CONTACTS + "/" + mine).bearer(owner.apiKey())
                .json(Map.of("organizationId", theirOrg)).send(), 400);
        assertThat(api.get(CONTACTS).bearer(owner.apiKey()).send().json().size()).isEqualTo(1);
        assertError(api.get(CONTACTS + "/not-a-uuid").bearer(owner.apiKey()).send(), 400);
    }

    @Test
    void readersMayReadButNotWrite() {
        String readOnly = api.createKey(owner.session(), owner.entityId(), List.of("read:helpdesk"));
        String id = calls.contact("Ann", address("ann")).get("id").stringValue();

        assertThat(api.get(CONTACTS + "/" + id).bearer(readOnly).send().status()).isEqualTo(200);
        assertError(api.post(CONTACTS).bearer(readOnly).json(Map.of("emails", List.of(address("r")))).send(), 403);
        assertError(api.patch(CONTACTS + "/" + id).bearer(readOnly).json(Map.of("name", "x")).send(), 403);
        assertError(api.delete(CONTACTS + "/" + id).bearer(readOnly).send(), 403);
        assertError(api.post(ORGANIZATIONS).bearer(readOnly).json(Map.of("name", "x")).send(), 403);
        assertError(api.get(CONTACTS).send(), 401);
    }
}
