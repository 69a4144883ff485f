package org.helpdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.helpdesk.support.ChildApp;
import org.helpdesk.support.OpsProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as systemd or a container engine sends it, to the app in a JVM of its own: a request in flight
 * completes, a new one is refused, one that would outlast HELPDESK_SHUTDOWN_TIMEOUT is cut at that bound, and
 * the pool is closed cleanly before the process exits.
 */
class GracefulShutdownIT {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void aRequestInFlightCompletesAcrossSigtermAndTheShutdownIsBounded() throws Exception {
        try (ChildApp app = ChildApp.start(dir.resolve("app.log"), 18031, Map.of("HELPDESK_SHUTDOWN_TIMEOUT", "5s"))) {
            CompletableFuture<HttpResponse<String>> inFlight = send(app, OpsProbe.SLOW + "?ms=3000", Duration.ofSeconds(30));
            CompletableFuture<HttpResponse<String>> tooLong = send(app, OpsProbe.SLOW + "?ms=60000", Duration.ofSeconds(60));
            Thread.sleep(1000); // both are being handled now
            long sigterm = System.nanoTime();

            app.process().toHandle().destroy(); // SIGTERM
            Thread.sleep(500);
            int newRequest = app.statusOrZero("/readyz");
            HttpResponse<String> completed = inFlight.get(30, TimeUnit.SECONDS);
            boolean exited = app.process().waitFor(40, TimeUnit.SECONDS);
            long shutdownSeconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - sigterm);

            assertThat(completed.statusCode()).isEqualTo(200);
            assertThat(completed.body()).contains("\"slept\":3000");
            assertThat(newRequest).as("a new request during shutdown is not served").isNotEqualTo(200);
            assertThat(exited).as("the process exits").isTrue();
            assertThat(tooLong).satisfiesAnyOf(
                    f -> assertThat(f).isCompletedExceptionally(),
                    f -> assertThat(f.getNow(null).statusCode()).isNotEqualTo(200));
            assertThat(shutdownSeconds).as("bounded by HELPDESK_SHUTDOWN_TIMEOUT=5s").isLessThan(25);
            assertThat(app.output()).contains("Commencing graceful shutdown")
                    .contains("Graceful shutdown aborted with one or more requests still active")
                    .containsPattern("HikariPool-\\d+ - Shutdown completed");
        }
    }

    private CompletableFuture<HttpResponse<String>> send(ChildApp app, String path, Duration timeout) {
        return client.sendAsync(HttpRequest.newBuilder(URI.create(app.base() + path)).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
