package org.helpdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpdesk.support.ApiAssertions.assertError;

import java.util.Map;

import org.helpdesk.support.HardenedInstallTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Response;
import org.helpdesk.support.HttpApi.Session;
import org.junit.jupiter.api.Test;

/** Flood limits per client address, the absolute session lifetime and Secure cookies for an HTTPS public URL. */
class HardenedInstallIT extends HardenedInstallTest {

    private Response signupFrom(String address, String email) {
        return api.post("/api/auth/signup").header("X-Forwarded-For", address)
                .json(Map.of("email", email, "password", HttpApi.PASSWORD, "name", "N", "entityName", "E")).send();
    }

    private Response loginFrom(String address, String email, String password) {
        return api.post("/api/auth/login").header("X-Forwarded-For", address)
                .json(Map.of("email", email, "password", password)).send();
    }

    @Test
    void signupsFromOneAddressAreLimitedAndOtherAddressesAreNot() {
        // Given
        String address = newClientAddress();
        for (int i = 0; i < SIGNUPS_PER_ADDRESS; i++) {
            assertThat(signupFrom(address, HttpApi.uniqueEmail("flood")).status()).isEqualTo(201);
        }

        // When
        String email = HttpApi.uniqueEmail("flood");
        Response over = signupFrom(address, email);
        Response elsewhere = signupFrom(newClientAddress(), HttpApi.uniqueEmail("other"));

        // Then
        assertError(over, 429);
        assertThat(Long.parseLong(over.header("Retry-After"))).isPositive();
        assertThat(elsewhere.status()).isEqualTo(201);
        assertError(loginFrom(newClientAddress(), email, HttpApi.PASSWORD), 401); // the refused signup created nothing
    }

    @Test
    void failedLoginsFromOneAddressAreLimitedAcrossEmailsButSuccessfulOnesDoNotCount() {
        // Given
        String address = newClientAddress();
        String email = HttpApi.uniqueEmail("office");
        assertThat(signupFrom(newClientAddress(), email).status()).isEqualTo(201);
        for (int i = 0; i < 10; i++) {
            assertThat(loginFrom(address, email, HttpApi.PASSWORD).status()).isEqualTo(200);
        }
        for (int i = 0; i < FAILURES_PER_ADDRESS; i++) {
            assertError(loginFrom(address, HttpApi.uniqueEmail("guess"), "wrong password"), 401);
        }

        // When
        Response over = loginFrom(address, HttpApi.uniqueEmail("guess"), "wrong password");
        Response otherAddress = loginFrom(newClientAddress(), email, HttpApi.PASSWORD);

        // Then
        assertError(over, 429);
        assertThat(over.header("Retry-After")).isNotNull();
        assertThat(otherAddress.status()).isEqualTo(200);
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeEvenWhenInUse() throws InterruptedException {
        // Given
        Session session = api.signup(HttpApi.uniqueEmail("long"), HttpApi.PASSWORD, "L", "E");
        long end = System.nanoTime() + java.time.Duration.parse(SESSION_MAX_AGE).toNanos() + 1_000_000_000L;

        // When it is used all the time (the idle timeout never strikes)
        while (System.nanoTime() < end) {
            Response me = api.get("/api/me").session(session).send();
            if (me.status() != 200) {
                break;
            }
            Thread.sleep(300);
        }
        Response after = api.get("/api/me").session(session).send();

        // Then
        assertError(after, 401);
    }

    @Test
    void cookiesAreSecureWhenThePublicUrlIsHttpsEvenOnAPlainRequest() {
        // When
        Response r = signupFrom(newClientAddress(), HttpApi.uniqueEmail("secure"));

        // Then
        assertThat(r.headers("Set-Cookie")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure").containsIgnoringCase("SameSite=Lax"));
    }

    @Test
    void theStartPageShowsThePublicUrl() {
        assertThat(api.get("/").send().body()).contains("https://helpdesk.example.com/api/auth/signup");
    }
}
