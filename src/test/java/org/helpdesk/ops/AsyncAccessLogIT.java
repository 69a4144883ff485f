package org.helpdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.LoggerContext;
import org.helpdesk.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The access lines go through Logback's AsyncAppender (ops.AsyncAccessLog), lossless, and still reach the log. */
@ExtendWith(OutputCaptureExtension.class)
class AsyncAccessLogIT extends ApiTest {
    @Autowired
    AsyncAccessLog asyncAccessLog;

    @Test
    void theAccessLineIsHandedToAnAsyncAppenderThatNeverDiscardsAndStillReachesTheLog(CapturedOutput output) {
        // the suite runs several application contexts in one JVM, and each start or close of another one makes
        // Boot configure Logback again; in production there is one context, started once. Wire it as at start.
        asyncAccessLog.onApplicationEvent(null);
        ch.qos.logback.classic.Logger access =
                ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("org.helpdesk.access");
        assertThat(access.isAdditive()).isFalse();
        assertThat(access.getAppender(AsyncAccessLog.APPENDER)).isInstanceOfSatisfying(AsyncAppender.class, async -> {
            assertThat(async.isStarted()).isTrue();
            assertThat(async.getDiscardingThreshold()).isZero();
            assertThat(async.isNeverBlock()).isFalse();
        });

        String id = "async-" + UUID.randomUUID();
        assertThat(api.get("/api/helpdesk/tickets").header("X-Request-Id", id).send().status()).isEqualTo(401);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut().lines()
                .filter(line -> line.contains("[" + id + "]") && line.contains("GET /api/helpdesk/tickets 401")))
                .hasSize(1));
    }
}
