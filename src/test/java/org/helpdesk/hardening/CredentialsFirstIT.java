package org.helpdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.junit.jupiter.api.Test;

/**
 * Credentials first (API.md §1, issue 28): missing or bad credentials on a route that needs them are 401 whatever
 * else is wrong; an API client (a request with an Authorization header) gets JSON errors off /api too; a sign-in
 * whose {@code next} holds braces lands on the start page.
 */
class CredentialsFirstIT extends ApiTest {

    @Test
    void aBadOrMissingKeyIs401WhateverElseIsWrong() {
        String big = "x".repeat(1_100_000);
        for (String key : new String[] {null, "ak_not_a_key", "garbage"}) {
            List<HttpApi.Call> calls = List.of(
                    api.post("/api/helpdesk/tickets").raw("subject=x", "text/plain"),
                    api.post("/api/helpdesk/tickets").raw("", "*/*"),
                    api.post("/api/helpdesk/tickets?x=%00").json(Map.of("subject", "x")),
                    api.get("/api/helpdesk/tickets?q=%FF"),
                    api.post("/api/helpdesk/tickets").raw("a=%FF", "application/x-www-form-urlencoded"),
                    api.post("/api/helpdesk/tickets").raw(big, "application/json"),
                    api.patch("/api/settings/members/" + UUID.randomUUID()).raw("{", "text/csv"));
            for (HttpApi.Call call : calls) {
                if (key != null) {
                    call.bearer(key);
                }
                HttpApi.Response r = call.send();
                assertThat(r.status()).as(key + " " + r.body()).isEqualTo(401);
                assertThat(r.error()).isNotBlank();
            }
        }
    }

    @Test
    void withAGoodKeyTheRequestIsJudgedAsBefore() {
        HttpApi.Owner owner = api.newOwner();

        assertThat(api.post("/api/helpdesk/tickets").bearer(owner.apiKey()).raw("subject=x", "text/plain").send()
                .status()).isEqualTo(415);
        assertThat(api.get("/api/helpdesk/tickets?q=%00").bearer(owner.apiKey()).send().status()).isEqualTo(400);
        assertThat(api.get("/api/helpdesk/tickets?q=%FF").bearer(owner.apiKey()).send().status()).isEqualTo(400);
        assertThat(api.post("/api/helpdesk/tickets").bearer(owner.apiKey()).raw("x".repeat(1_100_000),
                "application/json").send().status()).isEqualTo(413);
        // routes that need no credentials judge the request at once
        assertThat(api.post("/api/auth/login").raw("email=a", "text/plain").send().status()).isEqualTo(415);
    }

    @Test
    void anApiClientOffTheApiGetsJsonNeverAPage() {
        for (String path : List.of("/e/" + UUID.randomUUID() + "/tickets", "/start", "/no-such-page")) {
            HttpApi.Response r = api.get(path).bearer("ak_not_a_key").header("Accept", "text/html").send();

            assertThat(r.status()).as(path).isGreaterThanOrEqualTo(400);
            assertThat(r.header("Content-Type")).as(path).startsWith("application/json");
            assertThat(r.error()).isNotBlank();
        }
        // a browser without the header still gets the page (the sign-in page for a signed-in page)
        HttpApi.Response page = api.get("/start").header("Accept", "text/html").send();
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.header("Location")).contains("/signin");
    }

    @Test
    void aSignInWithBracesInNextLandsOnTheStartPage() {
        HttpApi.Session user = api.newUser("Brace");
        String csrf = UUID.randomUUID().toString();

        HttpApi.Response r = api.post("/signin").header("Cookie", "XSRF-TOKEN=" + csrf).header("X-XSRF-TOKEN", csrf)
                .header("Accept", "text/html")
                .raw("email=" + user.email().replace("@", "%40") + "&password=" + java.net.URLEncoder.encode(HttpApi.PASSWORD, java.nio.charset.StandardCharsets.UTF_8)
                        + "&next=%2Fe%2F%7Bx%7D%2Ftickets", "application/x-www-form-urlencoded").send();

        assertThat(r.status()).as(r.body()).isEqualTo(302);
        assertThat(r.header("Location")).endsWith("/");
    }
}
