package org.helpdesk.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.helpdesk.HelpdeskApplication;

/**
 * The app in a JVM of its own (the test classpath, so the test-only routes exist), for what only a process
 * shows: signals, exit, the log configuration it starts with. Its output goes to a file.
 */
public final class ChildApp implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private ChildApp(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts the app on {@code port} (actuator on {@code port + 1}), on the test run's database, and waits for /readyz. */
    public static ChildApp start(Path log, int port, Map<String, String> environment) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), HelpdeskApplication.class.getName(),
                "--server.port=" + port, "--management.server.port=" + (port + 1), "--spring.main.banner-mode=off",
                // a small pool: the test run's shared contexts already hold 20 connections each on the shared server
                "--spring.datasource.hikari.maximum-pool-size=4"));
        if (TestDatabase.postgres()) {
            command.add("--spring.datasource.url=" + TestDatabase.postgresUrl());
            command.add("--spring.datasource.username=" + TestDatabase.user());
            command.add("--spring.datasource.password=" + TestDatabase.password());
        } else {
            command.add("--spring.datasource.url=jdbc:h2:mem:child;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH");
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        ChildApp app = new ChildApp(builder.start(), log, port);
        app.awaitReady();
        return app;
    }

    public Process process() {
        return process;
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String output() throws IOException {
        return Files.readString(log);
    }

    /** The status of a GET, or 0 when the connection is refused or times out. */
    public int statusOrZero(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void awaitReady() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the app exited during start-up:\n" + output());
            }
            if (statusOrZero("/readyz") == 200) {
                return;
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new AssertionError("the app did not become ready:\n" + output());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
