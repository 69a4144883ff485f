package org.helpdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.helpdesk.support.ApiTest;
import org.helpdesk.support.HttpApi;
import org.helpdesk.support.HttpApi.Response;
import org.helpdesk.support.TicketApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * An operator who turns logging up to DEBUG (logging.level.root=debug) must still find no secret and no
 * personal data in the logs: passwords, API key secrets, session ids, CSRF tokens, Authorization headers,
 * emails. A whole account-and-key flow runs with the root logger at DEBUG; its captured output is searched.
 */
@ExtendWith(OutputCaptureExtension.class)
class SafeLogsIT extends ApiTest {

    @Autowired
    LoggingSystem logging;

    @Test
    void aFullFlowAtDebugLeavesNoSecretOrEmailInTheLogs(CapturedOutput output) {
        List<String> secrets = new ArrayList<>();
        LogLevel before = logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME).getEffectiveLevel();
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.DEBUG);
        try {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            String email = "Secret.Person." + tag + "@Example.com";
            String password = "pw-secret-" + tag;
            String wrongPassword = "pw-wrong-" + tag;
            String contactEmail = "contact." + tag + "@customer.example";
            secrets.addAll(List.of(email.toLowerCase(Locale.ROOT), "secret.person." + tag, password, wrongPassword,
                    contactEmail));

            HttpApi.Session session = api.signup(email, password, "Secret Person", "Leak Test " + tag);
            Response failedLogin = api.post("/api/auth/login").json(Map.of("email", email, "password", wrongPassword)).send();
            HttpApi.Session login = api.login(email, password);
            UUID entityId = UUID.fromString(api.get("/api/me").session(login).send().json()
                    .get("memberships").get(0).get("entity").get("id").stringValue());
            Response created = api.post("/api/settings/api-keys?entityId=" + entityId).session(login)
                    .json(Map.of("name", "leak test key", "scopes", List.of("read:helpdesk", "write:helpdesk"))).send();
            String key = created.json().get("key").stringValue();
            String keyId = created.json().get("id").stringValue();
            for (HttpApi.Session s : List.of(session, login)) {
                secrets.add(s.sessionCookie());
                secrets.add(new String(Base64.getDecoder().decode(s.sessionCookie()), StandardCharsets.UTF_8));
                secrets.add(s.csrf());
            }
            secrets.add(key);
            secrets.add(key.substring(8)); // all but the public prefix

            Response withKey = api.post(TicketApi.TICKETS).bearer(key)
                    .json(Map.of("subject", "Printer", "contactEmail", contactEmail)).send();
            Response duplicateSignup = api.post("/api/auth/signup").json(Map.of("email", email, "password", password,
                    "name", "Again", "entityName", "Again")).send();
            Response badCsrf = api.post("/api/entities").header("Cookie", "SESSION=" + login.sessionCookie()
                    + "; XSRF-TOKEN=" + login.csrf()).header("X-XSRF-TOKEN", "not-" + login.csrf())
                    .json(Map.of("name", "x")).send();
            Response revoked = api.delete("/api/settings/api-keys/" + keyId + "?entityId=" + entityId).session(login).send();
            Response afterRevoke = api.get(TicketApi.TICKETS).bearer(key).send();
            Response logout = api.post("/api/auth/logout").session(login).send();

            assertThat(failedLogin.status()).isEqualTo(401);
            assertThat(withKey.status()).isEqualTo(201);
            assertThat(duplicateSignup.status()).isEqualTo(409);
            assertThat(badCsrf.status()).isEqualTo(403);
            assertThat(revoked.status()).isEqualTo(204);
            assertThat(afterRevoke.status()).isEqualTo(401);
            assertThat(logout.status()).isEqualTo(204);
        } finally {
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, before);
        }

        String logs = output.getOut() + output.getErr();
        // the capture did run at DEBUG and saw the flow's requests
        assertThat(logs).contains(" DEBUG ").contains("POST /api/auth/login 401").contains("GET /api/helpdesk/tickets 401");
        List<String> leaks = logs.lines().filter(line -> {
            String lower = line.toLowerCase(Locale.ROOT);
            return secrets.stream().anyMatch(secret -> lower.contains(secret.toLowerCase(Locale.ROOT)))
                    || lower.contains("bearer ak_") || lower.contains("authorization:") || lower.contains("cookie:");
        }).toList();
        assertThat(leaks).as("log lines with a secret or personal datum").isEmpty();
    }
}
