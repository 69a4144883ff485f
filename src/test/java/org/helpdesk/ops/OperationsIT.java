package org.helpdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi.Response;
import org.junit.jupiter.api.Test;

/** What an operator's load balancer and monitoring rely on. */
class OperationsIT extends ApiTest {

    @Test
    void healthIsPublicAndUpWithProbes() {
        Response health = api.get("/actuator/health").send();
        Response readiness = api.get("/actuator/health/readiness").send();

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").stringValue()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
    }

    @Test
    void metricsAreNotPublishedUnlessTheOperatorAsks() {
        Response metrics = api.get("/actuator/prometheus").send();

        assertThat(metrics.status()).isEqualTo(404);
        assertThat(metrics.json().get("error").isString()).isTrue();
    }

    @Test
    void theStartPageTellsHowToSignUpAndWhereTheApiDocumentationIs() {
        Response home = api.get("/").header("Accept", "text/html").send();

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("Content-Type")).startsWith("text/html");
        assertThat(home.body()).contains("/api/auth/signup").contains("/api/docs");
        assertThat(home.header("Content-Security-Policy")).contains("script-src 'self'");
    }
}
