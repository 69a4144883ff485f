package org.helpdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi.Response;
import org.helpdesk.support.OpsProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** X-Request-Id: accepted or made, returned on every response, in every log line of the request and in a 500. */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIT extends ApiTest {
    private static final String UUID_SHAPE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void aRequestWithoutAnIdGetsANewOneOnSuccessAndOnError() {
        Response ok = api.get("/readyz").send();
        Response refused = api.get("/api/helpdesk/tickets").send();

        assertThat(ok.header("X-Request-Id")).matches(UUID_SHAPE);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("X-Request-Id")).matches(UUID_SHAPE).isNotEqualTo(ok.header("X-Request-Id"));
    }

    @Test
    void anIdSentByTheCallerIsReturned() {
        String id = "lb-" + UUID.randomUUID();

        Response r = api.get("/api/helpdesk/tickets").bearer("ak_" + "y".repeat(40)).header("X-Request-Id", id).send();

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.header("X-Request-Id")).isEqualTo(id);
    }

    @Test
    void anIdThatIsTooLongOrHasOtherCharactersIsReplaced() {
        for (String bad : List.of("x".repeat(65), "two words", "semi;colon", "a/b", "")) {
            Response r = api.get("/readyz").header("X-Request-Id", bad).send();

            assertThat(r.header("X-Request-Id")).as(bad).matches(UUID_SHAPE);
        }
        Response longest = api.get("/readyz").header("X-Request-Id", "x".repeat(64)).send();
        assertThat(longest.header("X-Request-Id")).isEqualTo("x".repeat(64));
    }

    @Test
    void anUnexpectedErrorAnswers500WithTheIdAndEveryLogLineOfTheRequestCarriesIt(CapturedOutput output) {
        String id = "it-" + UUID.randomUUID();

        Response r = api.get(OpsProbe.FAILURE).header("X-Request-Id", id).send();

        assertThat(r.status()).isEqualTo(500);
        assertThat(r.header("X-Request-Id")).isEqualTo(id);
        assertThat(r.json().get("requestId").stringValue()).isEqualTo(id);
        assertThat(r.error()).contains(id).doesNotContain("IllegalStateException").doesNotContain("provokes");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(output.getOut()).contains("GET " + OpsProbe.FAILURE + " 500"));
        List<String> lines = output.getOut().lines()
                .filter(l -> l.contains("Unexpected error") || l.contains("GET " + OpsProbe.FAILURE + " 500"))
                .toList();
        assertThat(lines).hasSize(2).allSatisfy(line -> assertThat(line).contains("[" + id + "]"));
    }

    @Test
    void aClientErrorBodyHasNoRequestIdField() {
        Response r = api.get("/api/helpdesk/tickets").send();

        assertThat(r.json().propertyNames()).containsExactly("error");
    }
}
