package org.helpdesk.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/** A webhook receiver on loopback (the JDK's HTTP server): records each request, answers as scripted. */
final class Receiver implements AutoCloseable {
    record Request(String method, Map<String, List<String>> headers, String body, long receivedAtMillis) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }
    }

    /** One scripted answer. */
    record Answer(int status, String retryAfter) {
    }

    private final HttpServer server;
    private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private volatile Answer otherwise = new Answer(200, null);

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            requests.add(new Request(exchange.getRequestMethod(), Map.copyOf(exchange.getRequestHeaders()),
                    new String(body, StandardCharsets.UTF_8), System.currentTimeMillis()));
            Answer answer = script.poll();
            if (answer == null) {
                answer = otherwise;
            }
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    Receiver then(int status) {
        script.add(new Answer(status, null));
        return this;
    }

    Receiver then(int status, String retryAfter) {
        script.add(new Answer(status, retryAfter));
        return this;
    }

    Receiver always(int status) {
        otherwise = new Answer(status, null);
        return this;
    }

    /** The next request, waiting at most {@code timeout}; fails the test if none came. */
    Request next(Duration timeout) throws InterruptedException {
        Request r = requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (r == null) {
            throw new AssertionError("the receiver got no request within " + timeout);
        }
        return r;
    }

    Request next() throws InterruptedException {
        return next(Duration.ofSeconds(15));
    }

    /** Whether a request comes within {@code wait} (to show that none does). */
    Request poll(Duration wait) throws InterruptedException {
        return requests.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<Request> drain() {
        List<Request> out = new ArrayList<>();
        requests.drainTo(out);
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
