package org.helpdesk.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.ApiAssertions.TIMESTAMP;
import static org.helpdesk.support.ApiAssertions.assertError;
import static org.helpdesk.support.ApiAssertions.assertFields;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Owner;
import org.helpdesk.support.HttpApi.Response;
import org.helpdesk.support.HttpApi.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** GET/POST /api/settings/members and PATCH/DELETE /api/settings/members/{userId} (API.md §4). */
class MembersIT extends ApiTest {

    private static String members(Owner owner) {
        return "/api/settings/members?entityId=" + owner.entity();
    }

    private static String member(Owner owner, UUID userId) {
        return "/api/settings/members/" + userId + "?entityId=" + owner.entity();
    }

    private Response add(Owner owner, Session as, String email, Object role) {
        return api.post(members(owner)).session(as).json(Map.of("email", email, "role", role)).send();
    }

    @Test
    void listShowsEveryMemberWithRole() {
        // Given
        Owner owner = api.newOwner();
        Session agent = api.newMember(owner, "agent");

        // When
        Response r = api.get(members(owner)).session(owner.session()).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).hasSize(2);
        for (JsonNode m : r.json()) {
            assertFields(m, "userId", "email", "name", "role", "createdAt");
            assertThat(m.get("createdAt").stringValue()).matches(TIMESTAMP);
        }
        assertThat(r.json()).extracting(m -> m.get("userId").stringValue() + "=" + m.get("role").stringValue())
                .containsExactlyInAnyOrder(owner.session().userId() + "=owner", agent.userId() + "=agent");
    }

    @Test
    void addingAnExistingUserByEmailIs201AndTheyCanUseTheEntity() {
        // Given
        Owner owner = api.newOwner();
        Session newcomer = api.newUser("Nina");

        // When
        Response r = add(owner, owner.session(), newcomer.email().toUpperCase(Locale.ROOT), "admin");

        // Then
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("userId").stringValue()).isEqualTo(newcomer.userId().toString());
        assertThat(r.json().get("email").stringValue()).isEqualTo(newcomer.email());
        assertThat(r.json().get("role").stringValue()).isEqualTo("admin");
        assertThat(api.get(members(owner)).session(newcomer).send().status()).isEqualTo(200);
        assertThat(api.get("/api/me").session(newcomer).send().json().get("memberships"))
                .anySatisfy(m -> assertThat(m.get("entity").get("id").stringValue()).isEqualTo(owner.entity()));
    }

    @Test
    void addingAnUnknownEmailIs404() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = add(owner, owner.session(), HttpApi.uniqueEmail("ghost"), "agent");

        // Then
        assertError(r, 404);
    }

    @Test
    void addingSomeoneWhoIsAlreadyAMemberIs409() {
        // Given
        Owner owner = api.newOwner();
        Session agent = api.newMember(owner, "agent");

        // When
        Response r = add(owner, owner.session(), agent.email(), "viewer");

        // Then
        assertError(r, 409);
    }

    @ParameterizedTest(name = "role {0}")
    @ValueSource(strings = {"boss", "Owner", "AGENT", ""})
    void addingWithAnUnknownRoleIs400(String role) {
        // Given
        Owner owner = api.newOwner();
        Session newcomer = api.newUser("Nina");

        // When
        Response r = add(owner, owner.session(), newcomer.email(), role);

        // Then
        assertError(r, 400);
    }

    @Test
    void addingWithARoleThatIsNotAStringIs400() {
        // Given
        Owner owner = api.newOwner();
        Session newcomer = api.newUser("Nina");

        // When
        Response r = add(owner, owner.session(), newcomer.email(), 1);

        // Then
        assertError(r, 400);
    }

    @Test
    void addingWithAnInvalidEmailIs400() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = add(owner, owner.session(), "not an email", "agent");

        // Then
        assertError(r, 400);
    }

    @Test
    void changingARoleAnswersTheMemberWithTheNewRole() {
        // Given
        Owner owner = api.newOwner();
        Session agent = api.newMember(owner, "agent");

        // When
        Response r = api.patch(member(owner, agent.userId())).session(owner.session()).json(Map.of("role", "viewer")).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("userId").stringValue()).isEqualTo(agent.userId().toString());
        assertThat(r.json().get("role").stringValue()).isEqualTo("viewer");
        assertThat(api.get(members(owner)).session(owner.session()).send().json())
                .anySatisfy(m -> assertThat(m.get("userId").stringValue() + "=" + m.get("role").stringValue())
                        .isEqualTo(agent.userId() + "=viewer"));
    }

    @Test
    void changingToAnUnknownRoleIs400() {
        // Given
        Owner owner = api.newOwner();
        Session agent = api.newMember(owner, "agent");

        // When
        Response r = api.patch(member(owner, agent.userId())).session(owner.session()).json(Map.of("role", "chief")).send();

        // Then
        assertError(r, 400);
    }

    @Test
    void changingTheRoleOfANonMemberIs404() {
        // Given
        Owner owner = api.newOwner();
        Session stranger = api.newUser("Stranger");

        // When
        Response r = api.patch(member(owner, stranger.userId())).session(owner.session()).json(Map.of("role", "agent")).send();

        // Then
        assertError(r, 404);
    }

    @Test
    void memberIdThatIsNotAUuidIs400() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.patch("/api/settings/members/not-a-uuid?entityId=" + owner.entity()).session(owner.session())
                .json(Map.of("role", "agent")).send();

        // Then
        assertError(r, 400);
    }

    @Test
    void removingAMemberIs204AndTheyLoseAccess() {
        // Given
        Owner owner = api.newOwner();
        Session admin = api.newMember(owner, "admin");

        // When
        Response r = api.delete(member(owner, admin.userId())).session(owner.session()).send();

        // Then
        assertThat(r.status()).isEqualTo(204);
        assertThat(api.get(members(owner)).session(owner.session()).send().json()).hasSize(1);
        assertError(api.get(members(owner)).session(admin).send(), 403);
    }

    @Test
    void removingANonMemberIs404() {
        // Given
        Owner owner = api.newOwner();
        Session stranger = api.newUser("Stranger");

        // When
        Response r = api.delete(member(owner, stranger.userId())).session(owner.session()).send();

        // Then
        assertError(r, 404);
    }

    @Test
    void theLastOwnerCannotBeRemoved() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.delete(member(owner, owner.session().userId())).session(owner.session()).send();

        // Then
        assertError(r, 409);
        assertThat(api.get(members(owner)).session(owner.session()).send().json()).hasSize(1);
    }

    @Test
    void theLastOwnerCannotBeDemoted() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.patch(member(owner, owner.session().userId())).session(owner.session())
                .json(Map.of("role", "admin")).send();

        // Then
        assertError(r, 409);
        assertThat(api.get(members(owner)).session(owner.session()).send().json().get(0).get("role").stringValue())
                .isEqualTo("owner");
    }

    @Test
    void anOwnerCanStepDownWhenAnotherOwnerRemains() {
        // Given
        Owner owner = api.newOwner();
        Session second = api.newMember(owner, "owner");

        // When
        Response r = api.patch(member(owner, owner.session().userId())).session(owner.session())
                .json(Map.of("role", "admin")).send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertThat(api.delete(member(owner, owner.session().userId())).session(second).send().status()).isEqualTo(204);
    }

    @Test
    void adminCannotRemoveAnOwner() {
        // Given
        Owner owner = api.newOwner();
        Session admin = api.newMember(owner, "admin");

        // When
        Response r = api.delete(member(owner, owner.session().userId())).session(admin).send();

        // Then
        assertError(r, 403);
    }

    @Test
    void adminCannotDemoteAnOwner() {
        // Given
        Owner owner = api.newOwner();
        api.newMember(owner, "owner");
        Session admin = api.newMember(owner, "admin");

        // When
        Response r = api.patch(member(owner, owner.session().userId())).session(admin).json(Map.of("role", "agent")).send();

        // Then
        assertError(r, 403);
    }

    @Test
    void adminCannotMakeAnyoneOwner() {
        // Given
        Owner owner = api.newOwner();
        Session admin = api.newMember(owner, "admin");
        Session agent = api.newMember(owner, "agent");
        Session newcomer = api.newUser("Nina");

        // When
        Response promote = api.patch(member(owner, agent.userId())).session(admin).json(Map.of("role", "owner")).send();
        Response addOwner = add(owner, admin, newcomer.email(), "owner");

        // Then
        assertError(promote, 403);
        assertError(addOwner, 403);
    }

    @Test
    void adminCanManageNonOwners() {
        // Given
        Owner owner = api.newOwner();
        Session admin = api.newMember(owner, "admin");
        Session newcomer = api.newUser("Nina");

        // When
        Response added = add(owner, admin, newcomer.email(), "agent");
        Response changed = api.patch(member(owner, newcomer.userId())).session(admin).json(Map.of("role", "viewer")).send();
        Response removed = api.delete(member(owner, newcomer.userId())).session(admin).send();

        // Then
        assertThat(List.of(added.status(), changed.status(), removed.status())).containsExactly(201, 200, 204);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"agent", "viewer"})
    void agentsAndViewersCannotManageMembers(String role) {
        // Given
        Owner owner = api.newOwner();
        Session member = api.newMember(owner, role);
        Session newcomer = api.newUser("Nina");

        // When
        Response list = api.get(members(owner)).session(member).send();
        Response addition = add(owner, member, newcomer.email(), "viewer");
        Response removal = api.delete(member(owner, member.userId())).session(member).send();

        // Then
        assertError(list, 403);
        assertError(addition, 403);
        assertError(removal, 403);
    }

    @Test
    void membersOfAnotherEntityCannotBeListed() {
        // Given
        Owner owner = api.newOwner();
        Owner other = api.newOwner();

        // When
        Response r = api.get(members(owner)).session(other.session()).send();

        // Then
        assertError(r, 403);
    }

    @Test
    void removedMembersApiKeysStopWorking() {
        // Given an admin's key that works
        Owner owner = api.newOwner();
        Session admin = api.newMember(owner, "admin");
        String key = api.createKey(admin, owner.entityId(), List.of("read:helpdesk"));
        assertThat(api.get(HttpApi.PROBE).bearer(key).send().status()).isEqualTo(200);

        // When
        api.delete(member(owner, admin.userId())).session(owner.session()).send();

        // Then
        assertError(api.get(HttpApi.PROBE).bearer(key).send(), 401);
        assertThat(api.get(HttpApi.PROBE).bearer(owner.apiKey()).send().status()).isEqualTo(200);
    }

    @Test
    void membersRoutesRefuseApiKeys() {
        // Given
        Owner owner = api.newOwner();

        // When
        Response r = api.get(members(owner)).bearer(owner.apiKey()).send();

        // Then
        assertError(r, 403);
    }

    @Test
    void viewerIsToldThatOnlyAdminsAndOwnersManageMembers() {
        // Given
        Owner owner = api.newOwner();
        Session viewer = api.newMember(owner, "viewer");

        // When
        Response r = api.get(members(owner)).session(viewer).send();

        // Then
        assertError(r, 403);
        assertThat(r.error()).containsIgnoringCase("admin").doesNotContainIgnoringCase("ticket");
    }

    @Test
    void reAddedMemberDoesNotGetTheirOldKeysBack() {
        // Given a removed admin whose key was refused
        Owner owner = api.newOwner();
        Session admin = api.newMember(owner, "admin");
        String key = api.createKey(admin, owner.entityId(), List.of("read:helpdesk"));
        api.delete(member(owner, admin.userId())).session(owner.session()).send();

        // When
        add(owner, owner.session(), admin.email(), "admin");

        // Then
        assertError(api.get(HttpApi.PROBE).bearer(key).send(), 401);
    }
}
