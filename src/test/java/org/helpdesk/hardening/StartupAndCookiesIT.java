package org.helpdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Start-up noise, the start page's URLs and the attributes of every cookie the app sets. */
class StartupAndCookiesIT extends ApiTest {
    @Autowired
    ApplicationContext context;

    @Test
    void noGeneratedDefaultUserExists() {
        // Spring Boot logs "Using generated security password" when it creates this in-memory user
        assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    }

    @Test
    void theStartPageShowsTheAddressItWasReachedAt() {
        // When
        Response r = api.get("/").header("Accept", "text/html").send();

        // Then
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("http://localhost:" + port + "/api/auth/signup").doesNotContain(":8080");
    }

    @Test
    void everyCookieOfSignupLoginAndPageViewsHasSameSiteAndHttpOnlyWhereItMatters() {
        // Given
        String email = HttpApi.uniqueEmail("cookie");
        Response signup = api.post("/api/auth/signup").json(Map.of("email", email, "password", HttpApi.PASSWORD,
                "name", "C", "entityName", "C")).send();
        Response login = api.post("/api/auth/login").json(Map.of("email", email, "password", HttpApi.PASSWORD)).send();
        Response page = api.get("/").send();

        // Then
        List<String> cookies = new java.util.ArrayList<>();
        cookies.addAll(signup.headers("Set-Cookie"));
        cookies.addAll(login.headers("Set-Cookie"));
        cookies.addAll(page.headers("Set-Cookie"));
        assertThat(cookies).anyMatch(c -> c.startsWith("XSRF-TOKEN=")).anyMatch(c -> c.startsWith("SESSION="));
        assertThat(cookies).allSatisfy(c -> assertThat(c).containsIgnoringCase("SameSite=Lax"));
        assertThat(cookies).filteredOn(c -> c.startsWith("SESSION=")).allSatisfy(c -> assertThat(c).containsIgnoringCase("HttpOnly"));
        assertThat(cookies).allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("Secure"));
    }

    @Test
    void cookiesAreSecureWhenTheRequestCameOverHttpsThroughATrustedProxy() {
        // When
        Response r = api.post("/api/auth/signup").header("X-Forwarded-Proto", "https")
                .json(Map.of("email", HttpApi.uniqueEmail("https"), "password", HttpApi.PASSWORD, "name", "S", "entityName", "S")).send();

        // Then
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.headers("Set-Cookie")).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(c -> assertThat(c).containsIgnoringCase("Secure").containsIgnoringCase("SameSite=Lax"));
    }
}
