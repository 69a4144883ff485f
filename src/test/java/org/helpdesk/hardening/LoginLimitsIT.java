package org.helpdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.ApiAssertions.assertError;

import java.util.Map;

import org.helpdesk.account.PasswordHashing;
import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Brute force against one account (API.md §4): ten failures, then 429 until the window has passed. */
class LoginLimitsIT extends ApiTest {
    @Autowired
    PasswordHashing hashing;

    private Response login(String email, String password) {
        return api.post("/api/auth/login").json(Map.of("email", email, "password", password)).send();
    }

    @Test
    void theEleventhWrongPasswordWithinTheWindowIs429AndTheRightOneIsNotCheckedEither() {
        // Given
        String email = HttpApi.uniqueEmail("victim");
        api.signup(email, HttpApi.PASSWORD, "Victim", "Victim's desk");

        // When
        for (int i = 0; i < 10; i++) {
            assertError(login(email, "wrong password " + i), 401);
        }
        long hashesBefore = hashing.hashesComputed();
        Response eleventh = login(email, "wrong password again");
        Response right = login(email, HttpApi.PASSWORD);

        // Then
        assertError(eleventh, 429);
        assertError(right, 429);
        assertThat(Long.parseLong(eleventh.header("Retry-After"))).isBetween(1L, 15 * 60L);
        assertThat(hashing.hashesComputed()).as("no password checked while locked").isEqualTo(hashesBefore);
    }

    @Test
    void theLimitCountsPerEmailWhateverItsCase() {
        // Given
        String email = HttpApi.uniqueEmail("case");
        for (int i = 0; i < 10; i++) {
            login(i % 2 == 0 ? email.toUpperCase() : email, "wrong password");
        }

        // When
        Response r = login(" " + email.toUpperCase() + " ", "wrong password");

        // Then
        assertError(r, 429);
    }

    @Test
    void aSuccessfulLoginClearsTheCount() {
        // Given
        String email = HttpApi.uniqueEmail("forgetful");
        api.signup(email, HttpApi.PASSWORD, "Forgetful", "Desk");
        for (int i = 0; i < 9; i++) {
            assertError(login(email, "wrong password"), 401);
        }

        // When
        assertThat(login(email, HttpApi.PASSWORD).status()).isEqualTo(200);

        // Then
        for (int i = 0; i < 10; i++) {
            assertError(login(email, "wrong password"), 401);
        }
        assertError(login(email, "wrong password"), 429);
    }

    @Test
    void aSignupWithATakenEmailIs409WithoutHashingThePassword() {
        // Given
        String email = HttpApi.uniqueEmail("taken");
        api.signup(email, HttpApi.PASSWORD, "First", "Desk");
        long before = hashing.hashesComputed();

        // When
        Response r = api.post("/api/auth/signup").json(Map.of("email", email, "password", "another password",
                "name", "Second", "entityName", "Desk 2")).send();

        // Then
        assertError(r, 409);
        assertThat(hashing.hashesComputed()).isEqualTo(before);
    }
}
